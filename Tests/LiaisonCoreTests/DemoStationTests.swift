import XCTest
@testable import LiaisonCore

final class DemoStationTests: XCTestCase {
    func testDemoHasEveryStateAndFreshOverdueAndDueSoonItems() throws {
        let directory = TemporaryDirectory()
        let now = LocalTime(day: day("2026-11-20"), hour: 10, minute: 30)
        let store = try DemoStation.create(at: directory.path("demo.sqlite"), now: now)
        let database = store.database
        func count(_ sql: String, _ arguments: [SQLBindable?] = []) throws -> Int { try database.scalarInt(sql, arguments) ?? 0 }

        XCTAssertEqual(try count("SELECT count(*) FROM deputies"), 25)
        XCTAssertEqual(try count("SELECT count(DISTINCT level) FROM deputies"), 5)
        XCTAssertEqual(try count("SELECT count(*) FROM departments"), 15)
        XCTAssertEqual(try count("SELECT count(*) FROM categories"), 13, "the template's twelve and 其他")
        XCTAssertEqual(try count("SELECT count(*) FROM meetings"), 8)
        XCTAssertGreaterThanOrEqual(try count("SELECT count(*) FROM residents"), 50)
        let cases = try count("SELECT count(*) FROM cases")
        XCTAssertTrue((140...190).contains(cases), "about 150 cases, got \(cases)")
        for status in CaseStatus.allCases {
            XCTAssertGreaterThan(try count("SELECT count(*) FROM cases WHERE status = ?", [status]), 0, "\(status) present")
        }
        XCTAssertGreaterThanOrEqual(try store.overdueCount(asOf: now.day), 5)
        let soon = store.calendar.adding(workingDays: 3, to: now.day)
        XCTAssertGreaterThan(try count("SELECT count(*) FROM cases WHERE status = 'dispatched' AND due_date BETWEEN ? AND ?",
                                       [now.day, soon]), 0, "due within three working days")
        XCTAssertGreaterThan(try count("SELECT count(*) FROM cases WHERE round > 1"), 0, "reopened cases")
        XCTAssertGreaterThan(try count("SELECT count(*) FROM cases WHERE opened_on >= ?", [now.day.adding(days: -3)]), 0, "fresh")
        XCTAssertEqual(try count("SELECT min(opened_on) >= ? FROM cases", [now.day.adding(days: -181)]), 1, "last six months")
        // Today's queue has people waiting and someone with a deputy.
        let queue = try store.queue(on: now.day)
        XCTAssertEqual(queue.map(\.queueNumber), Array(1...6))
        XCTAssertTrue(queue.contains { $0.status == .waiting })
        XCTAssertTrue(queue.contains { $0.status == .withDeputy })
        // Reception days this month and next have rosters, with a legal officer.
        let thisMonth = store.station.receptionRule!.receptionDay(inMonthOf: now.day, calendar: store.calendar)
        let nextMonth = store.station.receptionRule!.nextReceptionDay(onOrAfter: now.day.adding(days: 20), calendar: store.calendar)
        for day in [thisMonth, nextMonth] {
            let roster = try store.dutyRoster(on: day)
            XCTAssertGreaterThanOrEqual(roster.count, 4, "roster on \(day)")
            XCTAssertTrue(roster.contains { $0.legalOfficerRole != nil })
        }
        XCTAssertEqual(try database.fetchAll("PRAGMA foreign_key_check") { $0.string(0) }, [], "no row points at nothing")
        XCTAssertThrowsError(try DemoStation.create(at: database.path, now: now)) { error in
            XCTAssertEqual(error as? StoreOpenError, .alreadyExists(database.path))
        }
    }

    /// The guarantees hold whatever day the demo is made on: a weekday, a weekend, inside 春节 and 国庆.
    func testEveryStateOnAnyDay() throws {
        for text in ["2026-01-05", "2026-02-20", "2026-03-15", "2026-05-03", "2026-07-31", "2026-10-04", "2026-12-28"] {
            let directory = TemporaryDirectory()
            let now = LocalTime(day: day(text), hour: 15, minute: 0)
            let store = try DemoStation.create(at: directory.path("demo.sqlite"), now: now)
            for status in CaseStatus.allCases {
                XCTAssertGreaterThan(try store.database.scalarInt("SELECT count(*) FROM cases WHERE status = ?", [status]) ?? 0, 0,
                                     "\(status) on \(text)")
            }
            XCTAssertGreaterThan(try store.overdueCount(asOf: now.day), 0, "overdue on \(text)")
            let soon = store.calendar.adding(workingDays: 3, to: now.day)
            XCTAssertGreaterThan(try store.database.scalarInt(
                "SELECT count(*) FROM cases WHERE status = 'dispatched' AND due_date BETWEEN ? AND ?", [now.day, soon]) ?? 0, 0,
                                 "due soon on \(text)")
        }
    }
}
