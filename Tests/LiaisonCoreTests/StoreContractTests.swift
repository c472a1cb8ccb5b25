import CSQLite
import Foundation
import XCTest
@testable import LiaisonCore

/// What the thin SQLite wrapper promises besides running SQL: it refuses mistakes instead of guessing.
final class StatementContractTests: XCTestCase {
    func testAWrongNumberOfArgumentsIsRefusedNotBoundAsNull() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        XCTAssertThrowsError(try database.write {
            try database.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ["only-the-key"])
        }) { error in
            XCTAssertEqual((error as? DatabaseError)?.resultCode, SQLITE_RANGE)
            XCTAssertTrue((error as? DatabaseError)?.message.contains("2") ?? false)
        }
        XCTAssertThrowsError(try database.scalarInt("SELECT ?", [1, 2]))
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM settings WHERE key = 'only-the-key'"), 0)
        // Numbered parameters count by their highest number.
        XCTAssertEqual(try database.scalarInt("SELECT ?1 + ?2 + ?1", [1, 2]), 4)
    }

    func testAWriteInsideAReadIsRefusedWithAClearMessage() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        XCTAssertThrowsError(try database.read {
            _ = try database.scalarInt("SELECT count(*) FROM settings")
            try database.execute("INSERT INTO settings(key, value) VALUES ('k', 'v')", [])
        }) { error in
            XCTAssertEqual(error as? StoreUsageError, .writeInsideRead("INSERT INTO settings(key, value) VALUES ('k', 'v')"))
            XCTAssertTrue(userMessage(for: error).hasPrefix("程序错误：只读事务中不能写入"))
        }
        XCTAssertThrowsError(try database.read { try database.write { try database.execute("DELETE FROM settings", []) } }) {
            XCTAssertEqual($0 as? StoreUsageError, .writeInsideRead("BEGIN IMMEDIATE"))
        }
        XCTAssertFalse(database.isInTransaction, "the read ended")
        try database.write { try database.execute("INSERT INTO settings(key, value) VALUES ('k', 'v')", []) }
        XCTAssertEqual(try database.read { try database.scalarString("SELECT value FROM settings WHERE key = 'k'") }, "v")
    }

    func testTheSameQueryInsideItsOwnRowLoopGetsItsOwnStatement() throws {
        let directory = TemporaryDirectory()
        let database = try Database(path: directory.path("a.sqlite"), mode: .create)
        try database.write {
            for key in ["a", "b", "c"] { try database.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [key, key]) }
        }
        let sql = "SELECT key FROM settings ORDER BY key"
        var pairs: [String] = []
        _ = try database.fetchAll(sql) { outer in
            let key = outer.string(0)
            pairs += try database.fetchAll(sql) { key + $0.string(0) }
            return key
        }
        XCTAssertEqual(pairs, ["aa", "ab", "ac", "ba", "bb", "bc", "ca", "cb", "cc"], "the outer cursor did not restart")
    }

    func testAMalformedStoredValueThrowsAnErrorNamingTableAndColumn() throws {
        let fixture = try StoreFixture()
        let record = try fixture.openedCase()
        // Another program wrote a status this one does not know.
        try fixture.store.database.execute("PRAGMA ignore_check_constraints = ON")
        try fixture.store.database.write {
            try fixture.store.database.execute("UPDATE cases SET status = 'lost' WHERE id = ?", [record.id])
        }
        XCTAssertThrowsError(try fixture.store.caseRecord(id: record.id)) { error in
            XCTAssertEqual(error as? StoredValueError, StoredValueError(table: "cases", column: "status", value: "lost", expected: "值"))
            XCTAssertEqual(userMessage(for: error), "数据库 cases.status 的值「lost」无效，请运行 liaison-desk check")
        }
        try fixture.store.database.write {
            try fixture.store.database.execute("UPDATE cases SET status = 'registered', opened_on = '2026-02-30' WHERE id = ?", [record.id])
        }
        XCTAssertThrowsError(try fixture.store.caseRecord(id: record.id)) {
            XCTAssertEqual($0 as? StoredValueError, StoredValueError(table: "cases", column: "opened_on", value: "2026-02-30", expected: "日期"))
        }
    }
}

