/// Schema migrations keyed by `PRAGMA user_version`. A migration is SQL only and is never edited once
/// shipped. Each runs in its own transaction with foreign keys off, so a table can be rebuilt the way
/// SQLite documents (create the new table, copy, drop, rename), and ends with `foreign_key_check`
/// before it commits.
public struct DatabaseMigrator: Sendable {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    public private(set) var migrations: [Migration] = []
    /// Runs after every open for writing, outside the migrations: data the program ships and the file
    /// may lack (the holiday years).
    public var afterMigrating: (@Sendable (Database) throws -> Void)?

    public init() {}

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    public mutating func register(version: Int, name: String, sql: String) {
        precondition(version == latestVersion + 1, "migrations are numbered 1, 2, 3 …")
        migrations.append(Migration(version: version, name: name, sql: sql))
    }

    /// The same migrations up to `version`: what an older program wrote, for tests of the upgrade.
    public func upTo(version: Int) -> DatabaseMigrator {
        var older = DatabaseMigrator()
        older.migrations = migrations.filter { $0.version <= version }
        return older
    }

    /// Why a migration did not commit: it would have left rows pointing at nothing.
    public struct ForeignKeyViolation: UserFacingError, Equatable {
        public let version: Int
        public let table: String
        public var userMessage: String { "数据库升级到版本 \(version) 时发现 \(table) 表有外键不一致，已撤销升级" }
    }

    /// Applies every migration the file has not seen. The version is read again inside each
    /// transaction, so two programs opening a new file at once migrate it once.
    func migrate(_ database: Database) throws {
        for migration in migrations where database.userVersion < migration.version {
            // The pragma is a no-op inside a transaction, so it is set around it.
            try database.execute("PRAGMA foreign_keys = OFF")
            defer { try? database.execute("PRAGMA foreign_keys = ON") }
            try database.write {
                let current = database.userVersion
                if current > latestVersion {
                    throw StoreOpenError.newerSchema(database.path, found: current, known: latestVersion)
                }
                guard current < migration.version else { return }
                try database.execute(migration.sql)
                if let table = try database.fetchOne("PRAGMA foreign_key_check", [], { $0.string(0) }) {
                    throw ForeignKeyViolation(version: migration.version, table: table)
                }
                try database.execute("PRAGMA application_id = \(Database.applicationID)")
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
        }
        try afterMigrating?(database)
    }

    /// The program's own schema.
    public static let liaisonSchema: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.register(version: 1, name: "domain", sql: SchemaV1.sql)
        migrator.register(version: 2, name: "date and time checks", sql: SchemaV2.sql)
        migrator.register(version: 3, name: "reception integrity", sql: SchemaV3.sql)
        migrator.register(version: 4, name: "station setup", sql: SchemaV4.sql)
        migrator.register(version: 5, name: "the shared terminal", sql: SchemaV5.sql)
        migrator.register(version: 6, name: "the follow-up board", sql: SchemaV6.sql)
        migrator.register(version: 7, name: "the deputies' duty", sql: SchemaV7.sql)
        migrator.register(version: 8, name: "the duty tally", sql: SchemaV8.sql)
        migrator.register(version: 9, name: "the meeting agenda", sql: SchemaV9.sql)
        migrator.register(version: 10, name: "the statistics", sql: SchemaV10.sql)
        migrator.afterMigrating = { database in
            try HolidaySchedule.addMissingShippedYears(to: database)
            try StrokeOrder.fillMissingKeys(in: database)
        }
        return migrator
    }()
}
