import XCTest
@testable import LiaisonCore

final class DayTests: XCTestCase {
    func testConvertsAndComputesWeekdays() {
        XCTAssertEqual(Day(ordinal: 0).iso, "1970-01-01")
        XCTAssertEqual(Day(ordinal: 0).weekday, 4, "a Thursday")
        XCTAssertEqual(day("2026-11-21").weekday, 6, "a Saturday")
        XCTAssertEqual(day("2024-02-29").adding(days: 1).iso, "2024-03-01")
        XCTAssertEqual(day("2026-12-31").adding(days: 1).iso, "2027-01-01")
        XCTAssertNil(Day(iso: "2026-02-29"))
        XCTAssertNil(Day(iso: "2026-2-1"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertEqual(day("2026-11-16").chineseWeekday, "星期一")
        // Every day of four centuries survives the round trip.
        for ordinal in stride(from: -200_000, to: 200_000, by: 1) {
            let (y, m, d) = Day(ordinal: ordinal).components
            XCTAssertEqual(Day(year: y, month: m, day: d)?.ordinal, ordinal)
        }
    }

    func testLocalTimeArithmetic() {
        let start = LocalTime(day: day("2026-12-31"), hour: 23, minute: 59, second: 30)
        XCTAssertEqual(start.adding(seconds: 45).stored, "2027-01-01 00:00:15")
        XCTAssertEqual(start.adding(seconds: -86_400).stored, "2026-12-30 23:59:30")
        XCTAssertEqual(LocalTime(stored: start.stored), start)
        XCTAssertEqual(start.seconds(until: start.adding(seconds: 3600)), 3600)
        XCTAssertNil(LocalTime(stored: "2026-12-31 24:00:00"))
    }
}

final class WorkingCalendarTests: XCTestCase {
    private var calendar: WorkingCalendar!

    override func setUpWithError() throws {
        let schedules = try HolidaySchedule.shipped()
        XCTAssertEqual(schedules.map(\.year), [2024, 2025, 2026])
        calendar = WorkingCalendar(entries: schedules.flatMap(\.entries), knownYears: Set(schedules.map(\.year)))
    }

    func testSpringFestival2026() {
        for offset in 0...8 {
            let holiday = day("2026-02-15").adding(days: offset)
            XCTAssertFalse(calendar.isWorkingDay(holiday), "\(holiday) is 春节")
            XCTAssertEqual(calendar.name(of: holiday), "春节")
        }
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-14")), "Saturday make-up day")
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-28")), "Saturday make-up day")
        XCTAssertTrue(calendar.isMakeUpWorkday(day("2026-02-28")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-24")))
        XCTAssertFalse(calendar.isWorkingDay(day("2026-02-07")), "an ordinary Saturday")
    }

    func testOtherYearsSpans() {
        XCTAssertFalse(calendar.isWorkingDay(day("2024-02-10")))
        XCTAssertTrue(calendar.isWorkingDay(day("2024-02-04")), "2024 春节调休 Sunday")
        XCTAssertTrue(calendar.isWorkingDay(day("2025-01-26")), "2025 春节调休 Sunday")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-10-08")), "2025 国庆中秋 eighth day")
        XCTAssertTrue(calendar.isWorkingDay(day("2025-10-11")))
        XCTAssertFalse(calendar.isWorkingDay(day("2026-10-07")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-09-20")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-01-04")))
    }

    func testCountsWorkingDaysInAYear() {
        // 2026: 365 days, 104 weekend days, 7 + 9 + 3 + 5 + 3 + 3 + 7 days off of which some are weekends,
        // plus 6 make-up days. Counting by hand from the notice gives 248 working days.
        XCTAssertEqual(calendar.workingDays(from: day("2025-12-31"), to: day("2026-12-31")), 248)
    }

    func testAddsWorkingDaysAcrossAHoliday() {
        // Friday 2026-02-13 + 1 working day is Saturday 14th (make-up), + 2 is Tuesday 24th.
        XCTAssertEqual(calendar.adding(workingDays: 1, to: day("2026-02-13")), day("2026-02-14"))
        XCTAssertEqual(calendar.adding(workingDays: 2, to: day("2026-02-13")), day("2026-02-24"))
        XCTAssertEqual(calendar.adding(workingDays: -2, to: day("2026-02-24")), day("2026-02-13"))
        // 中秋 takes Friday 9-25, 国庆 10-01…07; Saturday 10-10 is a make-up day.
        XCTAssertEqual(calendar.adding(workingDays: 10, to: day("2026-09-24")), day("2026-10-15"))
        XCTAssertEqual(calendar.adding(workingDays: 0, to: day("2026-10-03")), day("2026-10-08"))
        XCTAssertEqual(calendar.workingDays(from: day("2026-02-13"), to: day("2026-02-24")), 2)
        XCTAssertEqual(calendar.workingDays(from: day("2026-02-24"), to: day("2026-02-13")), -2)
    }

    func testUnknownYearFallsBackToWeekends() {
        XCTAssertFalse(calendar.knows(year: 2027))
        XCTAssertTrue(calendar.isWorkingDay(day("2027-01-01")), "no schedule: a Friday is a working day")
        XCTAssertFalse(calendar.isWorkingDay(day("2027-01-02")))
        XCTAssertEqual(calendar.unknownYears(from: day("2026-12-20"), to: day("2027-01-10")), [2027])
        XCTAssertEqual(calendar.unknownYears(from: day("2026-01-01"), to: day("2026-12-31")), [])
    }

    func testReceptionDayRuleAcrossTheYear() {
        let rule = ReceptionDayRule(dayOfMonth: 15, tie: .earlier)
        let days = (1...12).map { rule.receptionDay(year: 2026, month: $0, calendar: calendar).iso }
        XCTAssertEqual(days, [
            "2026-01-15", // Thursday
            "2026-02-14", // Sunday in 春节 → the make-up Saturday before it
            "2026-03-16", // Sunday → Monday
            "2026-04-15",
            "2026-05-15",
            "2026-06-15",
            "2026-07-15",
            "2026-08-14", // Saturday → Friday
            "2026-09-15",
            "2026-10-15",
            "2026-11-16", // Sunday → Monday
            "2026-12-15",
        ])
    }

    func testReceptionDayTieDirectionInsideAHoliday() {
        // 2026-10-04 is a Sunday in 国庆: Wednesday 9-30 and Thursday 10-08 are both four days away.
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 4, tie: .earlier).receptionDay(year: 2026, month: 10, calendar: calendar),
                       day("2026-09-30"))
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 4, tie: .later).receptionDay(year: 2026, month: 10, calendar: calendar),
                       day("2026-10-08"))
        // A Saturday moves back to Friday and a Sunday forward to Monday without any tie.
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 21, tie: .later).receptionDay(year: 2026, month: 11, calendar: calendar),
                       day("2026-11-20"))
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 22, tie: .earlier).receptionDay(year: 2026, month: 11, calendar: calendar),
                       day("2026-11-23"))
        // The 31st of a short month is its last day.
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 31).nominalDay(year: 2026, month: 2), day("2026-02-28"))
        XCTAssertEqual(ReceptionDayRule(dayOfMonth: 15).nextReceptionDay(onOrAfter: day("2026-11-17"), calendar: calendar),
                       day("2026-12-15"))
    }

    func testParsesAndRejectsScheduleFiles() throws {
        let schedule = try HolidaySchedule(parsing: """
            # 2027
            year 2027
            holiday 2027-02-06..2027-02-12 春节
            workday 2027-02-14 春节调休
            """)
        XCTAssertEqual(schedule.year, 2027)
        XCTAssertEqual(schedule.entries.count, 8)
        let cases: [(String, Int)] = [
            ("holiday 2027-01-01 元旦", 1),
            ("year 2027\nholiday 2027-02-30 春节", 2),
            ("year 2027\nholiday 2028-01-01 元旦", 2),
            ("year 2027\nworkday 2027-01-04 上班", 2), // a Monday needs no make-up
            ("year 2027\nholiday 2027-01-01 元旦\nholiday 2027-01-01 元旦", 3),
            ("year 2027\nrest 2027-01-01 元旦", 2),
        ]
        for (text, line) in cases {
            XCTAssertThrowsError(try HolidaySchedule(parsing: text), text) { error in
                XCTAssertEqual((error as? HolidaySchedule.ParseError)?.line, line, text)
            }
        }
    }
}
