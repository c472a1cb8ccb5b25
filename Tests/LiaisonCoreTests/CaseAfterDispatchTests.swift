import XCTest
@testable import LiaisonCore

/// The whole life of a case after dispatch, through the one transition table.
final class CaseAfterDispatchTests: XCTestCase {
    var fixture: StoreFixture!
    var store: LiaisonStore { fixture.store }
    var supervisor: Session { fixture.supervisor }
    var otherDepartment: Int64!

    override func setUpWithError() throws {
        fixture = try StoreFixture() // Monday 2026-11-16
        otherDepartment = try store.createDepartment(DepartmentDraft(name: "区城管局", kind: .bureau), session: .system)
    }

    /// A new case taken to `status` by the store's own actions.
    func caseIn(_ status: CaseStatus) throws -> CaseRecord {
        let record = try fixture.openedCase()
        let id = record.id
        func dispatch() throws { try store.dispatch(caseID: id, departmentID: fixture.departmentID, due: .workingDays(5), session: supervisor) }
        func replied() throws { try dispatch(); try store.recordReply(caseID: id, text: "已修复", session: supervisor) }
        func told() throws { try replied(); try store.recordFeedback(caseID: id, method: .phone, session: supervisor) }
        switch status {
        case .registered:
            return try store.openCase(CaseDraft(title: "未研判的诉求"), residentID: nil, session: fixture.clerk)
        case .triaged: break
        case .dispatched: try dispatch()
        case .acknowledged: try dispatch(); try store.acknowledge(caseID: id, session: supervisor)
        case .replied: try replied()
        case .feedback: try told()
        case .readyToClose: try told(); try store.rate(caseID: id, Rating(result: .satisfied), session: supervisor)
        case .unsatisfied: try told(); try store.rate(caseID: id, Rating(result: .unsatisfied, comment: "没修好"), session: supervisor)
        case .escalated: try store.escalate(caseID: id, reason: "跨区", session: supervisor)
        case .closed: try store.close(caseID: id, reason: "群众撤回", session: supervisor)
        }
        let now = try store.caseRecord(id: id)
        XCTAssertEqual(now.status, status)
        return now
    }

    /// Each action with arguments that are valid whenever the table allows it.
    func run(_ action: CaseAction, on id: Int64, as session: Session) throws {
        switch action {
        case .triage: try store.triage(caseID: id, categoryID: fixture.categoryID, tier: .joint, session: session)
        case .dispatch: try store.dispatch(caseID: id, departmentID: fixture.departmentID, due: .workingDays(5), session: session)
        case .acknowledge: try store.acknowledge(caseID: id, session: session)
        case .returnCase: try store.returnCase(caseID: id, reason: "非本单位职责", session: session)
        case .supervise: try store.supervise(caseID: id, note: "请加快", session: session)
        case .requestExtension: try store.requestExtension(caseID: id, until: day("2027-03-01"), reason: "需招标", session: session)
        case .decideExtension: try store.decideExtension(caseID: id, approve: true, session: session)
        case .swapDepartment: try store.swapDepartment(caseID: id, to: otherDepartment, reason: "属城管职责", session: session)
        case .reply: try store.recordReply(caseID: id, text: "已处理", session: session)
        case .feedback: try store.recordFeedback(caseID: id, method: .visit, session: session)
        case .rate: try store.rate(caseID: id, Rating(result: .basicallySatisfied), session: session)
        case .close: try store.close(caseID: id, session: session)
        case .closeWithReason: try store.close(caseID: id, reason: "群众撤回", session: session)
        case .reopen: try store.reopen(caseID: id, departmentID: otherDepartment, due: .workingDays(5), session: session)
        case .escalate: try store.escalate(caseID: id, reason: "跨区协调", session: session)
        case .answerFromAbove: try store.answerFromAbove(caseID: id, answer: "市里已协调", session: session)
        }
    }

