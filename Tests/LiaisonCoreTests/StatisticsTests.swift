import XCTest
@testable import LiaisonCore

/// Every figure on a small station whose November is worked out by hand below.
final class StatisticsTests: XCTestCase {
    var fixture: StoreFixture!
    var store: LiaisonStore { fixture.store }
    var supervisor: Session { fixture.supervisor }
    var cityManagement: Int64 = 0

    private func at(_ date: String, _ hour: Int = 10) { fixture.clock.set(LocalTime(day: day(date), hour: hour, minute: 0)) }

    /// November 2026, from Monday the 16th:
    /// - five walk-ins and a phone call; one walk-in answered on the spot (a case opened and closed at once), the
    ///   other visits opened a case each;
    /// - A: dispatched the 16th for 5 working days (due the 23rd), replied the 20th, rated 满意 (attitude 满意), closed;
    /// - B: dispatched the 16th (due the 23rd), replied the 25th — late —, rated 不满意 (attitude 基本满意), sent round
    ///   again on the 26th to 区城管局, not replied since;
    /// - C: dispatched the 16th, extended on the 18th to 31 December, replied the 27th: on time by the extension;
    /// - D: closed by the supervisor with a reason on the 17th, never dispatched;
    /// - E (the phone call): dispatched the 17th for 1 working day, never replied: overdue on the 30th.
    override func setUpWithError() throws {
        fixture = try StoreFixture()
        cityManagement = try store.createDepartment(DepartmentDraft(name: "区城管局", kind: .bureau), session: .system)
        let department = fixture.departmentID
        at("2026-11-16", 9)
        let spot = try fixture.walkIn("赵大爷", phone: "13800000001", problem: "问路")
        try store.answerOnSpot(visitID: spot.id, answer: "已指路", deputyID: nil, session: fixture.clerk)
        let a = try fixture.openedCase(problem: "A 路灯不亮")
        let b = try fixture.openedCase(problem: "B 噪声扰民")
        let c = try fixture.openedCase(problem: "C 电梯故障")
        let d = try fixture.openedCase(problem: "D 已自行解决")
        for record in [a, b, c] { try store.dispatch(caseID: record.id, departmentID: department, due: .workingDays(5), session: supervisor) }
        at("2026-11-17")
        let call = try store.registerVisit(VisitDraft(resident: ResidentDraft(name: "钱阿姨", phone: "13800000002"), channel: .phone,
                                                      categoryID: fixture.categoryID, problem: "E 井盖丢失"), session: .system)
        let e = try store.openCase(fromVisit: call.id, CaseDraft(title: "", tier: .immediate), session: fixture.clerk)
        try store.dispatch(caseID: e.id, departmentID: department, due: .workingDays(1), session: supervisor)
        try store.close(caseID: d.id, reason: "群众表示已自行解决", session: supervisor)
        at("2026-11-18")
        try store.requestExtension(caseID: c.id, until: day("2026-12-31"), reason: "需采购配件", session: supervisor)
        try store.decideExtension(caseID: c.id, approve: true, session: supervisor)
        at("2026-11-20")
        try store.recordReply(caseID: a.id, text: "已修复", session: supervisor)
        try store.recordFeedback(caseID: a.id, method: .phone, session: supervisor)
        try store.rate(caseID: a.id, Rating(result: .satisfied, attitude: .satisfied), session: supervisor)
        try store.close(caseID: a.id, session: supervisor)
        at("2026-11-25")
        try store.recordReply(caseID: b.id, text: "已告知商户", session: supervisor)
        try store.recordFeedback(caseID: b.id, method: .phone, session: supervisor)
        try store.rate(caseID: b.id, Rating(result: .unsatisfied, attitude: .basicallySatisfied, comment: "还是吵"), session: supervisor)
        at("2026-11-26")
        try store.reopen(caseID: b.id, departmentID: cityManagement, due: .workingDays(5), session: supervisor)
        at("2026-11-27")
        try store.recordReply(caseID: c.id, text: "已更换配件", session: supervisor)
        at("2026-11-30")
    }

