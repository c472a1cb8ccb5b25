import XCTest
@testable import LiaisonCore

/// The deputies' duty: the points rules, applications and approval, quotas at the year's edge, the
/// ranking, the duty roster with its warnings and reminder, and keeping in touch with residents.
final class DutyLogTests: XCTestCase {
    private func entry(_ store: LiaisonStore, _ deputy: Int64, _ date: String, _ kind: DutyKind, households: Int? = nil,
                       approve: Bool = true, supervisor: Session) throws -> Int64 {
        let id = try store.addDutyEntry(DutyEntryDraft(deputyID: deputy, day: day(date), kind: kind, households: households), session: .system)
        if approve { try store.decideDutyEntry(id: id, approve: true, session: supervisor) }
        return id
    }

    func testPointsComeFromTheRuleFirstFurtherAndCappedAndOnlyOnceApproved() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        try store.updatePointRule(PointRule(kind: .suggestion, first: 5, further: 3, cap: 12), session: .system)
        XCTAssertEqual(try store.pointRules()[.suggestion]?.label, "首次 5 分，其后每次 3 分，全年至多 12 分")
        let pending = try entry(store, fixture.deputyID, "2026-03-02", .suggestion, approve: false, supervisor: fixture.supervisor)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 0, "an application counts for nothing")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).pending, 1)
        try store.decideDutyEntry(id: pending, approve: true, session: fixture.supervisor)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 5, "the first of the year")
        _ = try entry(store, fixture.deputyID, "2026-04-01", .suggestion, supervisor: fixture.supervisor)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 8, "each further one")
        _ = try entry(store, fixture.deputyID, "2026-05-01", .suggestion, supervisor: fixture.supervisor)
        _ = try entry(store, fixture.deputyID, "2026-06-01", .suggestion, supervisor: fixture.supervisor)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 12, "5 + 3 + 3 + 3 capped at 12")
        let refused = try entry(store, fixture.deputyID, "2026-07-01", .training, approve: false, supervisor: fixture.supervisor)
        XCTAssertThrowsError(try store.decideDutyEntry(id: refused, approve: false, session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "不予认定积分申请须写明理由")
        }
        try store.decideDutyEntry(id: refused, approve: false, reason: "无签到记录", session: fixture.supervisor)
        XCTAssertThrowsError(try store.decideDutyEntry(id: refused, approve: true, session: fixture.supervisor),
                             "a decided application is not decided again (another terminal)")
        let credit = try store.dutyCredit(deputyID: fixture.deputyID, year: 2026)
        XCTAssertEqual(credit.points, 12, "a refused entry counts for nothing")
        XCTAssertEqual(credit.counts[.training], 0)
        XCTAssertEqual(try store.dutyLog(deputyID: fixture.deputyID).first?.refusal, "无签到记录")
        // A changed rule counts the whole year again.
        try store.updatePointRule(PointRule(kind: .suggestion, first: 3, further: 3), session: .system)
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).points, 12)
    }

    /// The year's figures are kept by the database as entries come, change and go: two receptions on one
    /// day are one day; an entry moved to another year or another deputy, or deleted, leaves its old tally.
    func testTheYearsFiguresFollowEveryInsertChangeAndDelete() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let other = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-06-15"), kind: .reception, note: "")
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-06-15"), kind: .reception, note: "")
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-07-15"), kind: .reception, note: "")
        let visit = try entry(store, fixture.deputyID, "2026-05-02", .householdVisit, households: 4, supervisor: fixture.supervisor)
        _ = try entry(store, fixture.deputyID, "2026-05-03", .householdVisit, households: 3, approve: false, supervisor: fixture.supervisor)
        var credit = try store.dutyCredit(deputyID: fixture.deputyID, year: 2026)
        XCTAssertEqual([credit.receptionDays, credit.householdVisits, credit.counts[.householdVisit], credit.pending], [2, 4, 1, 1])
        try store.database.execute("DELETE FROM duty_log WHERE kind = 'reception' AND day = '2026-07-15'")
        try store.database.execute("DELETE FROM duty_log WHERE id = (SELECT min(id) FROM duty_log WHERE day = '2026-06-15')")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).receptionDays, 1, "the other 06-15 still counts")
        try store.database.execute("UPDATE duty_log SET day = '2025-12-30' WHERE id = ?", [visit])
        credit = try store.dutyCredit(deputyID: fixture.deputyID, year: 2026)
        XCTAssertEqual([credit.householdVisits, credit.counts[.householdVisit]], [0, 0])
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2025).householdVisits, 4)
        try store.database.execute("UPDATE duty_log SET deputy_id = ? WHERE kind = 'reception'", [other])
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2026).receptionDays, 0)
        XCTAssertEqual(try store.dutyCredit(deputyID: other, year: 2026).receptionDays, 1)
    }

    func testBadEntriesAndRulesAreRefusedBesideTheirFieldAndNothingIsSaved() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let cases: [(DutyEntryDraft, String, String)] = [
            (DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-17"), kind: .training), "day", "不能登记今天以后的履职"),
            (DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .householdVisit, households: 0), "households", "应为 1 到 500 户"),
            (DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .householdVisit), "households", "走访选民须填走访户数"),
            (DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .reception), "kind",
             "进站接待由接待台在代表接待群众时自动登记，每个接待日一次"),
        ]
        for (draft, field, message) in cases {
            XCTAssertThrowsError(try store.addDutyEntry(draft, session: fixture.clerk)) { error in
                XCTAssertEqual((error as? InvalidField)?.field, field)
                XCTAssertEqual((error as? InvalidField)?.message, message)
            }
        }
        try store.setActive(.deputies, id: fixture.deputyID, false, session: .system)
        XCTAssertThrowsError(try store.addDutyEntry(DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .training),
                                                   session: fixture.clerk)) { XCTAssertEqual(($0 as? InvalidField)?.field, "deputy") }
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM duty_log"), 0, "nothing half-saved")
        XCTAssertThrowsError(try store.updatePointRule(PointRule(kind: .training, first: 1, further: 1, cap: -5), session: .system)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "cap")
            XCTAssertEqual(($0 as? InvalidField)?.message, "封顶不能是负数（不封顶就空着）")
        }
        XCTAssertEqual(try store.pointRules()[.training], PointRule(kind: .training, first: 1, further: 1))
        // A deputy enters their own, not another's.
        let other = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        let deputy = Session(name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        try store.setActive(.deputies, id: fixture.deputyID, true, session: .system)
        XCTAssertNoThrow(try store.addDutyEntry(DutyEntryDraft(deputyID: fixture.deputyID, day: day("2026-11-16"), kind: .inspection),
                                                session: deputy))
        XCTAssertThrowsError(try store.addDutyEntry(DutyEntryDraft(deputyID: other, day: day("2026-11-16"), kind: .inspection), session: deputy))
    }

    func testQuotasCountTheirOwnYearAtTheBoundary() throws {
        let fixture = try StoreFixture(now: LocalTime(day: day("2027-01-01"), hour: 9, minute: 0))
        let store = fixture.store
        _ = try entry(store, fixture.deputyID, "2026-12-31", .householdVisit, households: 6, supervisor: fixture.supervisor)
        _ = try entry(store, fixture.deputyID, "2027-01-01", .householdVisit, households: 4, supervisor: fixture.supervisor)
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-12-15"), kind: .reception, note: "")
        try store.creditDuty(deputyID: fixture.deputyID, day: day("2026-12-15"), kind: .reception, note: "", meetingID: nil)
        let last = try store.dutyCredit(deputyID: fixture.deputyID, year: 2026)
        XCTAssertEqual(last.householdVisits, 6, "households, not entries")
        XCTAssertEqual(last.receptionDays, 1, "two residents on one day are one reception day")
        XCTAssertEqual(try store.dutyCredit(deputyID: fixture.deputyID, year: 2027).householdVisits, 4)
        XCTAssertEqual(try store.quotaShortfalls(year: 2026).lines.map(\.missing), ["进站差 1 天、走访差 4 户"])
        XCTAssertEqual(try store.quotaShortfalls(year: 2027).lines.map(\.missing), ["进站差 2 天、走访差 6 户"])
        let rows = try store.quotaShortfallRows(year: 2026)
        XCTAssertEqual(rows.first?.last, "差额")
        XCTAssertEqual(rows.last, ["张乾林", "县区", "社区", "1", "2", "6", "10", "进站差 1 天、走访差 4 户"])
    }

    func testTheRankingSharesARankOnATieAndIsWrittenWithAByteOrderMark() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let li = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        let wang = try store.createDeputy(DeputyDraft(name: "王建国", level: .national), session: .system)
        _ = try store.createDeputy(DeputyDraft(name: "丁一", level: .township), session: .system)
        for deputy in [fixture.deputyID, li, wang] { _ = try entry(store, deputy, "2026-10-10", .inspection, supervisor: fixture.supervisor) }
        _ = try entry(store, wang, "2026-10-11", .training, supervisor: fixture.supervisor)
        let ranking = try store.pointsRanking(year: 2026).lines
        XCTAssertEqual(ranking.map(\.deputy.name), ["王建国", "李红", "张乾林", "丁一"], "points, then stroke order: 李 7 strokes, 张 7")
        XCTAssertEqual(ranking.map(\.rank), [1, 2, 2, 4])
        XCTAssertEqual(ranking.map(\.credit.points), [4, 3, 3, 0])
        let first = try store.pointsRanking(year: 2026, limit: 3)
        XCTAssertEqual(first.lines.map(\.rank), [1, 2, 2], "ranks count everyone, however few lines are read")
        XCTAssertEqual(first.total, 4)
        var written: [UInt8] = []
        try store.exportDutyReport(try store.pointsRankingRows(year: 2026), title: "排名", fileName: "/tmp/x.csv", session: fixture.clerk) {
            written = $0
        }
        XCTAssertEqual(Array(written.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: written.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("名次,姓名,级别,界别,履职积分,"))
        XCTAssertTrue(text.contains("\r\n2,李红,乡镇,,3,"))
        XCTAssertEqual(try store.database.scalarString("SELECT detail FROM audit_log WHERE action = 'duty.export'"), "排名 4 行")
    }
}

