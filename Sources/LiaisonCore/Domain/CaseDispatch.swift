import Foundation

/// One dispatch of a case to a department, as the case's detail shows each round.
public struct DispatchEntry: Hashable, Sendable {
    public let id: Int64
    public let round: Int
    public let departmentID: Int64
    public let departmentName: String
    public let dispatchedOn: Day
    public let dueDate: Day
    public let workingDays: Int?
    public let instructions: String
    public let acknowledgedOn: Day?
    /// How it ended before a reply: returned (退回), swapped (调整), escalated (上报); nil while it stands.
    public let endedHow: String?
    public let endedOn: Day?
    public let endReason: String
    public let repliedOn: Day?
    public let reply: String
    public let repliedBy: String
    public let feedbackOn: Day?
    public let feedbackMethod: FeedbackMethod?

    static let select = """
        SELECT p.id, p.round, p.department_id, coalesce(d.name, ''), p.dispatched_on, p.due_date, p.working_days, p.instructions,
               p.acknowledged_on, p.ended_how, p.ended_on, p.end_reason, p.replied_on, p.reply, p.replied_by, p.feedback_on,
               p.feedback_method
        FROM dispatches p LEFT JOIN departments d ON d.id = p.department_id
        """

    init(row: Statement) throws {
        id = row.int64(0)
        round = row.int(1)
        departmentID = row.int64(2)
        departmentName = row.string(3)
        dispatchedOn = try row.day(4)
        dueDate = try row.day(5)
        workingDays = row.optionalInt64(6).map(Int.init)
        instructions = row.string(7)
        acknowledgedOn = try row.optionalDay(8)
        endedHow = row.optionalString(9)
        endedOn = try row.optionalDay(10)
        endReason = row.string(11)
        repliedOn = try row.optionalDay(12)
        reply = row.string(13)
        repliedBy = row.string(14)
        feedbackOn = try row.optionalDay(15)
        feedbackMethod = try row.optionalValue(16)
    }
}

extension LiaisonStore {
    /// The dispatch that stands: the department holding the case now, or the last one that replied.
    func currentDispatch(of record: CaseRecord) throws -> DispatchEntry? {
        try database.fetchOne(DispatchEntry.select + " WHERE p.case_id = ? AND p.round = ? AND p.ended_on IS NULL ORDER BY p.id DESC LIMIT 1",
                              [record.id, record.round], DispatchEntry.init(row:))
    }

    public func dispatches(caseID: Int64) throws -> [DispatchEntry] {
        try database.fetchAll(DispatchEntry.select + " WHERE p.case_id = ? ORDER BY p.id", [caseID], DispatchEntry.init(row:))
    }

    /// 研判: the category and the handling tier, whatever the case's stage.
    public func triage(caseID: Int64, categoryID: Int64?, tier: Tier?, session: Session, expectedVersion: Int? = nil) throws {
        try perform(.triage, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            let category = try categoryID.map { try requireInUse(.categories, id: $0) }
            var status = record.status
            if status == .registered, categoryID != nil, tier != nil { status = .triaged }
            try update(record, status: status, set: ", category_id = ?, tier = ?", [categoryID, tier])
            return ((), "类别：\(category ?? "未定")；分级：\(tier?.label ?? "未定")")
        }
    }

    /// Sends a case that no department holds (待交办) to one, with a time limit and instructions.
    @discardableResult
    public func dispatch(caseID: Int64, departmentID: Int64, due: DueChoice, instructions: String = "", session: Session,
                         expectedVersion: Int? = nil) throws -> DispatchResult {
        try database.write {
            let record = try caseForUpdate(caseID, action: .dispatch, expectedVersion: expectedVersion, session: session)
            return try send(record, to: departmentID, due: due, instructions: instructions, session: session)
        }
    }

    /// 重新交办: an unsatisfied case goes round again, to the same department or another.
    @discardableResult
    public func reopen(caseID: Int64, departmentID: Int64, due: DueChoice, instructions: String = "", session: Session,
                       expectedVersion: Int? = nil) throws -> DispatchResult {
        try database.write {
            let record = try caseForUpdate(caseID, action: .reopen, expectedVersion: expectedVersion, session: session)
            return try send(record, to: departmentID, due: due, instructions: instructions, round: record.round + 1,
                            action: .reopen, session: session)
        }
    }

