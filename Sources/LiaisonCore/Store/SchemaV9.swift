/// Schema version 9, the meeting agenda from notice to minutes to follow-up cases:
/// - a meeting has an organiser, a reason when cancelled, the days its two notices (公示) were written and
///   a version, so two terminals editing one meeting do not overwrite each other;
/// - a participant's attendance is recorded apart from the invitation (NULL until recorded), and a
///   resident may agree to be named in full on the notices;
/// - an agenda item (议题) has its discussion notes, the agreed action with the department and the time
///   limit in working days, and the follow-up case its resolution opened; several cases on one problem
///   share an item through `agenda_item_cases` (the one case an item could name so far moves there);
/// - open cases by tier, so the joint tier (会商办) a meeting takes up first is found without walking a
///   district's million cases.
enum SchemaV9 {
    static let sql = """
    ALTER TABLE meetings ADD COLUMN organiser TEXT NOT NULL DEFAULT '';
    ALTER TABLE meetings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE meetings ADD COLUMN announced_at TEXT;
    ALTER TABLE meetings ADD COLUMN result_published_at TEXT;
    ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ALTER TABLE meeting_participants ADD COLUMN attended INTEGER CHECK (attended IN (0, 1));
    ALTER TABLE meeting_participants ADD COLUMN name_public INTEGER NOT NULL DEFAULT 0 CHECK (name_public IN (0, 1));
    CREATE INDEX meeting_participants_by_deputy ON meeting_participants(deputy_id) WHERE deputy_id IS NOT NULL;

    ALTER TABLE agenda_items ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE agenda_items ADD COLUMN action TEXT NOT NULL DEFAULT '';
    ALTER TABLE agenda_items ADD COLUMN department_id INTEGER REFERENCES departments(id);
    ALTER TABLE agenda_items ADD COLUMN working_days INTEGER CHECK (working_days > 0);
    ALTER TABLE agenda_items ADD COLUMN follow_up_case_id INTEGER REFERENCES cases(id);

    CREATE TABLE agenda_item_cases (
        item_id INTEGER NOT NULL REFERENCES agenda_items(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        PRIMARY KEY (item_id, case_id)
    ) WITHOUT ROWID;
    CREATE INDEX agenda_item_cases_by_case ON agenda_item_cases(case_id);
    INSERT INTO agenda_item_cases(item_id, case_id) SELECT id, case_id FROM agenda_items WHERE case_id IS NOT NULL;
    UPDATE agenda_items SET case_id = NULL;
    CREATE INDEX cases_open_by_tier ON cases(station_id, tier, opened_on) WHERE status <> 'closed';
    """
}
