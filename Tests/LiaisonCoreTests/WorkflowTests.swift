import Foundation
import XCTest
@testable import LiaisonCore

final class DirectoryTests: XCTestCase {
    func testSamePhoneNeverMakesASecondResident() throws {
        let fixture = try StoreFixture()
        let first = try fixture.store.findOrCreateResident(ResidentDraft(name: "王秀英", phone: "138 1234 5678"), session: .system)
        let again = try fixture.store.findOrCreateResident(ResidentDraft(name: "王秀英", phone: "13812345678"), session: .system)
        XCTAssertTrue(first.created)
        XCTAssertFalse(again.created)
        XCTAssertEqual(first.id, again.id)
        let landline = try fixture.store.findOrCreateResident(ResidentDraft(name: "赵大爷", phone: "010-6512 3456"), session: .system)
        XCTAssertEqual(try fixture.store.resident(id: landline.id)?.phone, "010-65123456")
        XCTAssertEqual(try fixture.store.resident(id: first.id)?.maskedPhone, "138****5678")
        // Two residents who refuse a phone are two people.
        let a = try fixture.store.findOrCreateResident(ResidentDraft(name: "匿名", phoneRefused: true), session: .system)
        let b = try fixture.store.findOrCreateResident(ResidentDraft(name: "匿名", phoneRefused: true), session: .system)
        XCTAssertNotEqual(a.id, b.id)
    }

    func testRejectsBadPhoneAndIDNumbers() throws {
        let fixture = try StoreFixture()
        XCTAssertThrowsError(try fixture.store.findOrCreateResident(ResidentDraft(name: "李", phone: "1381234567"), session: .system))
        XCTAssertThrowsError(try fixture.store.findOrCreateResident(ResidentDraft(name: "李", phone: nil), session: .system))
        XCTAssertThrowsError(try fixture.store.findOrCreateResident(
            ResidentDraft(name: "李", phone: "13812345678", idNumber: "110101199003071234"), session: .system))
        XCTAssertNoThrow(try fixture.store.findOrCreateResident(
            ResidentDraft(name: "李", phone: "13812345679", idNumber: "11010519491231002x"), session: .system))
    }

    func testIdentifiers() {
        XCTAssertEqual(IDCardNumber.validated("11010519491231002x", today: day("2026-11-16")), "11010519491231002X")
        XCTAssertEqual(IDCardNumber.checkCharacter(for: "11010119900307123"), "3")
        XCTAssertNil(IDCardNumber.validated("110101199003071234", today: day("2026-11-16")))
        XCTAssertEqual(IDCardNumber.masked("11010519491231002X"), "1101**********002X")
        XCTAssertEqual(PhoneNumber.normalized("0571-8765432"), "0571-8765432")
        XCTAssertNil(PhoneNumber.normalized("12812345678"))
        XCTAssertNil(PhoneNumber.normalized("电话13812345678"))
        XCTAssertEqual(Pinyin.initials("张乾林"), "zql")
        XCTAssertEqual(Pinyin.syllables("吕"), "lu")
    }

    func testDeputiesAndDepartmentsAreRecorded() throws {
        let fixture = try StoreFixture()
        XCTAssertEqual(try fixture.store.deputies().map(\.name), ["张乾林"])
        XCTAssertThrowsError(try fixture.store.createDeputy(DeputyDraft(name: "  ", level: .city), session: .system))
        XCTAssertEqual(try fixture.store.database.scalarString("SELECT name_initials FROM deputies"), "zql")
    }

    func testOperatorSignsInWithPIN() throws {
        let fixture = try StoreFixture()
        try fixture.store.createOperator(name: "小李", role: .clerk, pin: "2468", session: .system)
        XCTAssertEqual(try fixture.store.signIn(name: "小李", pin: "2468").name, "小李")
        XCTAssertThrowsError(try fixture.store.signIn(name: "小李", pin: "1357"))
        let stored = try fixture.store.database.scalarString("SELECT pin_hash FROM operators") ?? ""
        XCTAssertFalse(stored.contains("2468"))
    }
}

final class ReceptionTests: XCTestCase {
    func testQueueNumbersRunPerDay() throws {
        let fixture = try StoreFixture()
        XCTAssertEqual(try fixture.walkIn(phone: "13800000001").queueNumber, 1)
        XCTAssertEqual(try fixture.walkIn(phone: "13800000002").queueNumber, 2)
        fixture.clock.advance(seconds: 86_400)
        XCTAssertEqual(try fixture.walkIn(phone: "13800000003").queueNumber, 1, "a new day starts at 1")
        XCTAssertEqual(try fixture.store.queue(on: fixture.store.today).count, 1)
    }