    func testNovember() throws {
        let report = try store.statistics(.month(11, of: 2026))
        let expected: [Figure: Int] = [
            .received: 6, .answeredOnSpot: 1, .opened: 6, .dispatched: 5, .dispatchedReplied: 3, .replied: 3, .repliedOnTime: 2,
            .overdueNow: 1, .closed: 3, .closedWithReason: 1, .reopened: 1, .escalated: 0, .ratings: 2, .satisfied: 1,
            .attitudes: 2, .attitudeSatisfied: 2,
        ]
        for figure in Figure.allCases { XCTAssertEqual(report.total[figure], expected[figure], figure.label) }
        XCTAssertEqual(report.byChannel.map { "\($0.channel.label)\($0.count)" }, ["来访5", "来电1"])
        XCTAssertEqual(report.total.rate(.replyRate), 3.0 / 5.0)
        XCTAssertEqual(report.total.rate(.onTimeRate), 2.0 / 3.0, "C is on time by its approved extension")
        XCTAssertEqual(report.total.rate(.satisfactionRate), 0.5, "D, closed with a reason, is no rating at all")
        XCTAssertEqual(report.total.rate(.attitudeRate), 1.0)
        // A 16th→20th is 4 working days, B 16th→25th 7, C 16th→27th 9.
        XCTAssertEqual(report.total.replyWorkingDays, 20)
        XCTAssertEqual(try XCTUnwrap(report.total.averageReplyWorkingDays), 20.0 / 3.0, accuracy: 0.0001)
    }

    func testByDepartment() throws {
        let report = try store.statistics(.month(11, of: 2026), by: .department)
        let groups = Dictionary(uniqueKeysWithValues: report.groups.map { ($0.name, $0.figures) })
        let bureau = try XCTUnwrap(groups["区住建局"])
        XCTAssertEqual([bureau[.dispatched], bureau[.replied], bureau[.repliedOnTime], bureau[.ratings], bureau[.satisfied]], [4, 3, 2, 2, 1],
                       "the first round of B was 区住建局's, and so is its rating")
        let city = try XCTUnwrap(groups["区城管局"])
        XCTAssertEqual([city[.dispatched], city[.replied], city[.ratings]], [1, 0, 0])
        XCTAssertEqual(groups["未交办"]?[.opened], 2, "D and the one answered on the spot were never dispatched")
        let station = try store.statistics(.month(11, of: 2026)).total
        for figure in [Figure.received, .opened, .closed, .replied, .repliedOnTime, .ratings, .satisfied, .overdueNow] {
            XCTAssertEqual(report.groups.reduce(0) { $0 + $1.figures[figure] }, station[figure], "\(figure.label): the departments add up to the station")
        }
    }

