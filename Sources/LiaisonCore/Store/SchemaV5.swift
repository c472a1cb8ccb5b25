/// Schema version 5, for the shared terminal:
/// - wrong PINs are counted per name typed (whether or not an operator has it), and five lock the name;
/// - an anonymised resident is marked, so the desk says so instead of showing an empty phone;
/// - a visit records who registered it and who changed it last (each step is also in its case's timeline);
/// - the audit log is read newest first, by date.
enum SchemaV5 {
    static let sql = """
    CREATE TABLE sign_in_attempts (
        name TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        locked_until TEXT CHECK (locked_until IS strftime('%Y-%m-%d %H:%M:%S', locked_until, '+0 seconds'))
    );
    ALTER TABLE residents ADD COLUMN anonymized_at TEXT
        CHECK (anonymized_at IS strftime('%Y-%m-%d %H:%M:%S', anonymized_at, '+0 seconds'));
    ALTER TABLE visits ADD COLUMN registered_by INTEGER REFERENCES operators(id);
    ALTER TABLE visits ADD COLUMN changed_by INTEGER REFERENCES operators(id);
    CREATE INDEX audit_log_by_time ON audit_log(at);
    """
}
