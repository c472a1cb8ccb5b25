import CSQLite
import Foundation

/// One connection to the station's SQLite file, configured the same way every time.
/// A connection belongs to one thread; open one per thread or process.
public final class Database {
    /// "LDSK": marks files written by this program.
    public static let applicationID: Int32 = 0x4C44_534B
    public static let busyTimeoutMilliseconds: Int32 = 5000

    public enum Mode {
        /// An existing file, for reading and writing.
        case readWrite
        /// An existing file, never written.
        case readOnly
        /// A new or empty file is allowed and gets the schema.
        case create
    }

    let connection: OpaquePointer
    public let path: String
    public let isReadOnly: Bool
    private var statementCache: [String: Statement] = [:]
    /// Depth of `read` blocks: inside one, a statement that writes is refused.
    private var readDepth = 0

    /// Opens and configures `path`. A file that is not SQLite, belongs to another
    /// program, or (for writing) carries a newer schema is refused before SQLite
    /// is asked to touch it.
    /// Only what is cheap is checked here (header, owner, schema version, journal mode), so a district's
    /// gigabyte file opens at once; the integrity check runs later, in idle time (`IntegrityCheck`).
    public init(path: String, mode: Mode = .readWrite, migrator: DatabaseMigrator = .liaisonSchema) throws {
        self.path = path
        self.isReadOnly = (mode == .readOnly)
        // A file this process already has open was checked by the first opener, and must not be read
        // outside SQLite now: closing any descriptor of it drops every POSIX lock the process holds on
        // it, SQLite's included, and another process could then delete the WAL our writes go to.
        if !OpenFiles.shared.isOpen(path) {
            try Database.preflight(path: path, mode: mode, knownVersion: migrator.latestVersion)
        }

        if mode == .create { try Database.createPrivately(path) }
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError(connection: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)

        do {
            try verifyOwnership(mode: mode, knownVersion: migrator.latestVersion)
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA trusted_schema = OFF")
            // 32 MB of pages (SQLite's default is 2 MB): a district's lists read the same few thousand pages
            // every frame, better kept than read again from the file.
            try execute("PRAGMA cache_size = -32768")
            if !isReadOnly {
                guard sqlite3_db_readonly(handle, "main") == 0 else { throw StoreOpenError.readOnlyFile(path) }
                let journal = try scalarString("PRAGMA journal_mode = WAL")
                guard journal?.lowercased() == "wal" else { throw StoreOpenError.readOnlyFile(path) }
                try execute("PRAGMA synchronous = FULL")
            }
            if !isReadOnly { try migrator.migrate(self) }
        } catch {
            statementCache.removeAll()
            sqlite3_close_v2(handle)
            throw error
        }
        openFile = OpenFiles.shared.opened(path)
    }

