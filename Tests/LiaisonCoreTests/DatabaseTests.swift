import CSQLite
import Foundation
import XCTest
@testable import LiaisonCore

final class DatabaseTests: XCTestCase {
    func testNewFileIsConfiguredAndMigrated() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        XCTAssertEqual(try database.scalarString("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try database.scalarInt("PRAGMA synchronous"), 2, "synchronous=FULL")
        XCTAssertEqual(try database.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try database.scalarInt("PRAGMA trusted_schema"), 0)
        XCTAssertEqual(try database.scalarInt("PRAGMA busy_timeout"), 5000)
        XCTAssertEqual(try database.scalarInt("PRAGMA application_id"), Int(Database.applicationID))
        XCTAssertEqual(database.userVersion, DatabaseMigrator.liaisonSchema.latestVersion)
        XCTAssertGreaterThan(try database.scalarInt("SELECT count(*) FROM calendar_years") ?? 0, 2, "shipped years seeded")
    }

    func testChineseTextRoundTrips() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        let text = "供暖不热：室温仅14℃，老人孩子受冻。𠮷野家～「引号」\u{1F600}"
        try database.write { try database.execute("INSERT INTO settings(key, value) VALUES ('t', ?)", [text]) }
        XCTAssertEqual(try database.scalarString("SELECT value FROM settings WHERE key = 't'"), text)
        XCTAssertEqual(try database.scalarInt("SELECT length(value) FROM settings WHERE key = 't'"), text.count)
    }