/// Migrations: SQL only, foreign keys off while they run, checked before they commit.
final class MigrationTests: XCTestCase {
    /// A version-1 file as the previous program left it, full of data: residents, visits, cases in
    /// every state (a told resident stored as `notified`), events, ratings, a meeting, a duty roster.
    func makeVersionOneFile(at path: String) throws {
        let clock = ManualClock(LocalTime(day: day("2026-11-16"), hour: 9, minute: 0))
        let database = try Database(path: path, mode: .create, migrator: DatabaseMigrator.liaisonSchema.upTo(version: 1))
        XCTAssertEqual(database.userVersion, 1)
        let store = try LiaisonStore.initialize(database: database, clock: clock, station: StationDraft(name: "旧版联络站"))
        let session = Session(name: "前台", role: .clerk)
        let deputy = try store.createDeputy(DeputyDraft(name: "张乾林", level: .county), session: .workstation)
        let department = try store.createDepartment(name: "区住建局", kind: .bureau, session: .workstation)
        let category = try store.createCategory(name: "加装电梯", defaultDepartmentID: department, session: .workstation)
        try store.addToRoster(day: day("2026-11-16"), deputyID: deputy, session: .workstation)
        let meeting = try store.createMeeting(MeetingDraft(kind: .tripartite, title: "加装电梯三方共议",
                                                          startsAt: LocalTime(day: day("2026-11-20"), hour: 14, minute: 30)), session: .workstation)
        try store.addParticipant(meetingID: meeting, deputyID: deputy, session: .workstation)
        for index in 0..<6 {
            let visit = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "居民\(index)", phone: "1381234567\(index)"),
                                                           categoryID: category, problem: "问题\(index)"), session: .workstation)
            try store.handToDeputy(visitID: visit.id, deputyID: deputy, session: .workstation)
            let record = try store.openCase(fromVisit: visit.id, CaseDraft(title: "", tier: .immediate, responsibleDeputyID: deputy),
                                            dispatchTo: department, workingDays: 5, session: session)
            if index >= 2 { try store.recordReply(caseID: record.id, text: "已答复", session: session) }
            if index >= 3 { try store.rate(caseID: record.id, result: .satisfied, session: session) }
            if index >= 4 { try store.close(caseID: record.id, session: session) }
        }
        // Version 1 called the told state `notified`; the store no longer writes it, so it is set by hand.
        try database.write {
            try database.execute("UPDATE cases SET status = 'notified' WHERE code = ?", [CaseCode.format(year: 2026, serial: 3)])
            try database.execute("INSERT INTO case_events(case_id, kind, at, text) VALUES (3, 'notified', '2026-11-16 10:00:00', '已告知')")
            try database.execute("DELETE FROM calendar_years WHERE year = 2024")
        }
    }

    func testAVersionOneFileFullOfDataIsMigratedWithEverythingKept() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v1.sqlite")
        try makeVersionOneFile(at: path)
        let tables = ["stations", "deputies", "departments", "categories", "residents", "visits", "cases", "dispatches",
                      "case_events", "ratings", "meetings", "meeting_participants", "duty_roster", "duty_log", "holidays"]
        var before: [String: Int] = [:]
        do {
            let old = try Database(path: path, mode: .readOnly)
            for table in tables { before[table] = try old.scalarInt("SELECT count(*) FROM \(table)") }
        }
        XCTAssertGreaterThan(before["case_events"] ?? 0, 20)

        let database = try Database(path: path)
        XCTAssertEqual(database.userVersion, 2)
        for table in tables where table != "holidays" {
            XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM \(table)"), before[table], "\(table) kept every row")
        }
        XCTAssertEqual(try database.scalarString("SELECT status FROM cases WHERE id = 3"), "feedback")
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM case_events WHERE kind = 'notified'"), 0)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM case_events WHERE kind = 'feedback'"), 1)
        XCTAssertEqual(try database.scalarInt("PRAGMA foreign_keys"), 1, "foreign keys back on after the migration")
        XCTAssertEqual(try database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }, [])
        XCTAssertEqual(try database.fetchAll("PRAGMA integrity_check") { $0.string(0) }, ["ok"])
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM calendar_years WHERE year = 2024"), 1,
                       "a shipped year the file lacked was added after migrating")
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'new_%'"), 0)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), 2,
                       "the audit log is still append-only")
        let store = try LiaisonStore(database: database)
        XCTAssertEqual(try store.caseRecord(id: 3).status, .feedback)
        let board = try store.followUpBoard()
        XCTAssertEqual(board.groups.first { $0.0 == .awaitingFeedback }?.1.map(\.id), [3], "the told case waits for its rating")
        XCTAssertEqual(board.counts[.readyToClose], 1)
    }

    func testVersionTwoRefusesTextThatIsNoDateOrTime() throws {
        let fixture = try StoreFixture()
        let database = fixture.store.database
        let record = try fixture.openedCase()
        for bad in ["2026-02-30", "2026-1-5", "明天", "2026-11-16 09:00"] {
            XCTAssertThrowsError(try database.write {
                try database.execute("UPDATE cases SET due_date = ? WHERE id = ?", [bad, record.id])
            }, "due_date \(bad)") { XCTAssertEqual(($0 as? DatabaseError)?.resultCode, SQLITE_CONSTRAINT) }
        }
        for bad in ["2026-11-16", "2026-11-16 9:00:00", "2026-11-16T09:00:00", "2026-11-16 24:00:00"] {
            XCTAssertThrowsError(try database.write {
                try database.execute("UPDATE case_events SET at = ? WHERE case_id = ?", [bad, record.id])
            }, "at \(bad)")
        }
        try database.write { try database.execute("UPDATE cases SET due_date = NULL WHERE id = ?", [record.id]) }
        try database.write { try database.execute("UPDATE cases SET due_date = '2028-02-29' WHERE id = ?", [record.id]) }
        XCTAssertEqual(try fixture.store.caseRecord(id: record.id).dueDate, day("2028-02-29"))
    }

    func testAMigrationThatBreaksAForeignKeyDoesNotCommit() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.sqlite")
        var migrator = DatabaseMigrator.liaisonSchema.upTo(version: 1)
        _ = try Database(path: path, mode: .create, migrator: migrator)
        migrator.register(version: 2, name: "dangling", sql: """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id));
            INSERT INTO notes(case_id) VALUES (42);
            """)
        XCTAssertThrowsError(try Database(path: path, migrator: migrator)) { error in
            XCTAssertEqual(error as? DatabaseMigrator.ForeignKeyViolation, .init(version: 2, table: "notes"))
        }
        let database = try Database(path: path, mode: .readOnly)
        XCTAssertEqual(database.userVersion, 1)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'"), 0)
    }
}

