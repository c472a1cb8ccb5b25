/// Schema version 7, for the deputies' duty:
/// - the duty log takes 述职 and 其他, the households of a household visit, and the state of an application
///   (积分申请): entered by whom, approved or refused by whom and why. Its points are no longer stored per
///   entry; they come from the station's rule table when counted, so a changed rule counts the whole year
///   alike. The log is rebuilt because a CHECK cannot be altered; a household visit logged before counts
///   as one household;
/// - the points rule per kind: the first entry of a year, each further one, a yearly cap (none when NULL),
///   seeded from the one figure per kind the settings held;
/// - reception days added to the station's rule, or moved from the rule's day;
/// - the residents each deputy keeps in touch with, and every contact.
enum SchemaV7 {
    static let kinds = "'reception','householdVisit','enterpriseVisit','training','inspection','meeting','suggestion','reportToVoters','other'"

    static let sql = """
    CREATE TABLE new_duty_log (
        id INTEGER PRIMARY KEY,
        deputy_id INTEGER NOT NULL REFERENCES deputies(id),
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (\(kinds))),
        note TEXT NOT NULL DEFAULT '',
        visit_id INTEGER REFERENCES visits(id),
        meeting_id INTEGER REFERENCES meetings(id),
        households INTEGER CHECK (households IS NULL OR households > 0),
        status TEXT NOT NULL DEFAULT 'approved' CHECK (status IN ('applied','approved','refused')),
        entered_by INTEGER REFERENCES operators(id),
        entered_at TEXT,
        decided_by INTEGER REFERENCES operators(id),
        decided_at TEXT,
        refusal TEXT NOT NULL DEFAULT '',
        CHECK (day IS date(day, '+0 days')),
        CHECK ((kind = 'householdVisit') = (households IS NOT NULL))
    );
    INSERT INTO new_duty_log(id, deputy_id, day, kind, note, visit_id, meeting_id, households)
        SELECT id, deputy_id, day, kind, note, visit_id, meeting_id, CASE WHEN kind = 'householdVisit' THEN 1 END FROM duty_log;
    DROP TABLE duty_log;
    ALTER TABLE new_duty_log RENAME TO duty_log;
    CREATE INDEX duty_log_by_deputy ON duty_log(deputy_id, day);
    CREATE INDEX duty_log_by_day ON duty_log(day, deputy_id);
    CREATE UNIQUE INDEX duty_log_reception_by_visit ON duty_log(visit_id) WHERE kind = 'reception' AND visit_id IS NOT NULL;
    CREATE INDEX duty_log_applied ON duty_log(day) WHERE status = 'applied';

    CREATE TABLE duty_point_rules (
        kind TEXT PRIMARY KEY CHECK (kind IN (\(kinds))),
        first_points INTEGER NOT NULL CHECK (first_points BETWEEN 0 AND 100),
        further_points INTEGER NOT NULL CHECK (further_points BETWEEN 0 AND 100),
        yearly_cap INTEGER CHECK (yearly_cap IS NULL OR yearly_cap BETWEEN 0 AND 10000)
    );
    INSERT INTO duty_point_rules(kind, first_points, further_points)
        SELECT kind, coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'points.' || kind), standard),
               coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'points.' || kind), standard)
        FROM (SELECT 'reception' AS kind, 5 AS standard UNION ALL SELECT 'householdVisit', 2 UNION ALL SELECT 'enterpriseVisit', 2
              UNION ALL SELECT 'training', 1 UNION ALL SELECT 'inspection', 3 UNION ALL SELECT 'meeting', 2
              UNION ALL SELECT 'suggestion', 3 UNION ALL SELECT 'reportToVoters', 5 UNION ALL SELECT 'other', 1);
    DELETE FROM settings WHERE key LIKE 'points.%';

    CREATE TABLE reception_day_changes (
        id INTEGER PRIMARY KEY,
        station_id INTEGER NOT NULL REFERENCES stations(id),
        day TEXT NOT NULL CHECK (day IS date(day, '+0 days')),
        -- The rule's day this one replaces; NULL for a day added besides the rule's.
        instead_of TEXT CHECK (instead_of IS NULL OR instead_of IS date(instead_of, '+0 days')),
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (station_id, day)
    );

    CREATE TABLE contact_assignments (
        id INTEGER PRIMARY KEY,
        deputy_id INTEGER NOT NULL REFERENCES deputies(id),
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        assigned_on TEXT NOT NULL CHECK (assigned_on IS date(assigned_on, '+0 days')),
        ended_on TEXT CHECK (ended_on IS NULL OR ended_on IS date(ended_on, '+0 days'))
    );
    CREATE UNIQUE INDEX contact_assignments_current ON contact_assignments(deputy_id, resident_id) WHERE ended_on IS NULL;

    CREATE TABLE resident_contacts (
        id INTEGER PRIMARY KEY,
        deputy_id INTEGER NOT NULL REFERENCES deputies(id),
        resident_id INTEGER NOT NULL REFERENCES residents(id),
        day TEXT NOT NULL CHECK (day IS date(day, '+0 days')),
        method TEXT NOT NULL CHECK (method IN ('phone','visit')),
        raised TEXT NOT NULL DEFAULT '',
        case_id INTEGER REFERENCES cases(id),
        entered_by INTEGER REFERENCES operators(id)
    );
    CREATE INDEX resident_contacts_by_deputy ON resident_contacts(deputy_id, day);
    -- The roster asks which reception days have had their notice written.
    CREATE INDEX audit_log_by_action ON audit_log(action, subject);
    """
}