    func testTwoTerminalsNeverShareAQueueNumber() throws {
        let fixture = try StoreFixture()
        let path = fixture.store.database.path
        let clock = fixture.clock
        let perTerminal = 40
        let failures = LockedCounter()
        DispatchQueue.concurrentPerform(iterations: 2) { terminal in
            do {
                let store = try LiaisonStore(database: Database(path: path), clock: clock)
                for index in 0..<perTerminal {
                    try store.registerVisit(VisitDraft(
                        resident: ResidentDraft(name: "居民\(terminal)-\(index)", phone: "139\(terminal)000\(1000 + index)"),
                        problem: "反映楼道照明问题"), session: .system)
                }
            } catch {
                failures.increment()
            }
        }
        XCTAssertEqual(failures.value, 0)
        let numbers = try fixture.store.queue(on: fixture.store.today).map(\.queueNumber)
        XCTAssertEqual(numbers, Array(1...(2 * perTerminal)))
    }

    func testAnsweredOnTheSpotIsACaseClosedAtOnce() throws {
        let fixture = try StoreFixture()
        let visit = try fixture.walkIn()
        let record = try fixture.store.answerOnSpot(visitID: visit.id, answer: "已电话联系物业，今日下午清理", deputyID: fixture.deputyID,
                                                    session: fixture.clerk)
        XCTAssertEqual(record.status, .closed)
        XCTAssertEqual(record.tier, .immediate)
        XCTAssertEqual(record.closedOn, fixture.store.today)
        let after = try XCTUnwrap(fixture.store.visit(id: visit.id))
        XCTAssertEqual(after.status, .done)
        XCTAssertEqual(after.outcome, .answeredOnSpot)
        XCTAssertEqual(after.caseID, record.id)
        XCTAssertEqual(try fixture.store.timeline(caseID: record.id).map(\.kind), [.registered, .answeredOnSpot])
        XCTAssertEqual(try fixture.store.monthStatistics(year: 2026, month: 11).count(status: .closed), 1)
        XCTAssertThrowsError(try fixture.store.answerOnSpot(visitID: visit.id, answer: "再答一次", deputyID: nil, session: fixture.clerk))
    }

    func testEmptyProblemIsRefusedAndNothingIsWritten() throws {
        let fixture = try StoreFixture()
        XCTAssertThrowsError(try fixture.walkIn("新居民", phone: "13900001111", problem: "  \n"))
        XCTAssertEqual(try fixture.store.database.scalarInt("SELECT count(*) FROM residents"), 0)
    }
}

final class CaseLifecycleTests: XCTestCase {
    func testCodesRunPerStationPerYear() throws {
        let fixture = try StoreFixture(now: LocalTime(day: day("2026-12-31"), hour: 16, minute: 0))
        XCTAssertEqual(try fixture.openedCase().code, "2026-0001")
        XCTAssertEqual(try fixture.openedCase().code, "2026-0002")
        fixture.clock.advance(seconds: 86_400)
        XCTAssertEqual(try fixture.openedCase().code, "2027-0001")
    }

    func testFullLifecycleWithAReopenedRound() throws {
        let fixture = try StoreFixture() // Monday 2026-11-16
        let store = fixture.store
        let record = try fixture.openedCase()
        XCTAssertEqual(record.status, .triaged)
        XCTAssertEqual(record.round, 1)

        let dispatched = try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor)
        XCTAssertEqual(dispatched.dueDate, day("2026-11-23"))
        XCTAssertEqual(dispatched.yearsComputedByWeekendsOnly, [])
        XCTAssertEqual(try store.caseRecord(id: record.id).status, .dispatched)

        try store.recordReply(caseID: record.id, text: "已安排维修队更换路灯", session: fixture.supervisor)
        try store.recordFeedback(caseID: record.id, method: .phone, text: "电话告知王女士", session: fixture.supervisor)
        XCTAssertThrowsError(try store.rate(caseID: record.id, Rating(result: .unsatisfied), session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不满意须写明原因")
        }
        try store.rate(caseID: record.id, Rating(result: .unsatisfied, attitude: .basicallySatisfied, comment: "只修了一盏"),
                       session: fixture.supervisor)
        XCTAssertEqual(try store.caseRecord(id: record.id).status, .unsatisfied)

        try store.reopen(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(3), instructions: "其余两盏未修",
                         session: fixture.supervisor)
        var current = try store.caseRecord(id: record.id)
        XCTAssertEqual(current.round, 2)
        XCTAssertEqual(current.status, .dispatched)
        XCTAssertEqual(current.dueDate, day("2026-11-19"))

        try store.recordReply(caseID: record.id, text: "三盏均已更换", session: fixture.supervisor)
        try store.recordFeedback(caseID: record.id, method: .atStation, session: fixture.supervisor)
        try store.rate(caseID: record.id, Rating(result: .satisfied), session: fixture.supervisor)
        try store.close(caseID: record.id, session: fixture.supervisor)
        current = try store.caseRecord(id: record.id)
        XCTAssertEqual(current.status, .closed)
        XCTAssertEqual(current.closedOn, day("2026-11-16"))
        XCTAssertEqual(try store.timeline(caseID: record.id).map(\.kind),
                       [.registered, .dispatched, .replied, .feedback, .rated, .reopened, .replied, .feedback, .rated, .closed])
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM dispatches WHERE case_id = ?", [record.id]), 2)
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM ratings WHERE case_id = ?", [record.id]), 2)
    }