/// The glossary's terms are each defined once; the SQL and the Swift forms agree.
final class GlossaryTermTests: XCTestCase {
    func testOverdueMeansTheClockRanOutWhetherDispatchedOrUnsatisfied() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let session = fixture.clerk
        func dispatched(_ days: Int) throws -> CaseRecord {
            let record = try fixture.openedCase()
            try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, workingDays: days, session: session)
            return try store.caseRecord(id: record.id)
        }
        let late = try dispatched(2)       // due 2026-11-18
        let unsatisfied = try dispatched(3) // due 2026-11-19, rated unsatisfied and waiting for round 2
        try store.recordReply(caseID: unsatisfied.id, text: "已答复", session: session)
        try store.rate(caseID: unsatisfied.id, result: .unsatisfied, session: session)
        let replied = try dispatched(1)
        try store.recordReply(caseID: replied.id, text: "已答复", session: session)
        let future = try dispatched(30)
        let asOf = day("2026-11-24")
        let records = try [late, unsatisfied, replied, future].map { try store.caseRecord(id: $0.id) }
        XCTAssertEqual(records.map { $0.isOverdue(on: asOf) }, [true, true, false, false])
        XCTAssertEqual(try store.overdueCases(asOf: asOf).map(\.id), [late.id, unsatisfied.id])
        XCTAssertEqual(try store.overdueCount(asOf: asOf), 2)
        XCTAssertEqual(try store.deputyProfile(try XCTUnwrap(store.deputies().first)).overdueCases, 0,
                       "as of the fixture's today nothing is overdue yet")
        fixture.clock.set(LocalTime(day: asOf, hour: 9, minute: 0))
        XCTAssertEqual(try store.deputyProfile(try XCTUnwrap(store.deputies().first)).overdueCases, 2)
        let board = try store.followUpBoard()
        XCTAssertEqual(board.groups.first { $0.0 == .overdue }?.1.map(\.id), [late.id, unsatisfied.id])
        XCTAssertEqual(board.counts[.overdue], 2)
    }
}

final class IntegrityCheckTests: XCTestCase {
    func testTheQuickCheckRunsOffTheDesksThreadAndIsRecordedForTheDay() throws {
        let fixture = try StoreFixture()
        let check = IntegrityCheck(path: fixture.store.database.path)
        let deadline = Date().addingTimeInterval(10)
        while check.outcome == nil && Date() < deadline { usleep(5_000) }
        XCTAssertEqual(check.outcome, .healthy)
        XCTAssertNil(try fixture.store.database.integrityCheckedOn())
        try fixture.store.database.noteIntegrityChecked(on: day("2026-11-16"))
        XCTAssertEqual(try fixture.store.database.integrityCheckedOn(), day("2026-11-16"))
    }

    func testAFileThatCannotBeCheckedIsReportedNotThrown() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("missing.sqlite")
        let check = IntegrityCheck(path: path)
        let deadline = Date().addingTimeInterval(10)
        while check.outcome == nil && Date() < deadline { usleep(5_000) }
        XCTAssertEqual(check.outcome, .problem(StoreOpenError.missingFile(path).userMessage))
    }
}

/// The core refuses what a role may not do, whatever the screen offered.
final class PermissionTests: XCTestCase {
    func testEachRoleMayDoWhatTheTableSaysAndNoMore() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let clerk = Session(operatorID: nil, name: "前台小李", role: .clerk)
        let deputy = Session(operatorID: nil, name: "张乾林", role: .deputy)
        let supervisor = Session(operatorID: nil, name: "督办老周", role: .supervisor)
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: clerk)) { error in
            XCTAssertEqual(userMessage(for: error), "工作人员不能维护名录和设置")
        }
        XCTAssertThrowsError(try store.createDepartment(name: "区水务局", kind: .bureau, session: supervisor))
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能排班和登记履职")
        }
        XCTAssertNoThrow(try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: supervisor))
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: fixture.clock.now()),
                                                     session: deputy))
        // Every role receives residents: a deputy at the desk registers a walk-in too.
        let visit = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "王秀英", phone: "13812345678"),
                                                       problem: "楼道灯不亮"), session: deputy)
        XCTAssertNoThrow(try store.handToDeputy(visitID: visit.id, deputyID: fixture.deputyID, session: deputy))
        XCTAssertEqual(try store.deputies().count, 1, "the refused writes wrote nothing")
        XCTAssertEqual(try store.dutyRoster(on: day("2026-12-15")).count, 1)
    }
}
