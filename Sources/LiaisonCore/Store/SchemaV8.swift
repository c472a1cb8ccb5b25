/// Schema version 8, so the deputies' screen opens at once in a district of thousands:
/// - each deputy's duty in a year as the quota and the points count it (approved entries per kind,
///   reception by distinct day, households visited, residents received, applications waiting), one row
///   per deputy and year kept by triggers on every insert, change and delete of an entry: counting a
///   year's points reads one row per deputy instead of every entry of the year;
/// - each resident a deputy keeps in touch with carries the day of their latest contact, kept by triggers,
///   so this month's check reads the assignments alone.
enum SchemaV8 {
    /// Kinds counted by entry; a reception counts by day. As in version 7, written out: a migration does not
    /// change with the program's enums.
    private static let kindsByEntry = ["householdVisit", "enterpriseVisit", "training", "inspection", "meeting", "suggestion",
                                       "reportToVoters", "other"]

    /// Adds (`sign` +) or takes away (−) one entry, `side` NEW or OLD, in its deputy's year; a day of
    /// reception counts once however many residents were received on it. The year's row is made without
    /// OR IGNORE, which an upsert firing the trigger (the reception desk's) would override.
    private static func count(_ side: String, _ sign: String) -> String {
        let year = "CAST(substr(\(side).day, 1, 4) AS INTEGER)"
        let approved = "\(side).status = 'approved'"
        let figures = kindsByEntry.map { "\($0) = \($0) \(sign) (\(approved) AND \(side).kind = '\($0)')" } + [
            """
            reception = reception \(sign) CASE WHEN \(approved) AND \(side).kind = 'reception'
                THEN NOT EXISTS (SELECT 1 FROM duty_log o WHERE o.deputy_id = \(side).deputy_id AND o.day = \(side).day
                                 AND o.kind = 'reception' AND o.status = 'approved' AND o.id <> \(side).id) ELSE 0 END
            """,
            "households = households \(sign) CASE WHEN \(approved) AND \(side).kind = 'householdVisit' THEN \(side).households ELSE 0 END",
            "received = received \(sign) (\(approved) AND \(side).kind = 'reception' AND \(side).visit_id IS NOT NULL)",
            "pending = pending \(sign) (\(side).status = 'applied')",
        ]
        return """
        INSERT INTO duty_year(year, deputy_id) SELECT \(year), \(side).deputy_id
            WHERE NOT EXISTS (SELECT 1 FROM duty_year WHERE year = \(year) AND deputy_id = \(side).deputy_id);
        UPDATE duty_year SET \(figures.joined(separator: ",\n    ")) WHERE year = \(year) AND deputy_id = \(side).deputy_id;
        """
    }

    static let sql = """
    CREATE TABLE duty_year (
        year INTEGER NOT NULL,
        deputy_id INTEGER NOT NULL,
        reception INTEGER NOT NULL DEFAULT 0,
        \(kindsByEntry.map { "\($0) INTEGER NOT NULL DEFAULT 0" }.joined(separator: ",\n    ")),
        households INTEGER NOT NULL DEFAULT 0,
        received INTEGER NOT NULL DEFAULT 0,
        pending INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, deputy_id)
    ) WITHOUT ROWID;
    INSERT INTO duty_year(year, deputy_id, reception, \(kindsByEntry.joined(separator: ", ")), households, received, pending)
        SELECT CAST(substr(day, 1, 4) AS INTEGER), deputy_id,
               count(DISTINCT CASE WHEN status = 'approved' AND kind = 'reception' THEN day END),
               \(kindsByEntry.map { "sum(status = 'approved' AND kind = '\($0)')" }.joined(separator: ", ")),
               coalesce(sum(CASE WHEN status = 'approved' AND kind = 'householdVisit' THEN households END), 0),
               sum(status = 'approved' AND kind = 'reception' AND visit_id IS NOT NULL), sum(status = 'applied')
        FROM duty_log GROUP BY 1, 2;
    CREATE TRIGGER duty_year_insert AFTER INSERT ON duty_log BEGIN
    \(count("NEW", "+"))
    END;
    CREATE TRIGGER duty_year_delete AFTER DELETE ON duty_log BEGIN
    \(count("OLD", "-"))
    END;
    CREATE TRIGGER duty_year_update AFTER UPDATE OF deputy_id, day, kind, status, households, visit_id ON duty_log BEGIN
    \(count("OLD", "-"))
    \(count("NEW", "+"))
    END;

    CREATE INDEX resident_contacts_by_resident ON resident_contacts(deputy_id, resident_id, day);
    ALTER TABLE contact_assignments ADD COLUMN last_contact TEXT CHECK (last_contact IS NULL OR last_contact IS date(last_contact, '+0 days'));
    UPDATE contact_assignments SET last_contact = (SELECT max(day) FROM resident_contacts c
                                                   WHERE c.deputy_id = contact_assignments.deputy_id AND c.resident_id = contact_assignments.resident_id);
    CREATE TRIGGER contact_assignments_last_contact AFTER INSERT ON contact_assignments BEGIN
        UPDATE contact_assignments SET last_contact = (SELECT max(day) FROM resident_contacts c
                                                       WHERE c.deputy_id = NEW.deputy_id AND c.resident_id = NEW.resident_id)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER resident_contacts_insert AFTER INSERT ON resident_contacts BEGIN
        UPDATE contact_assignments SET last_contact = NEW.day
        WHERE deputy_id = NEW.deputy_id AND resident_id = NEW.resident_id AND (last_contact IS NULL OR last_contact < NEW.day);
    END;
    CREATE TRIGGER resident_contacts_delete AFTER DELETE ON resident_contacts BEGIN
        UPDATE contact_assignments SET last_contact = (SELECT max(day) FROM resident_contacts c
                                                       WHERE c.deputy_id = OLD.deputy_id AND c.resident_id = OLD.resident_id)
        WHERE deputy_id = OLD.deputy_id AND resident_id = OLD.resident_id;
    END;
    CREATE TRIGGER resident_contacts_update AFTER UPDATE OF deputy_id, resident_id, day ON resident_contacts BEGIN
        UPDATE contact_assignments SET last_contact = (SELECT max(day) FROM resident_contacts c
                                                       WHERE c.deputy_id = contact_assignments.deputy_id
                                                         AND c.resident_id = contact_assignments.resident_id)
        WHERE (deputy_id = OLD.deputy_id AND resident_id = OLD.resident_id) OR (deputy_id = NEW.deputy_id AND resident_id = NEW.resident_id);
    END;
    CREATE INDEX contact_assignments_by_deputy ON contact_assignments(deputy_id, last_contact) WHERE ended_on IS NULL;
    """
}