    func testTheStoreAllowsEachActionFromExactlyTheStatesTheTableNames() throws {
        for status in CaseStatus.allCases {
            for action in CaseAction.allCases {
                let record = try caseIn(status)
                // A decision needs a request to decide on; the request itself is another action.
                if action == .decideExtension && CaseTransition.held.contains(status) {
                    try store.requestExtension(caseID: record.id, until: day("2027-03-01"), reason: "需招标", session: supervisor)
                }
                // close and closeWithReason share the store's close(): with a reason it closes whatever is open.
                let closing: Set<CaseAction> = [.close, .closeWithReason]
                let allowed = action == .closeWithReason ? status != .closed : action.transition.from.contains(status)
                let events = try store.timeline(caseID: record.id).count
                do {
                    try run(action, on: record.id, as: supervisor)
                    XCTAssertTrue(allowed, "\(action) from \(status) went through")
                    let last = try XCTUnwrap(store.timeline(caseID: record.id).last)
                    XCTAssertEqual(last.kind, action.transition.event, "\(action) from \(status) writes its event")
                    XCTAssertEqual(try store.timeline(caseID: record.id).count, events + 1, "one event for \(action)")
                } catch let error as DomainError {
                    XCTAssertFalse(allowed, "\(action) from \(status) refused: \(error.userMessage)")
                    if !closing.contains(action) {
                        XCTAssertEqual(error, .wrongStatus(action: action.label, status: status,
                                                           passed: action.transition.passed(by: status)), "\(action) from \(status)")
                    }
                }
            }
        }
    }

