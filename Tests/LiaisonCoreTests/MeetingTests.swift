import XCTest
@testable import LiaisonCore

/// The meeting agenda: scheduling and its clashes, the 331 phases, close-out and what its resolutions do
/// to cases, the theme-day rule, and the public notices.
final class MeetingTests: XCTestCase {
    var fixture: StoreFixture!
    var store: LiaisonStore { fixture.store }
    let clerk = Session(name: "前台小李", role: .clerk)

    override func setUpWithError() throws {
        fixture = try StoreFixture()
    }

    private func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> LocalTime { LocalTime(day: day(date), hour: hour, minute: minute) }

    private func meeting(_ title: String = "3号楼加装电梯三方共议", kind: MeetingKind = .tripartite, on date: String = "2026-11-20",
                         from start: Int = 14, to end: Int? = 16) throws -> Int64 {
        try store.createMeeting(MeetingDraft(kind: kind, title: title, startsAt: at(date, start, 30), endsAt: end.map { at(date, $0) },
                                             place: "社区议事厅", organiser: "和平社区居委会"), session: clerk)
    }

    private func field(of error: Error) -> String? { (error as? InvalidField)?.field }

    func testBadInputIsRefusedBesideItsField() throws {
        let start = at("2026-11-20", 14)
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "  ", startsAt: start), session: clerk)) {
            XCTAssertEqual(self.field(of: $0), "title")
        }
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: start,
                                                                  endsAt: at("2026-11-20", 13)), session: clerk)) {
            XCTAssertEqual(self.field(of: $0), "end")
            XCTAssertEqual(userMessage(for: $0), "结束时间须晚于开始时间 14:00")
        }
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: start, endsAt: start), session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "结束时间须晚于开始时间 14:00")
        }
        XCTAssertThrowsError(try store.createMeeting(MeetingDraft(kind: .bench, title: "院落议事", startsAt: start,
                                                                  endsAt: at("2026-11-21", 9)), session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "结束时间须在同一天")
        }
        XCTAssertEqual(try store.meetings(from: day("2026-01-01"), to: day("2027-01-01")).count, 0, "nothing saved half-way")
        XCTAssertNil(Day(iso: "2026-02-30"), "a date that does not exist is no day")
    }

    func testTimesAsTyped() {
        let on = day("2026-11-20")
        for (typed, expected) in [("14:30", "14:30"), ("9:00", "09:00"), ("1430", "14:30"), ("１４：３０", "14:30"), ("9点", "09:00")] {
            XCTAssertEqual(LocalTime(day: on, clock: typed)?.clockText, expected, typed)
        }
        for typed in ["25:00", "14:70", "下午", "14:3", "", "1:2:3"] { XCTAssertNil(LocalTime(day: on, clock: typed), typed) }
    }

    func testADeputyBookedTwiceOrOnReceptionDutyIsWarned() throws {
        let first = try meeting("加装电梯共议", from: 14, to: 16)
        let overlapping = try meeting("院落板凳会", kind: .bench, from: 15, to: 17)
        let later = try meeting("恳谈会", kind: .forum, from: 16, to: 17)
        XCTAssertEqual(try store.invite(.deputy(fixture.deputyID), to: first, session: clerk), [])
        XCTAssertEqual(try store.invite(.deputy(fixture.deputyID), to: overlapping, session: clerk),
                       ["张乾林 同时在「加装电梯共议」（14:30—16:00）"])
        XCTAssertEqual(try store.invite(.deputy(fixture.deputyID), to: later, session: clerk), ["张乾林 同时在「院落板凳会」（15:30—17:00）"],
                       "16:30 starts after the first ends at 16:00, inside the second")
        XCTAssertEqual(try store.meetingDetail(id: first).clashes, ["张乾林 同时在「院落板凳会」（15:30—17:00）"])
        try store.cancelMeeting(id: overlapping, reason: "改期", expectedVersion: try store.meeting(id: overlapping).version, session: clerk)
        XCTAssertEqual(try store.meetingDetail(id: first).clashes, [], "a cancelled meeting clashes with nothing")

        try store.addToRoster(day: day("2026-12-15"), deputyID: fixture.deputyID, session: fixture.supervisor)
        let morning = try meeting("上午议事", kind: .forum, on: "2026-12-15", from: 10, to: 11)
        let afternoon = try meeting("下午议事", kind: .forum, on: "2026-12-15", from: 14, to: 15)
        XCTAssertEqual(try store.invite(.deputy(fixture.deputyID), to: morning, session: clerk), ["张乾林 这天 上午 9:00—11:30 值班接待"])
        XCTAssertEqual(try store.invite(.deputy(fixture.deputyID), to: afternoon, session: clerk), [])
        XCTAssertThrowsError(try store.invite(.deputy(fixture.deputyID), to: afternoon, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "张乾林 已在参加名单上")
        }
    }

    /// Everything a 三方共议 needs before it: an item, the three parties, the notice.
    private func prepared(_ id: Int64, caseIDs: [Int64] = []) throws -> (items: [Int64], participants: [Int64]) {
        let item = try store.addAgendaItem(meetingID: id, title: "加装电梯费用分摊", caseIDs: caseIDs, session: clerk)
        try store.invite(.deputy(fixture.deputyID), to: id, session: clerk)
        try store.invite(.department(fixture.departmentID, attendee: "刘科长"), to: id, session: clerk)
        try store.invite(.resident(id: nil, name: "钱秀兰", group: .representative, namePublic: false), to: id, session: clerk)
        try store.invite(.resident(id: nil, name: "欧阳明", group: .property, namePublic: true), to: id, session: clerk)
        return ([item], try store.participants(meetingID: id).map(\.id))
    }

    func testThePhaseSaysWhatIsMissingToMoveOn() throws {
        let id = try meeting()
        var progress = try store.meetingDetail(id: id).progress
        XCTAssertEqual(progress.phase, .before)
        XCTAssertEqual(progress.missing, ["议题", "邀请代表", "邀请单位", "邀请群众", "会前公告"])
        _ = try prepared(id)
        XCTAssertEqual(try store.meetingDetail(id: id).progress.missing, ["会前公告"])
        try store.exportMeetingNotice(.announcement, meetingID: id, fileName: "公告.txt", session: clerk) { _ in }
        XCTAssertEqual(try store.meetingDetail(id: id).progress.missing, [])

        fixture.clock.set(at("2026-11-20", 15))
        progress = try store.meetingDetail(id: id).progress
        XCTAssertEqual(progress.phase, .during)
        XCTAssertEqual(progress.missing, ["会议纪要", "出席情况", "议题结果"])
        XCTAssertFalse(progress.unclosed)
        XCTAssertEqual(try store.unclosedMeetingCount(), 0)

        fixture.clock.set(at("2026-11-23", 9))
        XCTAssertTrue(try store.meetingDetail(id: id).progress.unclosed, "still planned after its day: flagged")
        XCTAssertEqual(try store.unclosedMeetingCount(), 1)
        XCTAssertEqual(try store.agenda(from: day("2026-11-20"), through: day("2026-11-20")).first?.state, "逾期未结")
    }

    func testClosingNeedsMinutesAttendanceAndAResultForEveryItemAndSavesNothingHalfWay() throws {
        let record = try fixture.openedCase()
        let id = try meeting()
        let (items, people) = try prepared(id, caseIDs: [record.id])
        let everyone = Dictionary(uniqueKeysWithValues: people.map { ($0, true) })
        let result = ItemResult(itemID: items[0], resolution: "同意加装", action: "出具费用分摊方案", departmentID: fixture.departmentID,
                                workingDays: 10)
        func close(_ closeOut: MeetingCloseOut, version: Int? = nil) throws {
            try store.closeMeeting(id: id, closeOut, expectedVersion: version ?? store.meeting(id: id).version, session: fixture.supervisor)
        }
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: [result]))) {
            XCTAssertEqual(userMessage(for: $0), "会议在 2026-11-20，到日子才能结束")
        }
        fixture.clock.set(at("2026-11-20", 14))
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: [result]))) {
            XCTAssertEqual(userMessage(for: $0), "会议 14:30 开始，开始后才能结束")
        }
        fixture.clock.set(at("2026-11-20", 16))
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: " ", attended: everyone, results: [result]))) {
            XCTAssertEqual(self.field(of: $0), "minutes")
        }
        var someone = everyone
        someone[people[2]] = nil
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: someone, results: [result]))) {
            XCTAssertEqual(self.field(of: $0), MeetingCloseOut.attendedKey(people[2]))
        }
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: []))) {
            XCTAssertEqual(self.field(of: $0), "resolution-\(items[0])")
        }
        var noDepartment = result
        noDepartment.departmentID = nil
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: [noDepartment]))) {
            XCTAssertEqual(self.field(of: $0), "department-\(items[0])")
        }
        var noDays = result
        noDays.workingDays = nil
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: [noDays]))) {
            XCTAssertEqual(self.field(of: $0), "days-\(items[0])")
        }
        XCTAssertThrowsError(try close(MeetingCloseOut(minutes: "纪要", attended: everyone, results: [result]), version: 1)) {
            XCTAssertEqual(userMessage(for: $0), "这个会议刚在另一终端改过：按 Esc 关闭，重新打开再改")
        }
        XCTAssertEqual(try store.meeting(id: id).status, .planned, "nothing saved by a refused close-out")
        XCTAssertEqual(try store.caseRecord(id: record.id).status, record.status)
        XCTAssertEqual(try store.dutyLog(deputyID: fixture.deputyID).filter { $0.kind == .meeting }.count, 0)

        try close(MeetingCloseOut(minutes: "各方同意加装", attended: everyone, results: [result]))
        let detail = try store.meetingDetail(id: id)
        XCTAssertEqual(detail.meeting.status, .held)
        XCTAssertEqual(detail.progress.phase, .after)
        XCTAssertEqual(detail.progress.missing, ["结果公示"])
        XCTAssertEqual(detail.participants.map(\.attended), [true, true, true, true])
        XCTAssertThrowsError(try store.invite(.deputy(fixture.deputyID), to: id, session: clerk), "a held meeting is not changed")
    }

    func testResolutionsDispatchLinkedCasesOrOpenAFollowUpAndTheMeetingIsInEveryTimeline() throws {
        let waiting = try fixture.openedCase(problem: "3号楼加装电梯费用分摊有争议")
        let held = try fixture.openedCase(problem: "电梯施工噪声")
        let bureau = try store.createDepartment(DepartmentDraft(name: "区生态环境局", kind: .bureau), session: .system)
        try store.dispatch(caseID: held.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor)
        let noted = try fixture.openedCase(problem: "楼道堆物")
        let absentDeputy = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        let id = try meeting()
        let shared = try store.addAgendaItem(meetingID: id, title: "", caseIDs: [waiting.id], session: clerk)
        try store.linkCase(held.id, toItem: shared, session: clerk)
        XCTAssertThrowsError(try store.linkCase(held.id, toItem: shared, session: clerk)) { XCTAssertEqual(userMessage(for: $0), "\(held.code) 已在这个会议的议题里") }
        let typed = try store.addAgendaItem(meetingID: id, title: "小区充电桩选址", session: clerk)
        let onlyNoted = try store.addAgendaItem(meetingID: id, title: "楼道堆物清理", caseIDs: [noted.id], session: clerk)
        try store.invite(.deputy(fixture.deputyID), to: id, session: clerk)
        try store.invite(.deputy(absentDeputy), to: id, session: clerk)
        let people = try store.participants(meetingID: id)
        XCTAssertEqual(try store.agendaItems(meetingID: id).first?.title, waiting.title, "an item on a case takes the case's title")

        fixture.clock.set(at("2026-11-20", 16))
        try store.closeMeeting(id: id, MeetingCloseOut(minutes: "纪要", attended: [people[0].id: true, people[1].id: false], results: [
            ItemResult(itemID: shared, resolution: "费用按楼层分摊", action: "出具分摊方案并监督施工降噪", departmentID: bureau, workingDays: 10),
            ItemResult(itemID: typed, resolution: "在东门设充电桩", action: "完成充电桩选址", departmentID: fixture.departmentID, workingDays: 15),
            ItemResult(itemID: onlyNoted, resolution: "居民自行清理"),
        ]), expectedVersion: try store.meeting(id: id).version, session: fixture.supervisor)

        let due = store.calendar.adding(workingDays: 10, to: day("2026-11-20"))
        for linked in [waiting.id, held.id] {
            let record = try store.caseRecord(id: linked)
            XCTAssertEqual(record.status, .dispatched)
            XCTAssertEqual(record.departmentID, bureau, "the resolution's department")
            XCTAssertEqual(record.dueDate, due)
            XCTAssertTrue(try store.timeline(caseID: linked).contains { $0.kind == .meeting && $0.text.contains("3号楼加装电梯三方共议") })
        }
        XCTAssertEqual(try store.dispatches(caseID: held.id).first?.endedHow, "swapped", "the earlier dispatch gave way to the meeting's")
        let followUp = try XCTUnwrap(store.agendaItems(meetingID: id).first { $0.id == typed }?.followUp)
        let opened = try store.caseRecord(id: followUp.id)
        XCTAssertEqual(opened.title, "完成充电桩选址")
        XCTAssertEqual(opened.tier, .joint)
        XCTAssertEqual(opened.departmentID, fixture.departmentID)
        XCTAssertEqual(opened.dueDate, store.calendar.adding(workingDays: 15, to: day("2026-11-20")))
        XCTAssertEqual(try store.timeline(caseID: opened.id).map(\.kind), [.registered, .meeting, .dispatched])
        XCTAssertEqual(try store.caseRecord(id: noted.id).status, noted.status, "a result with no action moves no case")
        XCTAssertEqual(try store.timeline(caseID: noted.id).last?.kind, .meeting)
        XCTAssertNil(try store.agendaItems(meetingID: id).first { $0.id == shared }?.followUp)

        let credited = try store.dutyLog(deputyID: fixture.deputyID).filter { $0.kind == .meeting }
        XCTAssertEqual(credited.map(\.day), [day("2026-11-20")], "the deputy who came is credited once")
        XCTAssertEqual(credited.first?.status, .approved)
        XCTAssertEqual(try store.dutyLog(deputyID: absentDeputy).count, 0, "the absent one is not")
    }

    func testAnActionNoLinkedCaseCanTakeGoesToAFollowUpAndAnUnsatisfiedCaseGoesRoundAgain() throws {
        let replied = try fixture.openedCase(problem: "电梯井施工占道")
        try store.dispatch(caseID: replied.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor)
        try store.recordReply(caseID: replied.id, text: "已协调施工方", session: fixture.supervisor)
        let unhappy = try fixture.openedCase(problem: "电梯噪声")
        try store.dispatch(caseID: unhappy.id, departmentID: fixture.departmentID, due: .workingDays(5), session: fixture.supervisor)
        try store.recordReply(caseID: unhappy.id, text: "已要求降噪", session: fixture.supervisor)
        try store.recordFeedback(caseID: unhappy.id, method: .phone, session: fixture.supervisor)
        try store.rate(caseID: unhappy.id, Rating(result: .unsatisfied, comment: "还是吵"), session: fixture.supervisor)
        let id = try meeting()
        let onReplied = try store.addAgendaItem(meetingID: id, title: "占道", caseIDs: [replied.id], session: clerk)
        let onUnhappy = try store.addAgendaItem(meetingID: id, title: "噪声", caseIDs: [unhappy.id], session: clerk)
        try store.invite(.deputy(fixture.deputyID), to: id, session: clerk)
        let person = try XCTUnwrap(store.participants(meetingID: id).first).id
        fixture.clock.set(at("2026-11-20", 16))
        try store.closeMeeting(id: id, MeetingCloseOut(minutes: "纪要", attended: [person: true], results: [
            ItemResult(itemID: onReplied, resolution: "另设围挡", action: "设置施工围挡", departmentID: fixture.departmentID, workingDays: 3),
            ItemResult(itemID: onUnhappy, resolution: "限时施工", action: "夜间停工", departmentID: fixture.departmentID, workingDays: 5),
        ]), expectedVersion: try store.meeting(id: id).version, session: fixture.supervisor)
        let items = try store.agendaItems(meetingID: id)
        let followUp = try XCTUnwrap(items.first { $0.id == onReplied }?.followUp, "a replied case cannot take the action: a follow-up does")
        XCTAssertEqual(try store.caseRecord(id: followUp.id).description.contains(replied.code), true)
        XCTAssertEqual(try store.caseRecord(id: replied.id).status, .replied)
        XCTAssertNil(items.first { $0.id == onUnhappy }?.followUp)
        let again = try store.caseRecord(id: unhappy.id)
        XCTAssertEqual(again.status, .dispatched)
        XCTAssertEqual(again.round, 2, "sent round again by the meeting")
    }

    func testTheJointTierIsOfferedFirstAndClosedCasesNot() throws {
        let older = try store.openCase(CaseDraft(title: "多个小区停车难", tier: .joint), residentID: nil, session: clerk)
        fixture.clock.set(at("2026-11-17", 9))
        let newer = try fixture.openedCase(problem: "路灯不亮")
        let closed = try fixture.openedCase(problem: "已解决")
        try store.close(caseID: closed.id, reason: "群众撤回", session: fixture.supervisor)
        XCTAssertEqual(try store.agendaCandidates().map(\.id), [older.id, newer.id])
    }

    func testRefusals() throws {
        let admin = Session(name: "管理员", role: .admin)
        let id = try meeting()
        let item = try store.addAgendaItem(meetingID: id, title: "电梯", session: clerk)
        let record = try fixture.openedCase()
        try store.linkCase(record.id, toItem: item, session: clerk)
        let other = try store.addAgendaItem(meetingID: id, title: "另议", session: clerk)
        XCTAssertThrowsError(try store.linkCase(record.id, toItem: other, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "\(record.code) 已在这个会议的议题里", "one case is not dispatched twice by one meeting")
        }
        XCTAssertTrue(try store.timeline(caseID: record.id).contains { $0.kind == .meeting && $0.text.hasPrefix("列入三方共议") },
                      "a case put on the agenda says so in its timeline")
        let closed = try fixture.openedCase(problem: "已解决的事")
        try store.close(caseID: closed.id, reason: "群众撤回", session: fixture.supervisor)
        XCTAssertThrowsError(try store.linkCase(closed.id, toItem: item, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "\(closed.code) 已销号，不能再上会")
        }
        let gone = try store.createDeputy(DeputyDraft(name: "李红", level: .township), session: .system)
        try store.setActive(.deputies, id: gone, false, session: admin)
        XCTAssertThrowsError(try store.invite(.deputy(gone), to: id, session: clerk)) { XCTAssertEqual(userMessage(for: $0), "代表 李红 已停用，请另选") }
        try store.invite(.deputy(fixture.deputyID), to: id, session: clerk)
        let person = try XCTUnwrap(store.participants(meetingID: id).first).id

        fixture.clock.set(at("2026-11-20", 16))
        let withAction = MeetingCloseOut(minutes: "纪要", attended: [person: true], results: [
            ItemResult(itemID: item, resolution: "同意", action: "出具方案", departmentID: fixture.departmentID, workingDays: 10),
            ItemResult(itemID: other, resolution: "下次再议"),
        ])
        XCTAssertThrowsError(try store.closeMeeting(id: id, withAction, expectedVersion: store.meeting(id: id).version, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "工作人员不能办理诉求：须由代表或督办人员或管理员操作", "an agreed action dispatches: not a clerk's")
        }
        var leftOver = withAction
        leftOver.results[1].workingDays = 5
        XCTAssertThrowsError(try store.closeMeeting(id: id, leftOver, expectedVersion: store.meeting(id: id).version, session: fixture.supervisor)) {
            XCTAssertEqual(self.field(of: $0), "action-\(other)", "a time limit with no action is said, not dropped")
        }
        XCTAssertEqual(try store.meeting(id: id).status, .planned)
        try store.closeMeeting(id: id, withAction, expectedVersion: store.meeting(id: id).version, session: fixture.supervisor)
        XCTAssertThrowsError(try store.cancelMeeting(id: id, reason: "误建", expectedVersion: store.meeting(id: id).version, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "会议已召开，不能再改")
        }
        XCTAssertThrowsError(try store.meetingNotice(.announcement, meetingID: id)) { XCTAssertEqual(userMessage(for: $0), "会议已召开，不再写会前公告") }

        let dropped = try meeting("取消的会", on: "2026-11-27")
        try store.addAgendaItem(meetingID: dropped, title: "议题", session: clerk)
        try store.cancelMeeting(id: dropped, reason: "改期", expectedVersion: store.meeting(id: dropped).version, session: clerk)
        XCTAssertThrowsError(try store.meetingNotice(.announcement, meetingID: dropped)) { XCTAssertEqual(userMessage(for: $0), "会议已取消，不再写会前公告") }
        XCTAssertThrowsError(try store.meetingNotice(.result, meetingID: dropped)) { XCTAssertEqual(userMessage(for: $0), "会议已取消，不写结果公示") }
    }

    func testThemeDayFollowsTheRuleAcrossHolidays() throws {
        let calendar = store.calendar
        // 17 February 2026 falls in the Spring Festival holiday: the nearest working day is the make-up Saturday.
        XCTAssertEqual(ThemeDayRule(dayOfMonth: 17).receptionDay(year: 2026, month: 2, calendar: calendar), day("2026-02-14"))
        // 4 October is in the National Day holiday, four days from 30 September and from 8 October: the tie decides.
        XCTAssertEqual(ThemeDayRule(dayOfMonth: 4, tie: .earlier).receptionDay(year: 2026, month: 10, calendar: calendar), day("2026-09-30"))
        XCTAssertEqual(ThemeDayRule(dayOfMonth: 4, tie: .later).receptionDay(year: 2026, month: 10, calendar: calendar), day("2026-10-08"))

        XCTAssertThrowsError(try store.scheduleThemeDays(session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "本站没有设主题活动日：管理 → 本站设置 → 主题活动日")
        }
        var settings = try store.settings()
        settings.themeDay = 25
        try store.updateSettings(settings, session: .system)
        XCTAssertEqual(try store.scheduleThemeDays(months: 3, session: clerk), [day("2026-11-25"), day("2026-12-25"), day("2027-01-25")])
        XCTAssertEqual(try store.scheduleThemeDays(months: 3, session: clerk), [], "a month that has its theme day gets no second")
        let december = try XCTUnwrap(store.meetings(from: day("2026-12-01"), to: day("2027-01-01")).first)
        XCTAssertEqual(december.kind, .themeDay)
        XCTAssertEqual(december.timeText, "09:00—11:30")
        try store.cancelMeeting(id: december.id, reason: "与区人大活动冲突", expectedVersion: december.version, session: clerk)
        XCTAssertEqual(try store.scheduleThemeDays(months: 3, session: clerk), [day("2026-12-25")], "a cancelled one counts as none")

        fixture.clock.set(at("2026-11-26", 9))
        settings = try store.settings()
        settings.themeDay = 3
        try store.updateSettings(settings, session: .system)
        XCTAssertEqual(try store.scheduleThemeDays(months: 1, session: clerk), [], "a day gone by this month is not put on the agenda")

        // October's 4th falls back to 30 September: put on once, however often T is pressed.
        fixture.clock.set(at("2026-09-10", 9))
        settings.themeDay = 4
        try store.updateSettings(settings, session: .system)
        XCTAssertEqual(try store.scheduleThemeDays(months: 2, session: clerk), [day("2026-09-30")])
        XCTAssertEqual(try store.scheduleThemeDays(months: 2, session: clerk), [])
    }

    func testNoticesNameResidentsBySurnameUnlessTheyAgreed() throws {
        let id = try meeting()
        XCTAssertThrowsError(try store.meetingNotice(.announcement, meetingID: id)) { XCTAssertEqual(userMessage(for: $0), "会议还没有议题，先按 t 添加") }
        let (items, people) = try prepared(id)
        let announcement = try store.meetingNotice(.announcement, meetingID: id)
        for expected in ["三方共议公告", "会议名称：3号楼加装电梯三方共议", "时间：2026年11月20日（星期五）14:30—16:00", "地点：社区议事厅",
                         "    1. 加装电梯费用分摊", "    代表：张乾林", "    单位：区住建局（刘科长）", "    群众：钱某（居民代表）、欧阳明（物业）",
                         "组织：和平社区居委会"] {
            XCTAssertTrue(announcement.components(separatedBy: "\n").contains(expected), "announcement lacks «\(expected)»:\n\(announcement)")
        }
        XCTAssertFalse(announcement.contains("钱秀兰"))
        XCTAssertThrowsError(try store.meetingNotice(.result, meetingID: id)) { XCTAssertEqual(userMessage(for: $0), "会议待召开，结束后才能公示结果") }

        fixture.clock.set(at("2026-11-20", 16))
        try store.closeMeeting(id: id, MeetingCloseOut(minutes: "纪要", attended: Dictionary(uniqueKeysWithValues: people.map { ($0, $0 != people[2]) }),
                                                       results: [ItemResult(itemID: items[0], resolution: "按楼层分摊",
                                                                            action: "出具分摊方案", departmentID: fixture.departmentID, workingDays: 10)]),
                               expectedVersion: try store.meeting(id: id).version, session: fixture.supervisor)
        var written: [UInt8] = []
        try store.exportMeetingNotice(.result, meetingID: id, fileName: "结果公示.txt", session: clerk) { written = $0 }
        let result = String(decoding: written, as: UTF8.self)
        let due = store.calendar.adding(workingDays: 10, to: day("2026-11-20")).iso
        for expected in ["三方共议结果公示", "1. 加装电梯费用分摊", "    协商结果：按楼层分摊",
                         "    办理事项：出具分摊方案；承办单位：区住建局；时限：10 个工作日（\(due) 前）", "    群众：欧阳明（物业）"] {
            XCTAssertTrue(result.components(separatedBy: "\n").contains(expected), "result lacks «\(expected)»:\n\(result)")
        }
        XCTAssertTrue(result.contains("出席 3 人"), "the absent resident is not counted")
        XCTAssertEqual(try store.meetingDetail(id: id).progress.missing, [])
        XCTAssertEqual(try store.auditLog(session: Session(name: "管理员", role: .admin)).first?.actionLabel, "公示会议")
    }

    func testRescheduleCancelAndRemove() throws {
        let id = try meeting()
        let (items, people) = try prepared(id)
        try store.exportMeetingNotice(.announcement, meetingID: id, fileName: "公告.txt", session: clerk) { _ in }
        let before = try store.meeting(id: id)
        var draft = MeetingDraft(kind: .tripartite, title: "3号楼加装电梯三方共议", startsAt: at("2026-11-20", 14, 30), endsAt: at("2026-11-20", 16),
                                 place: "社区议事厅", organiser: "和平社区居委会")
        XCTAssertFalse(try store.updateMeeting(id: id, draft, expectedVersion: before.version, session: clerk), "nothing changed")
        XCTAssertEqual(try store.meeting(id: id).announcedAt, before.announcedAt)
        // Another terminal invites someone meanwhile: this one's form, opened before, is not saved over it.
        try store.invite(.resident(id: nil, name: "孙大爷", group: .concerned, namePublic: false), to: id, session: clerk)
        draft.startsAt = at("2026-11-27", 14, 30)
        draft.endsAt = at("2026-11-27", 16)
        XCTAssertThrowsError(try store.updateMeeting(id: id, draft, expectedVersion: before.version, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "这个会议刚在另一终端改过：按 Esc 关闭，重新打开再改")
        }
        XCTAssertEqual(try store.meetingDetail(id: id).progress.missing, ["会前公告"], "a new invitee: the notice must be written again")
        try store.exportMeetingNotice(.announcement, meetingID: id, fileName: "公告.txt", session: clerk) { _ in }
        XCTAssertTrue(try store.updateMeeting(id: id, draft, expectedVersion: store.meeting(id: id).version, session: clerk),
                      "rescheduled after the notice: it must be written again")
        XCTAssertEqual(try store.meetingDetail(id: id).progress.missing, ["会前公告"])
        XCTAssertEqual(try store.meeting(id: id).day, day("2026-11-27"))

        try store.removeParticipant(id: people[3], session: clerk)
        try store.removeAgendaItem(id: items[0], session: clerk)
        XCTAssertEqual(try store.participants(meetingID: id).count, 4)
        XCTAssertEqual(try store.agendaItems(meetingID: id).count, 0)

        XCTAssertThrowsError(try store.cancelMeeting(id: id, reason: "", expectedVersion: store.meeting(id: id).version, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "取消会议须写明理由")
        }
        try store.cancelMeeting(id: id, reason: "承办单位另有安排", expectedVersion: store.meeting(id: id).version, session: clerk)
        let cancelled = try store.meeting(id: id)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.cancelReason, "承办单位另有安排")
        XCTAssertNil(try store.meetingDetail(id: id).progress.phase)
        XCTAssertThrowsError(try store.updateMeeting(id: id, draft, expectedVersion: cancelled.version, session: clerk)) {
            XCTAssertEqual(userMessage(for: $0), "会议已取消，不能再改")
        }
        XCTAssertEqual(try store.agenda(from: day("2026-11-27"), through: day("2026-11-27")).first?.state, "已取消")
        let actions = try store.auditLog(session: Session(name: "管理员", role: .admin)).map(\.actionLabel)
        XCTAssertEqual(Array(actions.prefix(7)), ["取消会议", "筹备会议", "筹备会议", "会议改期", "公示会议", "筹备会议", "公示会议"])
    }
}