final class DutyRosterTests: XCTestCase {
    func testReceptionDaysFollowTheRuleHolidaysAndTheStationsChanges() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        // 2026-02-15 falls in the Spring Festival holiday; the nearest working day is the make-up Saturday before it.
        XCTAssertEqual(try store.receptionDays(from: day("2026-02-01"), through: day("2026-02-28")).map(\.day), [day("2026-02-14")])
        try store.changeReceptionDay(day("2026-12-22"), note: "年终加开", session: fixture.supervisor)
        try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: fixture.supervisor)
        try store.changeReceptionDay(day("2026-12-16"), insteadOf: day("2026-12-15"), session: fixture.supervisor)
        let december = try store.rosterMonth(year: 2026, month: 12)
        XCTAssertEqual(december.map(\.slot.day), [day("2026-12-16"), day("2026-12-22")])
        XCTAssertEqual(december.map(\.slot.originLabel), ["由 12-15 调整", "增加"])
        XCTAssertEqual(december.first?.seats.map(\.name), ["张乾林"], "the seats go with the moved day")
        XCTAssertThrowsError(try store.changeReceptionDay(day("2026-12-22"), session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "2026-12-22 已是接待日")
        }
        XCTAssertTrue(store.isReceptionDay(day("2026-12-16")))
        XCTAssertFalse(store.isReceptionDay(day("2026-12-15")))
        // A past day is a record: not added, not moved.
        XCTAssertThrowsError(try store.changeReceptionDay(day("2026-11-13"), session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "day")
        }
        XCTAssertThrowsError(try store.changeReceptionDay(day("2026-11-20"), insteadOf: day("2026-10-15"), session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "2026-10-15 已经过去，不能再调整")
        }
        // Undone: an added day with someone on it waits until they are taken off; a moved day goes back with its seats.
        try store.addToRoster(day: day("2026-12-22"), deputyID: fixture.deputyID, session: fixture.supervisor)
        XCTAssertThrowsError(try store.undoReceptionDayChange(day("2026-12-22"), session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "2026-12-22 还排着 1 位，先移出值班表再取消这一天")
        }
        try store.removeFromRoster(seatID: try XCTUnwrap(store.dutyRoster(on: day("2026-12-22")).first?.id), session: fixture.supervisor)
        try store.undoReceptionDayChange(day("2026-12-22"), session: fixture.supervisor)
        // A moved day is not put back onto a day that has since got seats of its own.
        try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, confirmed: true, session: fixture.supervisor)
        XCTAssertThrowsError(try store.undoReceptionDayChange(day("2026-12-16"), session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "原定的 2026-12-15 已另有安排，不能改回")
        }
        try store.removeFromRoster(seatID: try XCTUnwrap(store.dutyRoster(on: day("2026-12-15")).first?.id), session: fixture.supervisor)
        try store.undoReceptionDayChange(day("2026-12-16"), session: fixture.supervisor)
        let undone = try store.rosterMonth(year: 2026, month: 12)
        XCTAssertEqual(undone.map(\.slot.day), [day("2026-12-15")])
        XCTAssertEqual(undone.first?.seats.map(\.name), ["张乾林"], "the seats go back with the day")
        XCTAssertThrowsError(try store.undoReceptionDayChange(day("2026-12-15"), session: fixture.supervisor), "the rule's own day")
        XCTAssertEqual(try store.database.fetchAll("SELECT detail FROM audit_log WHERE action LIKE 'roster.%' ORDER BY id") { $0.string(0) },
                       ["增加接待日", "排 张乾林", "由 2026-12-15 调整", "排 张乾林", "移出 张乾林", "取消增加的接待日", "排 张乾林", "移出 张乾林",
                        "改回 2026-12-15"])
    }

    func testRosteringAsksOnANonReceptionDayOrTwiceAndWarnsAboutTheYear() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let lawyer = try store.createLegalOfficer(LegalOfficerDraft(name: "陈静", role: .lawyer, organization: "和平律师事务所"), session: .system)
        let idle = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-12-14"), deputyID: fixture.deputyID, session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "2026-12-14 不是接待日，仍要把 张乾林 排在这一天吗？")
        }
        XCTAssertEqual(try store.dutyRoster(on: day("2026-12-14")), [], "not without the yes")
        try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: fixture.supervisor)
        try store.addToRoster(day: day("2026-12-15"), legalOfficerID: lawyer, role: .legalAdvice, session: fixture.supervisor)
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "张乾林 已排在 2026-12-15，仍要再排一次吗？")
        }
        try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, confirmed: true, session: fixture.supervisor)
        // A day gone by is recorded only on purpose; twice on it is a record, not something to fix.
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-10-15"), legalOfficerID: lawyer, role: .legalAdvice,
                                                   session: fixture.supervisor)) {
            XCTAssertEqual(userMessage(for: $0), "2026-10-15 已经过去，仍要补记 陈静 在这一天值班吗？")
        }
        try store.addToRoster(day: day("2026-10-15"), legalOfficerID: lawyer, role: .legalAdvice, confirmed: true, session: fixture.supervisor)
        try store.addToRoster(day: day("2026-10-15"), legalOfficerID: lawyer, role: .legalAdvice, confirmed: true, session: fixture.supervisor)
        try store.setActive(.legalOfficers, id: lawyer, false, session: .system)
        XCTAssertEqual(try store.rosterWarnings(year: 2026), [
            "陈静 已停用，仍排在 2026-12-15", "张乾林 在 2026-12-15 排了两次", "2026 年没有排进站接待的代表 1 位：李红",
        ])
        try store.setActive(.deputies, id: idle, false, session: .system)
        XCTAssertThrowsError(try store.addToRoster(day: day("2026-12-15"), deputyID: idle, confirmed: true, session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "李红 已停用，不能排班")
        }
    }

    /// 公布: five working days before a reception day the title line reminds, counted across the Spring
    /// Festival holiday, until the notice is written.
    func testTheNoticeIsDueFiveWorkingDaysAheadAcrossTheSpringFestival() throws {
        let fixture = try StoreFixture(now: LocalTime(day: day("2026-02-10"), hour: 9, minute: 0))
        let store = fixture.store
        var settings = try store.settings()
        settings.receptionDay = 25
        try store.updateSettings(settings, session: .system)
        XCTAssertNil(try store.rosterNoticeDue(), "02-25 is six working days away: 11, 12, 13, the make-up 14th, 24, 25")
        fixture.clock.set(LocalTime(day: day("2026-02-11"), hour: 9, minute: 0))
        XCTAssertEqual(try store.rosterNoticeDue(), day("2026-02-25"), "fourteen calendar days before, five working days")
        XCTAssertEqual(try store.overview().noticeDue, day("2026-02-25"))
        try store.addToRoster(day: day("2026-02-25"), deputyID: fixture.deputyID, role: .lead, session: fixture.supervisor)
        let lawyer = try store.createLegalOfficer(LegalOfficerDraft(name: "陈静", role: .lawyer, organization: "和平律师事务所"), session: .system)
        try store.addToRoster(day: day("2026-02-25"), legalOfficerID: lawyer, role: .legalAdvice, session: fixture.supervisor)
        var written = ""
        try store.exportRosterNotice(day: day("2026-02-25"), hours: "上午 9:00—11:30", place: "和平街道12号", fileName: "公告.txt",
                                     session: fixture.supervisor) { written = String(decoding: $0, as: UTF8.self) }
        XCTAssertTrue(written.contains("接待时间：2026年2月25日（星期三）上午 9:00—11:30"))
        XCTAssertTrue(written.contains("接待地点：和平街道12号"))
        XCTAssertTrue(written.contains("    张乾林（县区人大代表，社区）"))
        XCTAssertTrue(written.contains("法律服务（三官一员）：\n    陈静（律师，和平律师事务所）"))
        XCTAssertTrue(written.hasSuffix("2026年2月11日\n"))
        XCTAssertNil(try store.rosterNoticeDue(), "written: no more reminding")
        // Someone rostered after the notice was written: it is out of date and the reminder comes back.
        let li = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        try store.addToRoster(day: day("2026-02-25"), deputyID: li, session: fixture.supervisor)
        XCTAssertEqual(try store.rosterNoticeDue(), day("2026-02-25"))
        let february = try XCTUnwrap(store.rosterMonth(year: 2026, month: 2).last)
        XCTAssertEqual([february.noticeWritten, february.noticeOutdated], [false, true])
        try store.exportRosterNotice(day: day("2026-02-25"), hours: "上午", place: "站里", fileName: "公告.txt", session: fixture.supervisor) { _ in }
        XCTAssertNil(try store.rosterNoticeDue(), "written again")
        XCTAssertThrowsError(try store.exportRosterNotice(day: day("2026-03-16"), hours: "上午", place: "站里", fileName: "x",
                                                          session: fixture.supervisor) { _ in XCTFail("nothing written") }) {
            XCTAssertEqual(userMessage(for: $0), "2026-03-16 还没有排代表，不能写公告")
        }
    }
}