    /// The dispatch itself, for the board and for the reception desk, which opens a case from a visit and
    /// dispatches it in one step (a clerk's work, checked there as receiving).
    func send(_ record: CaseRecord, to departmentID: Int64, due choice: DueChoice, instructions: String = "", round: Int? = nil,
              action: CaseAction = .dispatch, session: Session) throws -> DispatchResult {
        let department = try requireInUse(.departments, id: departmentID)
        let due = try reckon(choice)
        let round = round ?? record.round
        let instructions = instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        try database.execute("""
            INSERT INTO dispatches(case_id, department_id, round, dispatched_on, due_date, working_days, instructions)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [record.id, departmentID, round, today, due.dueDate, due.workingDays, instructions])
        try recordDue(due, caseID: record.id, round: round, why: "dispatched")
        try update(record, status: .dispatched, set: ", round = ?, department_id = ?, due_date = ?, due_provisional = ?, closed_on = NULL",
                   [round, departmentID, due.dueDate, due.provisional])
        var text = (round > record.round ? "第 \(round) 轮：" : "") + "交办\(department)，"
            + (due.workingDays.map { "限 \($0) 个工作日（\(due.dueDate.iso) 前）办结" } ?? "限 \(due.dueDate.iso) 前办结")
        if let note = due.provisionalNote { text += "（\(note)）" }
        if !instructions.isEmpty { text += "。\(instructions)" }
        try addEvent(action.transition.event, caseID: record.id, text: text, session: session)
        return due
    }

    /// 接单: the department confirms it has the case.
    public func acknowledge(caseID: Int64, session: Session, expectedVersion: Int? = nil) throws {
        try perform(.acknowledge, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            let dispatch = try currentDispatch(of: record)
            try database.execute("UPDATE dispatches SET acknowledged_on = ? WHERE id = ?", [today, dispatch?.id])
            try update(record, status: .acknowledged)
            return ((), "\(dispatch?.departmentName ?? "承办单位")已接单")
        }
    }

    /// 退回: the department sends back a case that is not its own, within the station's limit. The case
    /// waits to be dispatched again; the return counts against nobody.
    public func returnCase(caseID: Int64, reason: String, session: Session, expectedVersion: Int? = nil) throws {
        let reason = try required(reason, "退回")
        try perform(.returnCase, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            let dispatch = try endCurrentDispatch(of: record, how: "returned", reason: reason)
            let status: CaseStatus = record.categoryID != nil && record.tier != nil ? .triaged : .registered
            try update(record, status: status, set: ", department_id = NULL, due_date = NULL, due_provisional = 0")
            return ((), "\(dispatch?.departmentName ?? "承办单位")退回（非本单位职责）：\(reason)")
        }
    }

    /// 调整承办单位: another department takes the case over with the same due date.
    public func swapDepartment(caseID: Int64, to departmentID: Int64, reason: String, session: Session,
                               expectedVersion: Int? = nil) throws {
        let reason = try required(reason, "调整承办单位")
        try perform(.swapDepartment, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            guard departmentID != record.departmentID else { throw DomainError.invalid("请选另一个承办单位") }
            let department = try requireInUse(.departments, id: departmentID)
            let old = try endCurrentDispatch(of: record, how: "swapped", reason: reason)
            guard let due = record.dueDate, let old else { throw DomainError.notFound("该诉求的交办记录") }
            try database.execute("""
                INSERT INTO dispatches(case_id, department_id, round, dispatched_on, due_date, working_days, instructions)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [record.id, departmentID, record.round, today, due, old.workingDays, old.instructions])
            try update(record, status: .dispatched, set: ", department_id = ?", [departmentID])
            return ((), "\(old.departmentName) → \(department)，期限仍为 \(due.iso)：\(reason)")
        }
    }

    @discardableResult
    func endCurrentDispatch(of record: CaseRecord, how: String, reason: String) throws -> DispatchEntry? {
        let dispatch = try currentDispatch(of: record)
        try database.execute("UPDATE dispatches SET ended_on = ?, ended_how = ?, end_reason = ? WHERE id = ?",
                             [today, how, reason, dispatch?.id])
        try voidPendingExtension(of: record, note: "承办单位已变更，申请作废")
        return dispatch
    }

    /// A request nobody decided lapses when the department that made it no longer holds the case, or has
    /// answered: it is closed as not granted, with why, so no later department's date comes from it.
    func voidPendingExtension(of record: CaseRecord, note: String) throws {
        try database.execute("""
            UPDATE extension_requests SET decided_on = ?, approved = 0, decision_note = ?
            WHERE case_id = ? AND decided_on IS NULL
            """, [today, note, record.id])
    }

    /// 延期申请: the department asks for a later due date, with a reason; a supervisor decides.
    public func requestExtension(caseID: Int64, until proposed: Day, reason: String, session: Session,
                                 expectedVersion: Int? = nil) throws {
        let reason = try required(reason, "延期申请")
        try perform(.requestExtension, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            guard let due = record.dueDate, proposed > due, proposed > today else {
                throw DomainError.invalid("申请的期限须晚于现在的期限 \(record.dueDate?.iso ?? "") 和今天")
            }
            try database.execute("""
                INSERT INTO extension_requests(case_id, round, requested_on, proposed_due, reason) VALUES (?, ?, ?, ?, ?)
                """, [record.id, record.round, today, proposed, reason])
            try update(record, status: record.status)
            return ((), "申请延期至 \(proposed.iso)：\(reason)")
        }
    }

    /// The pending extension request of the case's round, if any: (proposed date, reason).
    public func pendingExtension(caseID: Int64) throws -> (proposed: Day, reason: String)? {
        try database.fetchOne("""
            SELECT proposed_due, reason FROM extension_requests WHERE case_id = ? AND decided_on IS NULL
            """, [caseID]) { (try $0.day(0), $0.string(1)) }
    }

    /// 延期审批: approved, the proposed date becomes the due date (the earlier one stays in the history).
    public func decideExtension(caseID: Int64, approve: Bool, note: String = "", session: Session,
                                expectedVersion: Int? = nil) throws {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !approve && note.isEmpty { throw DomainError.reasonRequired("不同意延期") }
        try perform(.decideExtension, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            guard let request = try pendingExtension(caseID: caseID), let old = record.dueDate else {
                throw DomainError.notFound("待审批的延期申请")
            }
            try database.execute("""
                UPDATE extension_requests SET decided_on = ?, approved = ?, decision_note = ?, decided_by = ?
                WHERE case_id = ? AND decided_on IS NULL
                """, [today, approve, note, session.operatorID, caseID])
            guard approve else {
                try update(record, status: record.status)
                return ((), "不同意延期，期限仍为 \(old.iso)" + (note.isEmpty ? "" : "：\(note)"))
            }
            try recordDue(DispatchResult(dueDate: request.proposed, workingDays: nil, countedFrom: today, yearsComputedByWeekendsOnly: []),
                          caseID: caseID, round: record.round, why: "extended")
            try update(record, status: record.status, set: ", due_date = ?, due_provisional = 0", [request.proposed])
            return ((), "同意延期：\(old.iso) → \(request.proposed.iso)" + (note.isEmpty ? "" : "。\(note)"))
        }
    }

    /// 上报: the case goes up to the higher-level people's congress; it waits there in its own group.
    public func escalate(caseID: Int64, reason: String, session: Session, expectedVersion: Int? = nil) throws {
        let reason = try required(reason, "上报")
        try perform(.escalate, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            if CaseTransition.held.contains(record.status) { try endCurrentDispatch(of: record, how: "escalated", reason: reason) }
            try update(record, status: .escalated, set: ", escalated = 1, due_provisional = 0")
            return ((), "上报上级人大：\(reason)")
        }
    }

    /// The higher level's answer brings the case back, to be told to the resident and rated.
    public func answerFromAbove(caseID: Int64, answer: String, session: Session, expectedVersion: Int? = nil) throws {
        let answer = try required(answer, "上级答复", message: "请写下上级人大的答复")
        try perform(.answerFromAbove, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            try update(record, status: .replied)
            return ((), answer)
        }
    }

    /// The text trimmed, refused in Chinese when empty.
    func required(_ text: String, _ action: String, message: String? = nil) throws -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw message.map(DomainError.invalid) ?? DomainError.reasonRequired(action) }
        return text
    }
}