    func testTheRefusalSaysWhereTheCaseStands() throws {
        let record = try caseIn(.replied)
        XCTAssertThrowsError(try store.rate(caseID: record.id, Rating(result: .satisfied), session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能满意度测评：尚未向群众反馈", "not yet")
        }
        XCTAssertThrowsError(try store.recordReply(caseID: record.id, text: "再答一次", session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能登记答复：该诉求已答复", "already done")
        }
        let acknowledged = try caseIn(.acknowledged)
        XCTAssertThrowsError(try store.dispatch(caseID: acknowledged.id, departmentID: otherDepartment, due: .workingDays(3),
                                                session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能交办：该诉求已接单")
        }
        let unsatisfied = try caseIn(.unsatisfied)
        XCTAssertThrowsError(try store.recordReply(caseID: unsatisfied.id, text: "答复", session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能登记答复：群众不满意，待重新交办")
        }
        let told = try caseIn(.feedback)
        let deputy = Session(name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        XCTAssertThrowsError(try store.close(caseID: told.id, session: deputy)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "代表不能未经满意测评销号：须由督办人员操作")
        }
        XCTAssertThrowsError(try store.close(caseID: told.id, session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "未经群众满意的销号须写明理由")
        }
        XCTAssertEqual(try store.liveActions(on: told, session: deputy), [.triage, .rate], "nobody holds a told case up: no 督办")
        XCTAssertEqual(try store.liveActions(on: told, session: supervisor), [.triage, .rate, .closeWithReason, .escalate])
        XCTAssertEqual(try store.liveActions(on: told, session: fixture.clerk), [], "a clerk acts on no case")
    }

    func testSupervisionChasesWhoeverHoldsTheCaseUp() throws {
        let waiting = try caseIn(.triaged)
        XCTAssertThrowsError(try store.supervise(caseID: waiting.id, note: "请尽快", session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能督办：尚未交办")
        }
        XCTAssertNoThrow(try store.supervise(caseID: try caseIn(.unsatisfied).id, note: "请尽快重新交办", session: supervisor))
    }

    func testAStaleSaveFromASecondTerminalIsRefusedAndChangesNothing() throws {
        let record = try caseIn(.dispatched)
        try store.acknowledge(caseID: record.id, session: supervisor, expectedVersion: record.version)
        XCTAssertThrowsError(try store.recordReply(caseID: record.id, text: "答复", session: supervisor, expectedVersion: record.version)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "该事项（\(record.code)）已被他人修改，请刷新后重试")
        }
        XCTAssertEqual(try store.caseRecord(id: record.id).status, .acknowledged)
        XCTAssertEqual(try store.timeline(caseID: record.id).last?.kind, .acknowledged)
    }

    func testAReturnWithinTheLimitSendsTheCaseBackToBeDispatchedAndAfterItIsRefused() throws {
        let record = try caseIn(.dispatched)
        XCTAssertThrowsError(try store.returnCase(caseID: record.id, reason: " ", session: supervisor)) {
            XCTAssertEqual($0 as? DomainError, .reasonRequired("退回"))
        }
        try store.returnCase(caseID: record.id, reason: "属城管职责", session: supervisor)
        let back = try store.caseRecord(id: record.id)
        XCTAssertEqual(back.status, .triaged)
        XCTAssertNil(back.departmentID)
        XCTAssertNil(back.dueDate)
        XCTAssertEqual(try store.followUpBoard().groups.first { $0.0 == .undispatched }?.1.map(\.id), [record.id])
        XCTAssertEqual(try store.dispatches(caseID: record.id).map(\.endedHow), ["returned"])

        // Dispatched again: a department has 7 working days (2026-11-25) to send it back.
        try store.dispatch(caseID: record.id, departmentID: otherDepartment, due: .workingDays(10), session: supervisor)
        fixture.clock.set(LocalTime(day: day("2026-11-26"), hour: 9, minute: 0))
        XCTAssertFalse(try store.liveActions(on: store.caseRecord(id: record.id), session: supervisor).contains(.returnCase))
        XCTAssertThrowsError(try store.returnCase(caseID: record.id, reason: "不归我们管", session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能退回：已过退回期限（2026-11-25），请调整承办单位")
        }
        XCTAssertEqual(try store.caseRecord(id: record.id).round, 1, "a return counts against nobody: the round stays")
    }

    func testAnExtensionApprovedKeepsEveryEarlierDueDateAndARefusalKeepsTheDate() throws {
        let record = try caseIn(.dispatched) // due 2026-11-23
        XCTAssertThrowsError(try store.decideExtension(caseID: record.id, approve: true, session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能延期审批：承办单位没有待审批的延期申请")
        }
        XCTAssertThrowsError(try store.requestExtension(caseID: record.id, until: day("2026-11-20"), reason: "需招标", session: supervisor))
        try store.requestExtension(caseID: record.id, until: day("2026-12-04"), reason: "需招标", session: supervisor)
        XCTAssertThrowsError(try store.requestExtension(caseID: record.id, until: day("2026-12-10"), reason: "再延", session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "不能延期申请：上一次延期申请尚待审批")
        }
        let clerkDeputy = Session(name: "张乾林", role: .deputy, deputyID: fixture.deputyID)
        XCTAssertThrowsError(try store.decideExtension(caseID: record.id, approve: true, session: clerkDeputy)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "代表不能审批延期：须由督办人员操作")
        }
        try store.decideExtension(caseID: record.id, approve: true, note: "同意", session: supervisor)
        XCTAssertEqual(try store.caseRecord(id: record.id).dueDate, day("2026-12-04"))
        try store.requestExtension(caseID: record.id, until: day("2026-12-18"), reason: "材料未到", session: supervisor)
        try store.decideExtension(caseID: record.id, approve: false, note: "不同意", session: supervisor)
        XCTAssertEqual(try store.caseRecord(id: record.id).dueDate, day("2026-12-04"))
        XCTAssertEqual(try store.dueDateHistory(caseID: record.id).map { [$0.day.iso, $0.why] },
                       [["2026-11-23", "dispatched"], ["2026-12-04", "extended"]])
        XCTAssertEqual(try store.timeline(caseID: record.id).suffix(4).map(\.text),
                       ["申请延期至 2026-12-04：需招标", "同意延期：2026-11-23 → 2026-12-04。同意",
                        "申请延期至 2026-12-18：材料未到", "不同意延期，期限仍为 2026-12-04：不同意"])
    }

    func testARequestNobodyDecidedLapsesWhenItsDepartmentNoLongerHoldsTheCase() throws {
        let record = try caseIn(.dispatched)
        try store.requestExtension(caseID: record.id, until: day("2026-12-04"), reason: "需招标", session: supervisor)
        try store.swapDepartment(caseID: record.id, to: otherDepartment, reason: "属城管职责", session: supervisor)
        XCTAssertNil(try store.pendingExtension(caseID: record.id), "the old department's request is not the new one's")
        XCTAssertFalse(try store.liveActions(on: store.caseRecord(id: record.id), session: supervisor).contains(.decideExtension))
        XCTAssertNoThrow(try store.requestExtension(caseID: record.id, until: day("2026-12-10"), reason: "城管局需勘察", session: supervisor))
        try store.recordReply(caseID: record.id, text: "已处理", session: supervisor)
        XCTAssertNil(try store.pendingExtension(caseID: record.id), "an answered case has nothing left to extend")
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM extension_requests WHERE case_id = ? AND approved = 0",
                                                    [record.id]), 2)
    }

    func testOverdueOverAWeekendIsAtLeastOneWorkingDay() throws {
        let record = try caseIn(.dispatched) // due Monday 2026-11-23
        fixture.clock.set(LocalTime(day: day("2026-11-21"), hour: 9, minute: 0))
        XCTAssertFalse(try store.caseRecord(id: record.id).isOverdue(on: store.today))
        fixture.clock.set(LocalTime(day: day("2026-11-24"), hour: 9, minute: 0))
        XCTAssertEqual(Overdue.workingDays(pastDue: day("2026-11-23"), on: store.today, calendar: store.calendar), 1)
        XCTAssertEqual(Overdue.workingDays(pastDue: day("2026-11-20"), on: day("2026-11-22"), calendar: store.calendar), 1,
                       "past due on a Friday, read on Sunday: overdue, not 0")
        XCTAssertEqual(try store.chaseSheet(departmentID: fixture.departmentID, session: supervisor).cases.map(\.workingDaysOverdue), [1])
    }

    func testAFeedbackBeforeTheReplyIsRefused() throws {
        fixture.clock.set(LocalTime(day: day("2026-11-18"), hour: 9, minute: 0))
        let record = try caseIn(.replied)
        XCTAssertThrowsError(try store.recordFeedback(caseID: record.id, method: .phone, on: day("2026-11-17"), session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "反馈日期 2026-11-17 早于答复日期 2026-11-18")
        }
    }

    func testASwapMovesTheCaseWithItsDueDateAndIsCounted() throws {
        let record = try caseIn(.acknowledged)
        XCTAssertThrowsError(try store.swapDepartment(caseID: record.id, to: fixture.departmentID, reason: "重复", session: supervisor))
        try store.swapDepartment(caseID: record.id, to: otherDepartment, reason: "属城管职责", session: supervisor)
        let swapped = try store.caseRecord(id: record.id)
        XCTAssertEqual(swapped.departmentID, otherDepartment)
        XCTAssertEqual(swapped.status, .dispatched, "the new department has not acknowledged it yet")
        XCTAssertEqual(swapped.dueDate, record.dueDate)
        let detail = try store.caseDetail(id: record.id)
        XCTAssertEqual(detail.swaps, 1)
        XCTAssertEqual(try store.dispatches(caseID: record.id).map(\.departmentName), ["区住建局", "区城管局"])
    }

    func testReplyFeedbackAndRatingKeepWhatTheFormsGive() throws {
        let record = try caseIn(.dispatched)
        XCTAssertThrowsError(try store.recordReply(caseID: record.id, text: "已修", on: day("2026-11-17"), session: supervisor)) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "答复日期 2026-11-17 还没到")
        }
        try store.recordReply(caseID: record.id, text: "已更换路灯", on: day("2026-11-16"), by: "王科长", session: supervisor)
        try store.recordFeedback(caseID: record.id, method: .visit, text: "居民在家", session: supervisor)
        try store.rate(caseID: record.id, Rating(result: .unsatisfied, attitude: .satisfied, ratedBy: .deputy, comment: "只修了一盏"),
                       session: supervisor)
        let dispatch = try XCTUnwrap(store.dispatches(caseID: record.id).first)
        XCTAssertEqual(dispatch.repliedBy, "王科长")
        XCTAssertEqual(dispatch.feedbackMethod, .visit)
        XCTAssertEqual(dispatch.feedbackOn, day("2026-11-16"))
        XCTAssertEqual(try store.database.scalarString("SELECT rated_by FROM ratings WHERE case_id = ?", [record.id]), "deputy")
        XCTAssertEqual(try store.timeline(caseID: record.id).suffix(3).map(\.text),
                       ["2026-11-16 区住建局 王科长答复：已更换路灯", "2026-11-16 上门告知群众办理结果：居民在家",
                        "代表评单：结果不满意，态度满意。只修了一盏"])
    }

    func testAnUnsatisfiedCaseGoesRoundAgainUntilSatisfiedAndIsOverdueWhileItWaits() throws {
        let record = try caseIn(.unsatisfied) // last due 2026-11-23
        fixture.clock.set(LocalTime(day: day("2026-11-25"), hour: 9, minute: 0))
        XCTAssertTrue(try store.caseRecord(id: record.id).isOverdue(on: store.today))
        XCTAssertEqual(try store.followUpBoard().groups.first { $0.0 == .overdue }?.1.map(\.id), [record.id])
        try store.reopen(caseID: record.id, departmentID: otherDepartment, due: .date(day("2026-12-10")), instructions: "换城管局办理",
                         session: supervisor)
        let second = try store.caseRecord(id: record.id)
        XCTAssertEqual([second.round, second.dueDate?.iso], [2, "2026-12-10"] as [AnyHashable?])
        XCTAssertEqual(try store.timeline(caseID: record.id).last?.text, "第 2 轮：交办区城管局，限 2026-12-10 前办结。换城管局办理")
        let detail = try store.caseDetail(id: record.id)
        XCTAssertEqual(detail.rounds.map(\.round), [1, 2])
        XCTAssertEqual(detail.rounds.first?.rating?.result, .unsatisfied)
    }

    func testAClosedCaseWithAReasonIsKeptApartFromASatisfiedOne() throws {
        let satisfied = try caseIn(.readyToClose)
        try store.close(caseID: satisfied.id, session: supervisor)
        let withdrawn = try caseIn(.unsatisfied)
        try store.close(caseID: withdrawn.id, reason: "群众诉求超出政策范围，已解释", session: supervisor)
        XCTAssertEqual(try [satisfied, withdrawn].map { try store.caseRecord(id: $0.id).closedWithReason }, [false, true])
    }

    func testAnEscalatedCaseWaitsInItsGroupAndComesBackWithTheHigherLevelsAnswer() throws {
        let record = try caseIn(.acknowledged)
        try store.escalate(caseID: record.id, reason: "涉及跨区协调", session: supervisor)
        XCTAssertEqual(try store.followUpBoard().groups.first { $0.0 == .escalated }?.1.map(\.id), [record.id])
        fixture.clock.set(LocalTime(day: day("2026-12-30"), hour: 9, minute: 0))
        XCTAssertEqual(try store.overdueCount(asOf: store.today), 0, "an escalated case's clock is the higher level's")
        try store.answerFromAbove(caseID: record.id, answer: "市人大已协调两区", session: supervisor)
        XCTAssertEqual(try store.caseRecord(id: record.id).status, .replied)
    }

    func testOneSupervisionNoteOnManyMarkedCasesIsAllOrNothing() throws {
        let cases = try (0..<3).map { _ in try caseIn(.dispatched) }
        let closed = try caseIn(.closed)
        XCTAssertThrowsError(try store.supervise((cases + [closed]).map { ($0.id, $0.version) }, note: "请本周答复", session: supervisor))
        XCTAssertEqual(try cases.map { try store.caseDetail(id: $0.id).supervisions }, [0, 0, 0], "none written")
        try store.supervise(cases.map { ($0.id, $0.version) }, note: "请本周答复", session: supervisor)
        XCTAssertEqual(try cases.map { try store.caseDetail(id: $0.id).supervisions }, [1, 1, 1])
        XCTAssertEqual(try store.overdueCases(asOf: day("2026-12-01")).map(\.supervisions), [1, 1, 1])
    }

    func testADueDateThroughAnUnknownYearIsProvisionalUntilTheYearIsImportedAndRecomputed() throws {
        fixture.clock.set(LocalTime(day: day("2026-12-24"), hour: 9, minute: 0))
        let record = try fixture.openedCase()
        let result = try store.dispatch(caseID: record.id, departmentID: fixture.departmentID, due: .workingDays(10), session: supervisor)
        XCTAssertEqual(result.dueDate, day("2027-01-07"), "New Year's Day counted as a working day: the calendar does not know 2027")
        XCTAssertEqual(result.provisionalNote, "按周末推算，待导入2027年节假日安排")
        XCTAssertTrue(try store.caseRecord(id: record.id).dueProvisional)
        XCTAssertEqual(try store.timeline(caseID: record.id).last?.text,
                       "交办区住建局，限 10 个工作日（2027-01-07 前）办结（按周末推算，待导入2027年节假日安排）")
        let dated = try fixture.openedCase()
        try store.dispatch(caseID: dated.id, departmentID: fixture.departmentID, due: .date(day("2027-01-01")), session: supervisor)
        XCTAssertTrue(try store.caseRecord(id: dated.id).dueProvisional, "a date given in an unknown year may be a holiday")
        XCTAssertEqual(try store.provisionalDueDateChanges(), [], "nothing to recompute before 2027 is known")

        try store.importCalendar(try HolidaySchedule(parsing: "year 2027\nholiday 2027-01-01 元旦\n", source: "2027.txt"),
                                 session: Session(name: "管理员", role: .admin))
        let changes = try store.provisionalDueDateChanges()
        XCTAssertEqual(changes.map { [$0.code, $0.old.iso, $0.new.iso] },
                       [[dated.code, "2027-01-01", "2027-01-04"], [record.code, "2027-01-07", "2027-01-08"]],
                       "元旦 given outright moves to the next working day")
        XCTAssertThrowsError(try store.recomputeProvisionalDueDates(session: fixture.clerk))
        try store.recomputeProvisionalDueDates(session: supervisor)
        let after = try store.caseRecord(id: record.id)
        XCTAssertEqual(after.dueDate, day("2027-01-08"))
        XCTAssertFalse(after.dueProvisional)
        XCTAssertEqual(try store.timeline(caseID: record.id).last?.text, "按2027年节假日安排重算期限：2027-01-07 → 2027-01-08")
        XCTAssertEqual(try store.dueDateHistory(caseID: record.id).map(\.day.iso), ["2027-01-07", "2027-01-08"])
        XCTAssertEqual(try store.provisionalDueDateChanges(), [])
    }

    func testDueChoicesAreTypedAsDaysOrDates() throws {
        let today = day("2026-12-20")
        XCTAssertEqual(try DueChoice.parse("１０", today: today), .workingDays(10))
        XCTAssertEqual(try DueChoice.parse("2027-01-15", today: today), .date(day("2027-01-15")))
        XCTAssertEqual(try DueChoice.parse("12月31日", today: today), .date(day("2026-12-31")))
        XCTAssertEqual(try DueChoice.parse("01-05", today: today), .date(day("2027-01-05")), "January typed in December is next year's")
        XCTAssertEqual(try DueChoice.parse("12-19", today: today), .date(day("2026-12-19")), "yesterday stays this year, to be refused")
        XCTAssertEqual(try DueChoice.parse("2027-2-28", today: today), .date(day("2027-02-28")))
        XCTAssertEqual(try DueChoice.parse("10 个工作日", today: today), .workingDays(10))
        XCTAssertEqual(try DueChoice.parse("10天", today: today), .workingDays(10))
        XCTAssertThrowsError(try store.reckon(.date(day("2026-11-13")))) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "期限 2026-11-13 须晚于今天")
        }
        XCTAssertThrowsError(try store.reckon(.date(day("2026-11-28")))) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "期限 2026-11-28 是休息日，请选工作日")
        }
        XCTAssertThrowsError(try DueChoice.parse("下周", today: today))
        XCTAssertThrowsError(try store.reckon(.workingDays(0)))
        XCTAssertThrowsError(try store.reckon(.date(store.today))) {
            XCTAssertEqual(($0 as? DomainError)?.userMessage, "期限 2026-11-16 须晚于今天")
        }
    }

    func testSteppingThroughEveryOverdueCaseInTheDatabaseWithItsPosition() throws {
        let overdue = try (0..<4).map { index -> CaseRecord in
            let record = try caseIn(.dispatched)
            if index == 3 { try store.acknowledge(caseID: record.id, session: supervisor) }
            return record
        }
        _ = try caseIn(.replied)
        fixture.clock.set(LocalTime(day: day("2026-11-30"), hour: 9, minute: 0))
        var positions: [Int] = []
        var ids: [Int64] = []
        var current: CaseSummary?
        for _ in 0..<5 {
            let step = try XCTUnwrap(store.overdueStep(from: current, forward: true))
            XCTAssertEqual(step.total, 4)
            positions.append(step.position)
            ids.append(step.summary.id)
            current = step.summary
        }
        XCTAssertEqual(positions, [1, 2, 3, 4, 1], "wraps round to the first")
        XCTAssertEqual(ids, overdue.map(\.id) + [overdue[0].id], "every overdue case, acknowledged ones too")
        let back = try XCTUnwrap(store.overdueStep(from: current, forward: false))
        XCTAssertEqual(back.position, 4)
        let filtered = try store.overdueStep(from: nil, forward: true, filter: CaseFilter(departmentID: otherDepartment))
        XCTAssertNil(filtered, "nothing overdue at 区城管局")
    }

    func testSearchFindsEveryCaseClosedOnesTooByCodeTitleDescriptionAndResident() throws {
        let closed = try caseIn(.closed)
        let other = try store.openCase(CaseDraft(title: "菜市场噪声", description: "清晨五点卸货"), residentID: nil, session: fixture.clerk)
        XCTAssertEqual(try store.searchCases(closed.code).map(\.id), [closed.id])
        XCTAssertEqual(try store.searchCases("路灯").map(\.id), [closed.id])
        XCTAssertEqual(try store.searchCases("卸货").map(\.id), [other.id])
        XCTAssertEqual(try store.searchCases("wxy").map(\.id), [closed.id], "the resident's pinyin initials")
        XCTAssertEqual(try store.searchCases("王秀英").map(\.id), [closed.id])
        XCTAssertEqual(try store.searchCases("路灯损坏").map(\.id), [closed.id], "three characters and more: the trigram index")
        XCTAssertEqual(try store.searchCases("卸").map(\.id), [other.id], "one character: read through")
        XCTAssertEqual(try store.searchCases("１").map(\.id), [closed.id], "a serial typed alone, full-width too")
        XCTAssertEqual(try store.searchCases("2").map(\.id), [other.id], "the case with that serial first")
        let held = try fixture.openedCase(problem: "楼道灯不亮")
        try store.dispatch(caseID: held.id, departmentID: fixture.departmentID, due: .workingDays(5), session: supervisor)
        XCTAssertEqual(try store.searchCases("zql").map(\.id), [held.id, closed.id], "the responsible deputy's initials")
        XCTAssertEqual(try store.searchCases("区住建局").map(\.id), [held.id], "the department by its whole name")
        XCTAssertEqual(try store.searchCases("100%"), [])
        XCTAssertEqual(try store.searchCases("\"路灯"), [], "a quote is text, not query syntax")
    }

    func testTheBoardFiltersCombine() throws {
        let first = try caseIn(.dispatched)
        let second = try caseIn(.dispatched)
        try store.swapDepartment(caseID: second.id, to: otherDepartment, reason: "属城管", session: supervisor)
        let reopened = try caseIn(.unsatisfied)
        try store.reopen(caseID: reopened.id, departmentID: otherDepartment, due: .workingDays(10), session: supervisor)
        func ids(_ filter: CaseFilter) throws -> [Int64] { try store.followUpBoard(filter: filter).groups.flatMap(\.1).map(\.id).sorted() }
        XCTAssertEqual(try ids(CaseFilter(departmentID: fixture.departmentID)), [first.id])
        XCTAssertEqual(try ids(CaseFilter(departmentID: otherDepartment)), [second.id, reopened.id])
        XCTAssertEqual(try ids(CaseFilter(departmentID: otherDepartment, laterRounds: true)), [reopened.id])
        XCTAssertEqual(try ids(CaseFilter(deputyID: fixture.deputyID, tier: .major)), [])
        XCTAssertEqual(try ids(CaseFilter(categoryID: fixture.categoryID, tier: .immediate)), [first.id, second.id, reopened.id])
    }

    func testAChaseSheetListsADepartmentsOverdueCasesWithoutPhonesAndIsAudited() throws {
        let late = try caseIn(.dispatched)
        try store.supervise(caseID: late.id, note: "电话督促", session: supervisor)
        let waitingOnTheStation = try caseIn(.unsatisfied)
        fixture.clock.set(LocalTime(day: day("2026-11-30"), hour: 9, minute: 0))
        XCTAssertTrue(try store.caseRecord(id: waitingOnTheStation.id).isOverdue(on: store.today))
        let sheet = try store.chaseSheet(departmentID: fixture.departmentID, session: supervisor)
        XCTAssertEqual(sheet.cases.map(\.id), [late.id], "an unsatisfied case waits on the station, not the department")
        let text = sheet.text
        XCTAssertTrue(text.contains("和平街道代表联络站"))
        XCTAssertTrue(text.contains("督办单"))
        XCTAssertTrue(text.contains("区住建局"))
        XCTAssertTrue(text.contains(late.code))
        XCTAssertTrue(text.contains("2026-11-23"), "the due date")
        XCTAssertTrue(text.contains("逾期 5 个工作日"))
        XCTAssertTrue(text.contains("已督办 1 次"))
        XCTAssertFalse(text.contains("138"), "no resident phone")
        var written: [UInt8] = []
        try store.exportChaseSheet(sheet, fileName: "/tmp/督办单.txt", session: supervisor) { written = $0 }
        XCTAssertEqual(String(decoding: written, as: UTF8.self), text)
        XCTAssertEqual(try store.database.scalarString("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "chase.export")
    }
}
