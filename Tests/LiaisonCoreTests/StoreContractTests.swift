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
    /// A version-1 file as the first program left it, full of data, written with its own SQL (the store
    /// of today writes columns version 1 lacks): residents (one 曾, two sharing nothing), six visits,
    /// cases in every state (the told one `notified`), events, a rating, a meeting, a duty roster, and a
    /// visit credited to two deputies (the old desk's double count).
    func makeVersionOneFile(at path: String) throws {
        let database = try Database(path: path, mode: .create, migrator: DatabaseMigrator.liaisonSchema.upTo(version: 1))
        XCTAssertEqual(database.userVersion, 1)
        try database.write {
            try database.execute("""
                INSERT INTO stations(id, name, kind, reception_day_of_month, created_at) VALUES (1, '旧版联络站', 'street', 15, '2026-11-16 09:00:00');
                INSERT INTO settings(key, value) VALUES ('station_id', '1');
                INSERT INTO deputies(id, station_id, name, name_pinyin, name_initials, level, created_at) VALUES
                    (1, 1, '张乾林', 'zhang qian lin', 'zql', 'county', '2026-11-16 09:00:00'),
                    (2, 1, '曾国强', 'ceng guo qiang', 'cgq', 'township', '2026-11-16 09:00:00');
                INSERT INTO departments(id, name, kind) VALUES (1, '区住建局', 'bureau');
                INSERT INTO categories(id, name, default_department_id, position) VALUES (1, '加装电梯', 1, 1);
                INSERT INTO residents(id, name, name_initials, phone, created_at) VALUES
                    (1, '曾庆华', 'cqh', '13812345671', '2026-11-16 09:00:00'),
                    (2, '王秀英', 'wxy', '13812345672', '2026-11-16 09:00:00'),
                    (3, '李明', 'lm', '010-65123456', '2026-11-16 09:00:00');
                INSERT INTO visits(id, station_id, day, queue_number, resident_id, channel, category_id, problem, status, outcome,
                                   receiving_deputy_id, case_id, arrived_at, called_at, finished_at) VALUES
                    (1, 1, '2026-11-16', 1, 1, 'walkIn', 1, '问题1', 'done', 'caseOpened', 2, NULL, '2026-11-16 09:00:00', '2026-11-16 09:05:00', '2026-11-16 09:30:00'),
                    (2, 1, '2026-11-16', 2, 2, 'walkIn', 1, '问题2', 'done', 'caseOpened', 1, NULL, '2026-11-16 09:10:00', '2026-11-16 09:15:00', '2026-11-16 09:40:00'),
                    (3, 1, '2026-11-16', 3, 3, 'walkIn', 1, '问题3', 'waiting', NULL, NULL, NULL, '2026-11-16 09:20:00', NULL, NULL);
                INSERT INTO cases(id, station_id, year, serial, code, title, category_id, tier, status, department_id, due_date,
                                  resident_id, responsible_deputy_id, source_visit_id, opened_on, version) VALUES
                    (1, 1, 2026, 1, '2026-0001', '问题1', 1, 'immediate', 'dispatched', 1, '2026-11-30', 1, 2, 1, '2026-11-16', 2),
                    (2, 1, 2026, 2, '2026-0002', '问题2', 1, 'immediate', 'replied', 1, '2026-11-30', 2, 1, 2, '2026-11-16', 3),
                    (3, 1, 2026, 3, '2026-0003', '问题3', 1, 'immediate', 'notified', 1, '2026-11-30', 2, 1, NULL, '2026-11-16', 4),
                    (4, 1, 2026, 4, '2026-0004', '问题4', 1, 'immediate', 'readyToClose', 1, '2026-11-30', 3, 1, NULL, '2026-11-16', 5);
                UPDATE visits SET case_id = id WHERE id IN (1, 2);
                INSERT INTO dispatches(case_id, department_id, round, dispatched_on, due_date, replied_on, reply) VALUES
                    (1, 1, 1, '2026-11-16', '2026-11-30', NULL, ''), (2, 1, 1, '2026-11-16', '2026-11-30', '2026-11-20', '已答复');
                INSERT INTO case_events(case_id, kind, at, actor, text) VALUES
                    (1, 'registered', '2026-11-16 09:30:00', '前台', '问题1'), (1, 'dispatched', '2026-11-16 09:31:00', '前台', '交办'),
                    (2, 'replied', '2026-11-20 10:00:00', '前台', '已答复'), (3, 'notified', '2026-11-21 10:00:00', '前台', '已告知'),
                    (4, 'rated', '2026-11-22 10:00:00', '前台', '满意');
                INSERT INTO ratings(case_id, round, result, rated_at) VALUES (4, 1, 'satisfied', '2026-11-22 10:00:00');
                INSERT INTO meetings(id, station_id, kind, title, starts_at) VALUES (1, 1, 'tripartite', '加装电梯三方共议', '2026-11-20 14:30:00');
                INSERT INTO meeting_participants(meeting_id, deputy_id) VALUES (1, 1);
                INSERT INTO agenda_items(meeting_id, position, title, case_id) VALUES (1, 1, '电梯费用', 1), (1, 2, '另议', NULL);
                INSERT INTO duty_roster(station_id, day, deputy_id) VALUES (1, '2026-11-16', 1);
                INSERT INTO duty_log(deputy_id, day, kind, points, note, visit_id) VALUES
                    (1, '2026-11-16', 'reception', 5, '接待第 1 号', 1), (2, '2026-11-16', 'reception', 5, '接待第 1 号', 1),
                    (1, '2026-11-16', 'reception', 5, '接待第 2 号', 2), (1, '2026-11-16', 'training', 1, '培训', NULL);
                DELETE FROM calendar_years WHERE year = 2024;
                """)
        }
    }

    func testAVersionOneFileFullOfDataIsMigratedWithEverythingKept() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("v1.sqlite")
        try makeVersionOneFile(at: path)
        let tables = ["stations", "deputies", "departments", "categories", "residents", "visits", "cases", "dispatches",
                      "case_events", "ratings", "meetings", "meeting_participants", "agenda_items", "duty_roster", "holidays"]
        var before: [String: Int] = [:]
        do {
            let old = try Database(path: path, mode: .readOnly)
            for table in tables { before[table] = try old.scalarInt("SELECT count(*) FROM \(table)") }
        }

        let database = try Database(path: path)
        XCTAssertEqual(database.userVersion, DatabaseMigrator.liaisonSchema.latestVersion)
        for table in tables where table != "holidays" {
            // Version 4 adds 其他, the category every station has.
            let added = table == "categories" ? 1 : 0
            XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM \(table)"), before[table].map { $0 + added }, "\(table) kept every row")
        }
        XCTAssertEqual(try database.scalarInt("SELECT active FROM categories WHERE name = '其他'"), 1)
        XCTAssertEqual(try database.scalarString("SELECT status FROM cases WHERE id = 3"), "feedback")
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM case_events WHERE kind = 'notified'"), 0)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM case_events WHERE kind = 'feedback'"), 1)
        XCTAssertEqual(try database.scalarInt("PRAGMA foreign_keys"), 1, "foreign keys back on after the migration")
        XCTAssertEqual(try database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }, [])
        XCTAssertEqual(try database.fetchAll("PRAGMA integrity_check") { $0.string(0) }, ["ok"])
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM calendar_years WHERE year = 2024"), 1,
                       "a shipped year the file lacked was added after migrating")
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'new_%' OR name = 'surname_readings'"), 0)
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'"), 2,
                       "the audit log is still append-only")
        // Version 3: one reception credit per visit, kept for the deputy who received the resident.
        XCTAssertEqual(try database.fetchAll("SELECT deputy_id, visit_id FROM duty_log WHERE kind = 'reception' ORDER BY visit_id") {
            [$0.int64(0), $0.int64(1)]
        }, [[2, 1], [1, 2]])
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM duty_log WHERE kind = 'training'"), 1)
        // Version 8: the year's figures counted from the log the file already had.
        XCTAssertEqual(try database.scalarInt("SELECT sum(reception) FROM duty_year"), 2)
        XCTAssertEqual(try database.scalarInt("SELECT sum(training) FROM duty_year"), 1)
        // Version 9: the case an agenda item named is linked to it, the one link an item may now have of several.
        XCTAssertEqual(try database.fetchAll("SELECT item_id, case_id FROM agenda_item_cases") { [$0.int64(0), $0.int64(1)] }, [[1, 1]])
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM agenda_items WHERE case_id IS NOT NULL"), 0)
        // Names re-read with their surnames: 曾 is zeng, and the common reading still finds them.
        XCTAssertEqual(try database.fetchAll("SELECT name_initials, name_initials_alt FROM residents ORDER BY id") { [$0.string(0), $0.string(1)] },
                       [["zqh", "cqh"], ["wxy", ""], ["lm", ""]])
        XCTAssertEqual(try database.fetchAll("SELECT name_pinyin, name_initials, name_initials_alt FROM deputies ORDER BY id") {
            [$0.string(0), $0.string(1), $0.string(2)]
        }, [["zhang qian lin", "zql", ""], ["zeng guo qiang", "zgq", "cgq"]])
        XCTAssertEqual(try database.fetchAll("SELECT version FROM visits") { $0.int(0) }, [1, 1, 1])
        let store = try LiaisonStore(database: database)
        XCTAssertEqual(try store.caseRecord(id: 3).status, .feedback)
        // Version 6: every dispatch's due date in the history, every case in the search index.
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM due_dates"), before["dispatches"])
        XCTAssertEqual(try database.scalarInt("SELECT count(*) FROM case_search"), before["cases"])
        let third = try store.caseRecord(id: 3)
        XCTAssertEqual(try store.searchCases(String(third.title.prefix(3))).map(\.id).contains(3), true)
        let board = try store.followUpBoard()
        XCTAssertEqual(board.groups.first { $0.0 == .awaitingFeedback }?.1.map(\.id), [2], "replied, the resident not told yet")
        XCTAssertEqual(board.groups.first { $0.0 == .awaitingRating }?.1.map(\.id), [3], "told, waiting for a rating")
        XCTAssertEqual(board.counts[.readyToClose], 1)
        XCTAssertEqual(try store.residentMatches("zqh").map(\.resident.name), ["曾庆华"])
        XCTAssertEqual(try store.residentMatches("cqh").map(\.resident.name), ["曾庆华"])
        XCTAssertEqual(try store.residentMatches("01065").map(\.resident.name), ["李明"], "a landline typed without its hyphen")
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
        let session = fixture.supervisor
        func dispatched(_ days: Int) throws -> CaseRecord {
            let record = try fixture.openedCase()
            try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(days), session: session)
            return try store.caseRecord(id: record.id)
        }
        let late = try dispatched(2)       // due 2026-11-18
        let unsatisfied = try dispatched(3) // due 2026-11-19, rated unsatisfied and waiting for round 2
        try store.recordReply(caseID: unsatisfied.id, text: "已答复", session: session)
        try store.recordFeedback(caseID: unsatisfied.id, method: .phone, session: session)
        try store.rate(caseID: unsatisfied.id, Rating(result: .unsatisfied, comment: "没修好"), session: session)
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