final class KeepingInTouchTests: XCTestCase {
    func testWhoIsBehindThisMonthAndARaisedProblemBecomesACase() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let township = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        _ = try store.createDeputy(DeputyDraft(name: "王建国", level: .national), session: .system)
        let first = try store.assignResident(ResidentDraft(name: "王秀英", phone: "13812345678"), to: fixture.deputyID, session: fixture.supervisor)
        // A family sharing a phone: two residents, one number.
        let second = try store.assignResident(ResidentDraft(name: "王小明", phone: "13812345678"), to: fixture.deputyID, session: fixture.supervisor)
        XCTAssertNotEqual(first, second)
        XCTAssertThrowsError(try store.assignResident(first, to: fixture.deputyID, session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "已分配给 张乾林")
        }
        var standings = try store.contactStandings().standings.lines
        XCTAssertEqual(standings.map(\.deputy.name), ["李红", "张乾林"], "the national deputy is not asked to")
        XCTAssertEqual(standings.map(\.missing), ["少分配 3 人", "本月未联系 2 人、少分配 3 人"])
        try store.logContact(ContactDraft(deputyID: fixture.deputyID, residentID: first, day: day("2026-10-30"), method: .visit),
                             session: fixture.clerk)
        let opened = try XCTUnwrap(store.logContact(ContactDraft(deputyID: fixture.deputyID, residentID: second, day: day("2026-11-02"),
                                                                  method: .phone, raised: "楼道灯坏了\n三楼到五楼都不亮", openCase: true),
                                                     session: fixture.clerk))
        XCTAssertEqual(opened.title, "楼道灯坏了")
        XCTAssertEqual(opened.description, "楼道灯坏了\n三楼到五楼都不亮")
        XCTAssertEqual(try store.caseRecord(id: opened.id).responsibleDeputyID, fixture.deputyID)
        standings = try store.contactStandings().standings.lines
        XCTAssertEqual(standings.last?.contacted, 1, "October's contact is last month's")
        XCTAssertEqual(try store.contactStandings(limit: 1).standings.lines.map(\.deputy.name), ["李红"], "the first line alone")
        XCTAssertEqual(try store.contactStandings(limit: 0).behind, 2, "counted without reading a line")
        XCTAssertEqual(try store.contactAssignments(deputyID: fixture.deputyID).map(\.lastContact), [day("2026-10-30"), day("2026-11-02")])
        XCTAssertThrowsError(try store.logContact(ContactDraft(deputyID: township, residentID: first, day: day("2026-11-16"), method: .phone),
                                                  session: fixture.clerk)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "这位居民不在该代表的联系名单上")
        }
        XCTAssertThrowsError(try store.logContact(ContactDraft(deputyID: fixture.deputyID, residentID: first, day: day("2026-11-17"),
                                                               method: .phone), session: fixture.clerk)) {
            XCTAssertEqual(($0 as? InvalidField)?.field, "day")
        }
        let cases = try store.database.scalarInt("SELECT count(*) FROM cases")
        XCTAssertThrowsError(try store.logContact(ContactDraft(deputyID: fixture.deputyID, residentID: first, day: day("2026-11-16"),
                                                               method: .phone, raised: " ", openCase: true), session: fixture.clerk))
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM cases"), cases)
        // A township deputy asked for 3 with 4 given meets the month with any 3 contacted.
        let family = try (1...4).map { try store.assignResident(ResidentDraft(name: "赵家\($0)", phone: "1390000000\($0)"), to: township,
                                                                 session: fixture.supervisor) }
        for resident in family.prefix(3) {
            try store.logContact(ContactDraft(deputyID: township, residentID: resident, day: day("2026-11-10"), method: .phone), session: fixture.clerk)
        }
        XCTAssertEqual(try store.contactStandings(deputyID: township).standings.lines.map(\.isBehind), [false])
        // Given back to a deputy after an end, a resident keeps the latest contact already logged.
        let ended = try XCTUnwrap(store.contactAssignments(deputyID: fixture.deputyID).last?.assignmentID)
        try store.endAssignment(ended, session: fixture.supervisor)
        try store.assignResident(second, to: fixture.deputyID, session: fixture.supervisor)
        XCTAssertEqual(try store.contactAssignments(deputyID: fixture.deputyID).last?.lastContact, day("2026-11-02"))
        XCTAssertEqual(try store.database.fetchAll("SELECT detail FROM audit_log WHERE action LIKE 'contacts.%' ORDER BY id") { $0.string(0) }
                           .suffix(2), ["居民 #\(second)", "居民 #\(second)"], "ending and giving back name the same resident")
        // A resident forgotten at their request leaves the list, and cannot be put back on it.
        try store.anonymizeResident(id: first, session: Session(name: "管理员", role: .admin))
        XCTAssertEqual(try store.contactAssignments(deputyID: fixture.deputyID).map(\.residentID), [second])
        XCTAssertThrowsError(try store.assignResident(first, to: fixture.deputyID, session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "这位居民已匿名化，不能再联系")
        }
        try store.setActive(.deputies, id: township, false, session: .system)
        let residents = try store.database.scalarInt("SELECT count(*) FROM residents")
        XCTAssertThrowsError(try store.assignResident(ResidentDraft(name: "赵四", phone: "13900000000"), to: township,
                                                      session: fixture.supervisor)) {
            XCTAssertEqual(($0 as? InvalidField)?.message, "李红 已停用，不能分配联系群众")
        }
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM residents"), residents, "nobody recorded half-way")
    }
}