    /// A new station's file holds every resident's phone and ID number: it is made readable by its owner
    /// only, whatever the umask, before SQLite writes a byte (its WAL and shared-memory files take the
    /// same mode). An empty file (what `touch` leaves) is made so too; a file with data is left as it is.
    private static func createPrivately(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        guard descriptor >= 0 else { return } // SQLite's own open says why.
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size == 0 else { return }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "\(path): \(String(cString: strerror(errno)))", sql: nil)
        }
    }

    /// This connection's entry in the process's open files.
    private var openFile: OpenFiles.Key?

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(connection)
        if let openFile { OpenFiles.shared.closed(openFile) }
    }

    private static func preflight(path: String, mode: Mode, knownVersion: Int) throws {
        let fileManager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        let directoryPath = directory.isEmpty ? "." : directory
        switch FileHeader.inspect(path: path) {
        case .absent:
            guard mode == .create else { throw StoreOpenError.missingFile(path) }
            guard fileManager.isWritableFile(atPath: directoryPath) else {
                throw StoreOpenError.missingDirectory(directoryPath)
            }
            return
        case .empty:
            // An empty file is what `touch` leaves; only creation may fill it.
            guard mode == .create else { throw StoreOpenError.notInitialized(path) }
        case .notSQLite:
            throw StoreOpenError.notSQLite(path)
        case .sqlite(let userVersion, let applicationID):
            if applicationID != 0 && applicationID != Database.applicationID {
                throw StoreOpenError.foreignDatabase(path, applicationID: applicationID)
            }
            if mode != .readOnly && userVersion > knownVersion {
                throw StoreOpenError.newerSchema(path, found: userVersion, known: knownVersion)
            }
        }
        if mode != .readOnly {
            // WAL needs to create its side files beside the database.
            guard fileManager.isWritableFile(atPath: path), fileManager.isWritableFile(atPath: directoryPath) else {
                throw StoreOpenError.readOnlyFile(path)
            }
        }
    }

    /// The header may be stale while changes sit in the WAL, so the ownership is asked again through SQLite,
    /// before anything (even the journal mode) is written.
    private func verifyOwnership(mode: Mode, knownVersion: Int) throws {
        let applicationID = Int32(truncatingIfNeeded: try scalarInt("PRAGMA application_id") ?? 0)
        let userVersion = try scalarInt("PRAGMA user_version") ?? 0
        if applicationID == 0 {
            let tables = try scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
            if tables > 0 { throw StoreOpenError.foreignDatabase(path, applicationID: 0) }
            if mode != .create { throw StoreOpenError.notInitialized(path) }
        } else if applicationID != Database.applicationID {
            throw StoreOpenError.foreignDatabase(path, applicationID: applicationID)
        }
        if mode != .readOnly && userVersion > knownVersion {
            throw StoreOpenError.newerSchema(path, found: userVersion, known: knownVersion)
        }
    }

    // MARK: Running SQL

    /// Runs one or more statements that return no rows (schema scripts, pragmas).
    public func execute(_ sql: String) throws {
        if readDepth > 0 { throw StoreUsageError.writeInsideRead(sql) }
        try exec(sql)
    }

    private func exec(_ sql: String) throws {
        let code = sqlite3_exec(connection, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw DatabaseError(connection: connection, code: code, sql: sql) }
    }

    /// Runs one statement with arguments, reusing its prepared form.
    public func execute(_ sql: String, _ arguments: [SQLBindable?]) throws {
        let statement = try prepared(sql, arguments)
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// Prepares `sql` once per connection; later calls reuse the same statement. A statement still
    /// stepping (the same query run inside its own row loop) is never handed out twice: that caller gets
    /// a fresh one.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            return statement.isBusy ? try Statement(connection: connection, sql: sql) : statement
        }
        let statement = try Statement(connection: connection, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// The statement for `sql` with `arguments` bound, refused when it would write inside a read.
    private func prepared(_ sql: String, _ arguments: [SQLBindable?]) throws -> Statement {
        let statement = try cachedStatement(sql)
        if readDepth > 0 && !statement.isReadOnly { throw StoreUsageError.writeInsideRead(sql) }
        try statement.bind(arguments)
        return statement
    }

    /// Maps every row of a query.
    public func fetchAll<T>(_ sql: String, _ arguments: [SQLBindable?] = [], _ row: (Statement) throws -> T) throws -> [T] {
        let statement = try prepared(sql, arguments)
        defer { statement.reset() }
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    public func fetchOne<T>(_ sql: String, _ arguments: [SQLBindable?] = [], _ row: (Statement) throws -> T) throws -> T? {
        let statement = try prepared(sql, arguments)
        defer { statement.reset() }
        return try statement.step() ? row(statement) : nil
    }

    public func scalarInt(_ sql: String, _ arguments: [SQLBindable?] = []) throws -> Int? {
        try fetchOne(sql, arguments) { $0.optionalInt(0) } ?? nil
    }

    public func scalarString(_ sql: String, _ arguments: [SQLBindable?] = []) throws -> String? {
        try fetchOne(sql, arguments) { $0.optionalString(0) } ?? nil
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(connection) }
    public var changes: Int { Int(sqlite3_changes(connection)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(connection) == 0 }

    // MARK: Transactions

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT`, so the write lock is taken up front
    /// (waiting up to the busy timeout) and everything rolls back if anything throws.
    /// Nested calls become savepoints of the outer transaction.
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws -> T {
        if readDepth > 0 { throw StoreUsageError.writeInsideRead("BEGIN IMMEDIATE") }
        if isInTransaction {
            try exec("SAVEPOINT nested")
            do {
                let result = try body()
                try exec("RELEASE nested")
                return result
            } catch {
                try? exec("ROLLBACK TO nested")
                try? exec("RELEASE nested")
                throw error
            }
        }
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            if isInTransaction { try? exec("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in one read transaction, so every query sees the same snapshot. Nothing inside may
    /// write: a write there would fail at once with SQLITE_BUSY_SNAPSHOT whenever another connection had
    /// written since the snapshot, so it is refused every time, with a message that says why.
    public func read<T>(_ body: () throws -> T) throws -> T {
        let outermost = !isInTransaction
        if outermost { try exec("BEGIN DEFERRED") }
        readDepth += 1
        defer {
            readDepth -= 1
            if outermost { try? exec("COMMIT") }
        }
        return try body()
    }

    // MARK: Schema facts

    public var userVersion: Int { (try? scalarInt("PRAGMA user_version")) ?? 0 }
}

/// The database files this process has open, by device and inode (so two spellings of one path are one).
final class OpenFiles: @unchecked Sendable {
    struct Key: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    static let shared = OpenFiles()
    private let lock = NSLock()
    private var counts: [Key: Int] = [:]

    private static func key(_ path: String) -> Key? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Key(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    func isOpen(_ path: String) -> Bool {
        guard let key = OpenFiles.key(path) else { return false }
        return lock.withLock { counts[key, default: 0] > 0 }
    }

    func opened(_ path: String) -> Key? {
        guard let key = OpenFiles.key(path) else { return nil }
        lock.withLock { counts[key, default: 0] += 1 }
        return key
    }

    func closed(_ key: Key) {
        lock.withLock { counts[key] = counts[key, default: 1] - 1 }
    }
}