/// The core refuses what a role may not do, whatever the screen offered, and says who may.
final class PermissionTests: XCTestCase {
    func testEachRoleMayDoWhatTheTableSaysAndNoMore() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let clerk = fixture.clerk
        let deputy = Session(operatorID: nil, name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        let supervisor = fixture.supervisor
        XCTAssertThrowsError(try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: clerk)) { error in
            XCTAssertEqual(userMessage(for: error), "工作人员不能维护名录和设置：须由管理员操作")
        }
        XCTAssertThrowsError(try store.createDepartment(DepartmentDraft(name: "区水务局", kind: .bureau), session: supervisor))
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能排班和分配联系群众：须由督办人员或管理员操作")
        }
        XCTAssertNoThrow(try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: supervisor))
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: fixture.clock.now()),
                                                     session: deputy))
        // Clerks register and receive; a deputy does not keep the queue.
        XCTAssertThrowsError(try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "王秀英", phone: "13812345678"),
                                                                problem: "楼道灯不亮"), session: deputy)) {
            XCTAssertEqual(userMessage(for: $0), "代表不能接待来访：须由工作人员或督办人员或管理员操作")
        }
        XCTAssertThrowsError(try store.createOperator(name: "小王", role: .clerk, pin: "1234", session: supervisor))
        XCTAssertEqual(try store.deputies().count, 1, "the refused writes wrote nothing")
        XCTAssertEqual(try store.dutyRoster(on: day("2026-12-15")).count, 1)
        XCTAssertEqual(try store.operators().count, 0)
    }

    func testCasesAreActedOnBySupervisorsAndByTheirOwnDeputy() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let mine = try fixture.openedCase()
        let other = try store.openCase(CaseDraft(title: "别人的诉求"), residentID: nil, session: fixture.clerk)
        let deputy = Session(operatorID: nil, name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        // A clerk receives, and dispatches only as part of turning a visit into a case.
        XCTAssertThrowsError(try store.dispatch(caseID: mine.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.clerk)) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能办理诉求：须由代表或督办人员或管理员操作")
        }
        XCTAssertThrowsError(try store.dispatch(caseID: other.id, departmentID: fixture.departmentID, due: .workingDays(5), session: deputy)) {
            XCTAssertEqual(userMessage(for: $0), "代表只能办理自己负责的诉求")
        }
        XCTAssertNoThrow(try store.dispatch(caseID: mine.id, departmentID: fixture.departmentID, due: .workingDays(5), session: deputy))
        XCTAssertNoThrow(try store.dispatch(caseID: other.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor))
        // Closing without the resident's satisfaction takes a supervisor, even over an admin.
        XCTAssertThrowsError(try store.close(caseID: other.id, reason: "群众撤回", session: Session(name: "管理员", role: .admin))) {
            XCTAssertEqual(userMessage(for: $0), "管理员不能未经满意测评销号：须由督办人员操作")
        }
        XCTAssertNoThrow(try store.close(caseID: other.id, reason: "群众撤回", session: fixture.supervisor))
        XCTAssertEqual(try store.caseRecord(id: mine.id).status, .dispatched)
        XCTAssertEqual(try store.caseRecord(id: other.id).status, .closed)
    }
}
