import CSQLite
import Foundation

/// What `check` found.
public struct CheckReport: Sendable {
    public let integrity: [String]
    public let foreignKeyViolations: Int
    public let schemaVersion: Int
    public let knownVersion: Int

    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeyViolations == 0 && schemaVersion == knownVersion
    }
}

extension Database {
    /// Integrity (quick or full), foreign keys and the schema version, without writing anything.
    public func check(full: Bool, knownVersion: Int = DatabaseMigrator.liaisonSchema.latestVersion) throws -> CheckReport {
        let integrity = try fetchAll(full ? "PRAGMA integrity_check" : "PRAGMA quick_check") { $0.string(0) }
        let violations = try fetchAll("PRAGMA foreign_key_check") { _ in 1 }.count
        return CheckReport(integrity: integrity, foreignKeyViolations: violations, schemaVersion: userVersion,
                           knownVersion: knownVersion)
    }

    /// Copies the live database to `destination` with the online backup API: into a temporary file
    /// beside it, readable by its owner only (it holds every resident's phone and ID number), checked,
    /// synced, then renamed, so `destination` is never half-written. `recording` runs the rename, so the
    /// caller can write the audit row in the same transaction: no row without the file, no file without
    /// the row.
    func backup(to destination: String, recording: (_ publish: () throws -> Void) throws -> Void) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination) { throw StoreOpenError.alreadyExists(destination) }
        let directory = (destination as NSString).deletingLastPathComponent
        let directoryPath = directory.isEmpty ? "." : directory
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directoryPath, isDirectory: &isDirectory), isDirectory.boolValue,
              fileManager.isWritableFile(atPath: directoryPath) else {
            throw StoreOpenError.missingDirectory(directoryPath)
        }
        let temporary = destination + ".partial-\(getpid())"
        // Checking the copy opens it, which leaves WAL side files; none of it may outlive the backup.
        defer { for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: temporary + suffix) } }

        // Made 0600 before SQLite writes a byte, whatever the umask; SQLite keeps the mode it finds.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0, fchmod(descriptor, 0o600) == 0 else {
            throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "\(temporary): \(String(cString: strerror(errno)))", sql: nil)
        }
        close(descriptor)
        var target: OpaquePointer?
        guard sqlite3_open_v2(temporary, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let target else {
            let error = DatabaseError(connection: target, code: SQLITE_CANTOPEN, sql: nil)
            sqlite3_close_v2(target)
            throw error
        }
        do {
            defer { sqlite3_close_v2(target) }
            guard let backup = sqlite3_backup_init(target, "main", connection, "main") else {
                throw DatabaseError(connection: target, code: sqlite3_errcode(target), sql: nil)
            }
            // Copy in steps so other connections can keep writing; a busy source is retried.
            var code: Int32
            repeat {
                code = sqlite3_backup_step(backup, 1024)
                if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
            } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
            sqlite3_backup_finish(backup)
            guard code == SQLITE_DONE else { throw DatabaseError(connection: target, code: code, sql: nil) }
        }
        // The copy must open as ours and pass the full check before it takes the name.
        do {
            let copy = try Database(path: temporary, mode: .readOnly)
            let report = try copy.check(full: true)
            guard report.integrity == ["ok"] else {
                throw StoreOpenError.integrityFailed(destination, details: report.integrity.joined(separator: "; "))
            }
        }
        try FileSync.sync(path: temporary)
        try recording {
            guard rename(temporary, destination) == 0 else {
                throw DatabaseError(resultCode: SQLITE_IOERR, message: String(cString: strerror(errno)), sql: nil)
            }
            try FileSync.sync(path: directoryPath)
        }
    }
}

/// fsync for a file or a directory (a rename is durable only once its directory is synced).
enum FileSync {
    static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw DatabaseError(resultCode: SQLITE_IOERR, message: "open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw DatabaseError(resultCode: SQLITE_IOERR, message: "fsync \(path): \(String(cString: strerror(errno)))")
        }
    }
}