    func testStepsOutOfOrderAreRefused() throws {
        let fixture = try StoreFixture()
        let record = try fixture.openedCase()
        XCTAssertThrowsError(try fixture.store.recordReply(caseID: record.id, text: "答复", session: fixture.supervisor)) { error in
            XCTAssertEqual(error as? DomainError, .wrongStatus(action: "登记答复", status: .triaged))
        }
        XCTAssertThrowsError(try fixture.store.close(caseID: record.id, session: fixture.supervisor)) { error in
            XCTAssertEqual(error as? DomainError, .reasonRequired("未经群众满意的销号"))
        }
        XCTAssertNoThrow(try fixture.store.close(caseID: record.id, reason: "群众撤回诉求", session: fixture.supervisor))
        XCTAssertThrowsError(try fixture.store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(5),
                                                        session: fixture.clerk))
    }

    func testAStaleVersionIsRefused() throws {
        let fixture = try StoreFixture()
        let record = try fixture.openedCase()
        try fixture.store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor,
                                   expectedVersion: record.version)
        XCTAssertThrowsError(try fixture.store.recordReply(caseID: record.id, text: "答复", session: fixture.supervisor,
                                                           expectedVersion: record.version)) { error in
            XCTAssertEqual(error as? DomainError, .changedElsewhere(record.code))
        }
    }

    func testOverdueAsOfAGivenDate() throws {
        let fixture = try StoreFixture() // Monday 2026-11-16
        let store = fixture.store
        let early = try fixture.openedCase(problem: "路灯不亮")
        let late = try fixture.openedCase(problem: "垃圾清运不及时")
        let replied = try fixture.openedCase(problem: "楼道堆物")
        try store.dispatch(caseID: early.id, departmentID: fixture.departmentID, due: .workingDays(2), session: fixture.supervisor)   // due 11-18
        try store.dispatch(caseID: late.id, departmentID: fixture.departmentID, due: .workingDays(10), session: fixture.supervisor)   // due 11-30
        try store.dispatch(caseID: replied.id, departmentID: fixture.departmentID, due: .workingDays(1), session: fixture.supervisor) // due 11-17
        try store.recordReply(caseID: replied.id, text: "已清理", session: fixture.supervisor)

        XCTAssertEqual(try store.overdueCount(asOf: day("2026-11-18")), 0, "due today is not overdue yet")
        XCTAssertEqual(try store.overdueCases(asOf: day("2026-11-19")).map(\.code), [early.code])
        XCTAssertEqual(try store.overdueCases(asOf: day("2026-12-01")).map(\.code), [early.code, late.code])
        XCTAssertEqual(try store.overdueCount(asOf: day("2026-12-01")), 2)
        let summary = try XCTUnwrap(store.overdueCases(asOf: day("2026-12-01")).first)
        XCTAssertEqual(summary.departmentName, "区住建局")
        XCTAssertEqual(summary.categoryName, "加装电梯")
        XCTAssertEqual(summary.residentName, "王秀英")
    }

    func testDispatchIntoAnUnknownYearSaysSo() throws {
        let fixture = try StoreFixture(now: LocalTime(day: day("2026-12-28"), hour: 10, minute: 0))
        let record = try fixture.openedCase()
        let result = try fixture.store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(10),
                                                session: fixture.supervisor)
        XCTAssertEqual(result.yearsComputedByWeekendsOnly, [2027])
        XCTAssertEqual(result.dueDate, day("2027-01-11"), "weekends only in 2027")
    }

    func testAdminImportsANewYear() throws {
        let fixture = try StoreFixture()
        let schedule = try HolidaySchedule(parsing: "year 2027\nholiday 2027-01-01 元旦\n", source: "2027.txt")
        try fixture.store.importCalendar(schedule, session: Session(name: "管理员", role: .admin))
        XCTAssertTrue(fixture.store.calendar.knows(year: 2027))
        XCTAssertFalse(fixture.store.calendar.isWorkingDay(day("2027-01-01")))
        XCTAssertEqual(try fixture.store.database.scalarString("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "calendar.import")
    }

    func testReceptionDayOfTheStation() throws {
        let fixture = try StoreFixture() // rule: the 15th; 2026-11-15 is a Sunday
        XCTAssertTrue(fixture.store.isReceptionDay(day("2026-11-16")))
        XCTAssertFalse(fixture.store.isReceptionDay(day("2026-11-15")))
        XCTAssertEqual(fixture.store.nextReceptionDay, day("2026-11-16"))
    }

    func testRosterAndDutyLog() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let judge = try store.createLegalOfficer(LegalOfficerDraft(name: "周法官", role: .judge, organization: "区人民法院"), session: .system)
        try store.addToRoster(day: day("2026-11-16"), deputyID: fixture.deputyID, session: .system)
        try store.addToRoster(day: day("2026-11-16"), legalOfficerID: judge, role: .legalAdvice, session: .system)
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-11-16"), session: .system))
        let roster = try store.dutyRoster(on: day("2026-11-16"))
        XCTAssertEqual(roster.map(\.name), ["张乾林", "周法官"])
        XCTAssertEqual(roster.last?.legalOfficerRole, .judge)
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .reception, note: "")
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-11-17"), kind: .householdVisit, households: 3, note: "")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 7)
    }
}