    func testFailedWriteRollsBackEverything() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        struct Boom: Error {}
        XCTAssertThrowsError(try database.write {
            try database.execute("INSERT INTO settings(key, value) VALUES ('first', '1')")
            throw Boom()
        })
        XCTAssertThrowsError(try database.write {
            try database.execute("INSERT INTO settings(key, value) VALUES ('second', '2')")
            try database.execute("INSERT INTO settings(key, value) VALUES ('second', '3')") // primary key clash
        }) { error in
            XCTAssertEqual((error as? DatabaseError)?.resultCode, SQLITE_CONSTRAINT)
            XCTAssertNotNil((error as? DatabaseError)?.sql)
        }
        XCTAssertFalse(database.isInTransaction)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM settings"), 0)
    }

    func testNestedWriteRollsBackOnlyItsSavepoint() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        try database.write {
            try database.execute("INSERT INTO settings(key, value) VALUES ('outer', '1')")
            _ = try? database.write {
                try database.execute("INSERT INTO settings(key, value) VALUES ('inner', '1')")
                throw DomainError.invalid("x")
            }
        }
        XCTAssertEqual(try database.fetchAll("SELECT key FROM settings") { $0.string(0) }, ["outer"])
    }

    func testTwoConnectionsWriteAtOnce() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        _ = try Database(path: path, mode: .create)
        let perThread = 200
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let database = try Database(path: path)
                for index in 0..<perThread {
                    try database.write {
                        let next = (try database.scalarInt("SELECT count(*) FROM settings") ?? 0) + 1
                        try database.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ["w\(worker)-\(index)", "\(next)"])
                    }
                }
            } catch {
                failures.increment()
            }
        }
        XCTAssertEqual(failures.value, 0)
        let database = try Database(path: path)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM settings"), 2 * perThread)
        // Each write saw every earlier one: the counts it stored are 1…400 without a gap or a repeat.
        XCTAssertEqual(try database.scalarInt("SELECT count(DISTINCT value) FROM settings"), 2 * perThread)
    }

    /// Closing any descriptor of a file drops every POSIX lock the process holds on it. A second
    /// connection's opening must not read the file outside SQLite, or another program ending its
    /// session deletes the WAL the first connection still writes to, and those writes are lost.
    func testASecondConnectionInTheProcessLeavesTheFirstOnesWritesVisibleToOtherPrograms() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        let main = try Database(path: path, mode: .create)
        try main.write { try main.execute("INSERT INTO settings(key, value) VALUES ('first', '1')", []) }
        do { _ = try Database(path: path, mode: .readOnly) }
        XCTAssertEqual(try sqlite3Program(path, "SELECT count(*) FROM settings WHERE key = 'first';"), "1")
        try main.write { try main.execute("INSERT INTO settings(key, value) VALUES ('second', '2')", []) }
        XCTAssertEqual(try sqlite3Program(path, "SELECT count(*) FROM settings WHERE key IN ('first', 'second');"), "2",
                       "the second write went to the live WAL, not to one another program deleted")
    }

    /// Runs the sqlite3 command-line program: another process on the same file.
    private func sqlite3Program(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAuditLogIsAppendOnly() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        try database.write {
            try database.execute("INSERT INTO audit_log(at, action) VALUES ('2026-11-16 09:00:00', 'reveal')")
        }
        XCTAssertThrowsError(try database.write { try database.execute("UPDATE audit_log SET action = 'x'") })
        XCTAssertThrowsError(try database.write { try database.execute("DELETE FROM audit_log") })
        XCTAssertEqual(try database.scalarString("SELECT action FROM audit_log"), "reveal")
    }

    // MARK: Refusals leave the file untouched

    private func assertRefused(_ path: String, mode: Database.Mode = .readWrite, expected: StoreOpenError,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Database(path: path, mode: mode), file: file, line: line) { error in
            XCTAssertEqual(error as? StoreOpenError, expected, file: file, line: line)
            XCTAssertFalse((error as? UserFacingError)?.userMessage.isEmpty ?? true, file: file, line: line)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "file changed", file: file, line: line)
    }

    func testRefusesAFileThatIsNotSQLite() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("notes.txt")
        try Data("这不是数据库，是一份会议纪要。\n".utf8).write(to: URL(fileURLWithPath: path))
        try assertRefused(path, expected: .notSQLite(path))
        try assertRefused(path, mode: .create, expected: .notSQLite(path))
    }

    func testRefusesAnotherProgramsDatabase() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("other.sqlite")
        try runSQLite(path, "PRAGMA application_id = 1234; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        try assertRefused(path, expected: .foreignDatabase(path, applicationID: 1234))
        let plain = directory.path("plain.sqlite")
        try runSQLite(plain, "CREATE TABLE t(x);")
        try assertRefused(plain, mode: .create, expected: .foreignDatabase(plain, applicationID: 0))
    }

    func testRefusesANewerSchemaForWriting() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        do { _ = try Database(path: path, mode: .create) }
        try runSQLite(path, "PRAGMA user_version = 99;")
        let known = DatabaseMigrator.liaisonSchema.latestVersion
        try assertRefused(path, expected: .newerSchema(path, found: 99, known: known))
        XCTAssertNoThrow(try Database(path: path, mode: .readOnly), "a newer file can still be read")
    }

    func testRefusesAReadOnlyFile() throws {
        try XCTSkipIf(getuid() == 0, "root ignores file permissions; CLITests checks this as an unprivileged user")
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        do { _ = try Database(path: path, mode: .create) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try assertRefused(path, expected: .readOnlyFile(path))
    }

    func testRefusesAMissingFileUnlessCreating() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("none.sqlite")
        XCTAssertThrowsError(try Database(path: path)) { XCTAssertEqual($0 as? StoreOpenError, .missingFile(path)) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let deep = directory.path("no/such/dir/a.sqlite")
        XCTAssertThrowsError(try Database(path: deep, mode: .create)) {
            XCTAssertEqual($0 as? StoreOpenError, .missingDirectory(directory.path("no/such/dir")))
        }
    }

    func testMigratingTwiceChangesNothing() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        do { _ = try Database(path: path, mode: .create) }
        let database = try Database(path: path)
        XCTAssertEqual(database.userVersion, DatabaseMigrator.liaisonSchema.latestVersion)
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

/// Prepares a file with the sqlite3 library directly, as another program would.
func runSQLite(_ path: String, _ sql: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open(path, &handle) == SQLITE_OK else { throw DatabaseError(resultCode: 1, message: "open") }
    defer { sqlite3_close(handle) }
    guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
        throw DatabaseError(resultCode: 1, message: String(cString: sqlite3_errmsg(handle)))
    }
}