    func testADepartmentAnswersForWhatItWasGivenNotWhatWasSwappedAway() throws {
        let record = try fixture.openedCase(problem: "H 占道经营")
        try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(5), session: supervisor)
        try store.swapDepartment(caseID: record.id, to: cityManagement, reason: "属城管职责", session: supervisor)
        try store.recordReply(caseID: record.id, text: "已清理", session: supervisor)
        let station = try store.statistics(.month(11, of: 2026)).total
        XCTAssertEqual(station[.dispatched], 6, "the round counts once for the station")
        let groups = Dictionary(uniqueKeysWithValues: try store.statistics(.month(11, of: 2026), by: .department).groups.map { ($0.name, $0.figures) })
        XCTAssertEqual(groups["区住建局"]?[.dispatched], 4, "the dispatch swapped away is not 区住建局's to answer")
        XCTAssertEqual([groups["区城管局"]?[.dispatched], groups["区城管局"]?[.dispatchedReplied], groups["区城管局"]?[.replied]], [2, 1, 1])
    }

    func testAReplyAcrossTheNationalDayHolidayIsOnTime() throws {
        at("2026-09-28")
        let record = try fixture.openedCase(problem: "国庆前的诉求")
        // Five working days from 28 September: the 29th, 30th, 8, 9 and 10 October (a make-up Saturday).
        try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(5), session: supervisor)
        XCTAssertEqual(try store.caseRecord(id: record.id).dueDate, day("2026-10-10"))
        at("2026-10-09")
        try store.recordReply(caseID: record.id, text: "已办", session: supervisor)
        let october = try store.statistics(.month(10, of: 2026)).total
        XCTAssertEqual([october[.replied], october[.repliedOnTime], october.replyWorkingDays], [1, 1, 4])
        XCTAssertEqual(try store.statistics(.month(9, of: 2026)).total[.dispatched], 1)
    }

    func testTheSatisfactionLineNeedsEnoughRatingsAndCountsDeputiesByTheirOwn() throws {
        let period = StatisticsPeriod.month(11, of: 2026)
        XCTAssertEqual(try store.belowThreshold(period), [], "two ratings are fewer than the five the standard rule asks for")
        // Two more rounds of 区住建局, rated unsatisfied by the deputy on the residents' behalf (代表评单).
        for problem in ["F 路面破损", "G 绿化带杂草"] {
            let record = try fixture.openedCase(problem: problem)
            try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(3), session: supervisor)
            try store.recordReply(caseID: record.id, text: "已处理", session: supervisor)
            try store.recordFeedback(caseID: record.id, method: .visit, session: supervisor)
            try store.rate(caseID: record.id, Rating(result: .unsatisfied, ratedBy: .deputy, comment: "未处理到位"), session: supervisor)
        }
        let strict = SatisfactionRule(threshold: 80, minimumRatings: 2, explanationDays: 30)
        XCTAssertFalse(strict.flags(ratings: 5, satisfied: 4), "80% is not below 80%")
        XCTAssertTrue(strict.flags(ratings: 5, satisfied: 3))
        XCTAssertFalse(strict.flags(ratings: 1, satisfied: 0), "one unhappy resident does not flag a unit")
        let flagged = try store.belowThreshold(period, rule: strict)
        XCTAssertEqual(flagged.map { "\($0.kind) \($0.name) \($0.satisfied)/\($0.ratings)" }, ["承办单位 区住建局 1/4", "代表 张乾林 0/2"])
        let notice = store.explanationNotice(period, flagged: flagged, rule: strict)
        XCTAssertTrue(notice.contains("    承办单位 区住建局：测评 4 次，满意和基本满意 1 次，满意率 25.0%"), notice)
        XCTAssertTrue(notice.contains("请于 2026年12月30日前将原因和整改措施书面报送联络站"), notice)

        var settings = try store.settings()
        settings.satisfaction = strict
        try store.updateSettings(settings, session: .system)
        XCTAssertThrowsError(try store.exportExplanationNotice(period, fileName: "说明.txt", session: fixture.clerk) { _ in }) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能要求书面说明满意率：须由督办人员或管理员操作")
        }
        var written = ""
        XCTAssertEqual(try store.exportExplanationNotice(period, fileName: "说明.txt", session: supervisor) { written = String(decoding: $0, as: UTF8.self) }, 2)
        XCTAssertEqual(written, notice)
        XCTAssertThrowsError(try store.exportExplanationNotice(.month(10, of: 2026), fileName: "说明.txt", session: supervisor) { _ in }) {
            XCTAssertEqual(userMessage(for: $0), "2026年10月没有满意率低于 80% 的单位和代表")
        }
    }

    func testPeriods() throws {
        XCTAssertEqual(StatisticsPeriod.month(2, of: 2028).last, day("2028-02-29"))
        XCTAssertEqual(StatisticsPeriod.quarter(containing: day("2026-11-16")).label, "2026年第四季度")
        XCTAssertEqual(StatisticsPeriod.quarter(containing: day("2026-11-16")).first, day("2026-10-01"))
        XCTAssertEqual(StatisticsPeriod.year(2026).label, "2026年")
        XCTAssertEqual(StatisticsPeriod.month(11, of: 2026).label, "2026年11月")
        XCTAssertEqual(try StatisticsPeriod(first: day("2026-11-03"), last: day("2026-11-20")).label, "2026-11-03 至 2026-11-20")
        XCTAssertThrowsError(try StatisticsPeriod(first: day("2026-11-20"), last: day("2026-11-03"))) {
            XCTAssertEqual(userMessage(for: $0), "不能早于开始日期 2026-11-20")
        }
    }
}
