/// Schema migrations keyed by `PRAGMA user_version`; each runs in its own transaction.
public struct DatabaseMigrator: Sendable {
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let apply: @Sendable (Database) throws -> Void
    }

    public private(set) var migrations: [Migration] = []

    public init() {}

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    public mutating func register(version: Int, name: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
        precondition(version == latestVersion + 1, "migrations are numbered 1, 2, 3 …")
        migrations.append(Migration(version: version, name: name, apply: apply))
    }

    /// Applies every migration the file has not seen. The version is read again inside
    /// each transaction, so two programs opening a new file at once migrate it once.
    func migrate(_ database: Database) throws {
        for migration in migrations {
            try database.write {
                let current = database.userVersion
                if current > latestVersion {
                    throw StoreOpenError.newerSchema(database.path, found: current, known: latestVersion)
                }
                guard current < migration.version else { return }
                try migration.apply(database)
                try database.execute("PRAGMA application_id = \(Database.applicationID)")
                try database.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    /// The program's own schema.
    public static let liaisonSchema: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.register(version: 1, name: "domain") { database in
            try database.execute(SchemaV1.sql)
            try HolidaySchedule.seedShippedYears(into: database)
        }
        return migrator
    }()
}
