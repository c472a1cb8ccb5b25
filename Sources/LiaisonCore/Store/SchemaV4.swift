/// Schema version 4, for setting up a real station:
/// - 其他, the category for what fits no other, exists in every file and is active (its position the
///   last a form takes, as the lists always give it last);
/// - deputies and legal officers are found by name, as an import matches them (by name and phone).
enum SchemaV4 {
    static let sql = """
    INSERT INTO categories(name, default_due_working_days, position)
    SELECT '其他', 10, 999 WHERE NOT EXISTS (SELECT 1 FROM categories WHERE name = '其他');
    UPDATE categories SET active = 1 WHERE name = '其他';
    CREATE INDEX deputies_by_name ON deputies(station_id, name, phone);
    CREATE INDEX legal_officers_by_name ON legal_officers(station_id, name, phone);
    """
}
