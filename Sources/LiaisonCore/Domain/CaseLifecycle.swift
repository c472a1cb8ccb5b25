import Foundation

public struct CaseDraft: Sendable {
    public var title: String
    public var description: String
    public var categoryID: Int64?
    public var tier: Tier?
    public var responsibleDeputyID: Int64?

    public init(title: String, description: String = "", categoryID: Int64? = nil, tier: Tier? = nil,
                responsibleDeputyID: Int64? = nil) {
        self.title = title
        self.description = description
        self.categoryID = categoryID
        self.tier = tier
        self.responsibleDeputyID = responsibleDeputyID
    }
}

public struct CaseRecord: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let title: String
    public let description: String
    public let categoryID: Int64?
    public let tier: Tier?
    public let status: CaseStatus
    public let round: Int
    public let departmentID: Int64?
    public let dueDate: Day?
    public let residentID: Int64?
    public let responsibleDeputyID: Int64?
    public let sourceVisitID: Int64?
    public let openedOn: Day
    public let closedOn: Day?
    public let version: Int

    static let columns = """
        id, code, title, description, category_id, tier, status, round, department_id, due_date,
        resident_id, responsible_deputy_id, source_visit_id, opened_on, closed_on, version
        """

    init(row: Statement) throws {
        id = row.int64(0)
        code = row.string(1)
        title = row.string(2)
        description = row.string(3)
        categoryID = row.optionalInt64(4)
        tier = try row.optionalValue(5)
        status = try row.value(6)
        round = row.int(7)
        departmentID = row.optionalInt64(8)
        dueDate = try row.optionalDay(9)
        residentID = row.optionalInt64(10)
        responsibleDeputyID = row.optionalInt64(11)
        sourceVisitID = row.optionalInt64(12)
        openedOn = try row.day(13)
        closedOn = try row.optionalDay(14)
        version = row.int(15)
    }

    public func isOverdue(on today: Day) -> Bool { Overdue.includes(status: status, dueDate: dueDate, on: today) }
}

public enum CaseEventKind: String, Labelled {
    case registered, answeredOnSpot, triaged, dispatched, supervised, extended, replied, feedback, rated, reopened,
         closed, escalated, note
    public var label: String {
        switch self {
        case .registered: "登记"
        case .answeredOnSpot: "当场答复"
        case .triaged: "研判"
        case .dispatched: "交办"
        case .supervised: "督办"
        case .extended: "延期"
        case .replied: "答复"
        case .feedback: "反馈"
        case .rated: "测评"
        case .reopened: "重新交办"
        case .closed: "销号"
        case .escalated: "上报"
        case .note: "备注"
        }
    }
}

public struct CaseEvent: Hashable, Sendable {
    public let kind: CaseEventKind
    public let at: LocalTime
    /// Who did it, as the operator was named then.
    public let operatorName: String
    public let text: String
}

/// What a dispatch decided, and whether the due date rests on a year the calendar does not know.
public struct DispatchResult: Hashable, Sendable {
    public let dueDate: Day
    public let yearsComputedByWeekendsOnly: [Int]
}

extension LiaisonStore {
    /// Records a new case with the next code of the year (2026-0042).
    @discardableResult
    public func openCase(_ draft: CaseDraft, residentID: Int64?, sourceVisitID: Int64? = nil, session: Session) throws -> CaseRecord {
        try session.require(.receiveResidents)
        let status: CaseStatus = draft.categoryID != nil && draft.tier != nil ? .triaged : .registered
        return try database.write {
            try insertCase(draft, residentID: residentID, sourceVisitID: sourceVisitID, status: status, session: session)
        }
    }

    func insertCase(_ draft: CaseDraft, residentID: Int64?, sourceVisitID: Int64?, status: CaseStatus,
                    session: Session) throws -> CaseRecord {
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw DomainError.invalid("诉求内容不能为空") }
        if let deputyID = draft.responsibleDeputyID { try requireInUse(.deputies, id: deputyID) }
        let today = clock.today
        let serial = try database.scalarInt(
            "SELECT coalesce(max(serial), 0) + 1 FROM cases WHERE station_id = ? AND year = ?",
            [station.id, today.year]) ?? 1
        let code = CaseCode.format(year: today.year, serial: serial)
        try database.execute("""
            INSERT INTO cases(station_id, year, serial, code, title, description, category_id, tier, status,
                              resident_id, responsible_deputy_id, source_visit_id, opened_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [station.id, today.year, serial, code, title, draft.description, draft.categoryID, draft.tier, status,
                  residentID, draft.responsibleDeputyID, sourceVisitID, today])
        let id = database.lastInsertedRowID
        try addEvent(.registered, caseID: id, text: title, session: session)
        return try caseRecord(id: id)
    }

    public func caseRecord(id: Int64) throws -> CaseRecord {
        guard let record = try database.fetchOne("SELECT \(CaseRecord.columns) FROM cases WHERE id = ?", [id],
                                                 CaseRecord.init(row:)) else {
            throw DomainError.notFound("该诉求")
        }
        return record
    }

    public func caseRecord(code: String) throws -> CaseRecord? {
        try database.fetchOne("SELECT \(CaseRecord.columns) FROM cases WHERE station_id = ? AND code = ?",
                              [station.id, code], CaseRecord.init(row:))
    }

    /// The whole history of a case, oldest first.
    public func timeline(caseID: Int64) throws -> [CaseEvent] {
        try database.fetchAll(CaseQuerySQL.timeline, [caseID]) { row in
            CaseEvent(kind: try row.value(0), at: try row.localTime(1), operatorName: row.string(2), text: row.string(3))
        }
    }

    func addEvent(_ kind: CaseEventKind, caseID: Int64, text: String, session: Session) throws {
        try database.execute("INSERT INTO case_events(case_id, kind, at, actor, operator_id, text) VALUES (?, ?, ?, ?, ?, ?)",
                             [caseID, kind, clock.now(), session.name, session.operatorID, text])
    }

    /// Loads a case inside the current write and checks that this operator may act on it, that it may
    /// take this step and that nobody changed it since the caller read it.
    private func caseForUpdate(_ id: Int64, expectedVersion: Int?, action: String, allowed: Set<CaseStatus>,
                               session: Session) throws -> CaseRecord {
        let record = try caseRecord(id: id)
        try session.requireAct(onCaseOf: record.responsibleDeputyID)
        if let expectedVersion, expectedVersion != record.version { throw DomainError.changedElsewhere(record.code) }
        guard allowed.contains(record.status) else { throw DomainError.wrongStatus(action: action, status: record.status) }
        return record
    }

    private func setStatus(_ record: CaseRecord, _ status: CaseStatus, extra: String = "", _ arguments: [SQLBindable?] = []) throws {
        try database.execute("UPDATE cases SET status = ?, version = version + 1\(extra) WHERE id = ? AND version = ?",
                             [status] + arguments + [record.id, record.version])
        guard database.changes == 1 else { throw DomainError.changedElsewhere(record.code) }
    }

    /// Sends the case to a department with a due date `workingDays` working days from today.
    @discardableResult
    public func dispatch(caseID: Int64, departmentID: Int64, workingDays: Int, session: Session,
                         expectedVersion: Int? = nil) throws -> DispatchResult {
        try database.write {
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "交办",
                                           allowed: [.registered, .triaged], session: session)
            return try send(record, to: departmentID, workingDays: workingDays, session: session)
        }
    }

    /// The dispatch itself, for the board and for the reception desk, which opens a case from a visit and
    /// dispatches it in one step (a clerk's work, checked there as receiving).
    func send(_ record: CaseRecord, to departmentID: Int64, workingDays: Int, session: Session) throws -> DispatchResult {
        guard TimeLimit.workingDays.contains(workingDays) else {
            throw DomainError.invalid("办理时限应为 \(TimeLimit.workingDays.lowerBound) 至 \(TimeLimit.workingDays.upperBound) 个工作日")
        }
        let department = try requireInUse(.departments, id: departmentID)
        let today = clock.today
        let due = calendar.adding(workingDays: workingDays, to: today)
        try database.execute(
            "INSERT INTO dispatches(case_id, department_id, round, dispatched_on, due_date) VALUES (?, ?, ?, ?, ?)",
            [record.id, departmentID, record.round, today, due])
        try setStatus(record, .dispatched, extra: ", department_id = ?, due_date = ?", [departmentID, due])
        try addEvent(.dispatched, caseID: record.id,
                     text: "交办\(department)，限 \(workingDays) 个工作日（\(due.iso) 前）办结", session: session)
        return DispatchResult(dueDate: due, yearsComputedByWeekendsOnly: calendar.unknownYears(from: today, to: due))
    }

    /// The department's answer to the current dispatch.
    public func recordReply(caseID: Int64, text: String, session: Session, expectedVersion: Int? = nil) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DomainError.invalid("请写下承办单位的答复") }
        try database.write {
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "登记答复", allowed: [.dispatched], session: session)
            try database.execute("""
                UPDATE dispatches SET replied_on = ?, reply = ?
                WHERE id = (SELECT max(id) FROM dispatches WHERE case_id = ? AND round = ?)
                """, [clock.today, text, caseID, record.round])
            try setStatus(record, .replied)
            try addEvent(.replied, caseID: caseID, text: text, session: session)
        }
    }

    /// The resident has been told the result (反馈).
    public func recordFeedback(caseID: Int64, text: String, session: Session, expectedVersion: Int? = nil) throws {
        try database.write {
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "登记反馈", allowed: [.replied], session: session)
            try setStatus(record, .feedback)
            try addEvent(.feedback, caseID: caseID, text: text.isEmpty ? "已向群众反馈办理结果" : text, session: session)
        }
    }

    /// The resident's rating: satisfied or basically satisfied makes the case ready to close;
    /// unsatisfied waits for a supervisor to reopen it (or close it with a written reason).
    public func rate(caseID: Int64, result: Satisfaction, attitude: Satisfaction? = nil, comment: String = "",
                     session: Session, expectedVersion: Int? = nil) throws {
        try database.write {
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "测评",
                                           allowed: [.replied, .feedback], session: session)
            try database.execute(
                "INSERT INTO ratings(case_id, round, result, attitude, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?)",
                [caseID, record.round, result, attitude, comment, clock.now()])
            try setStatus(record, result.countsAsSatisfied ? .readyToClose : .unsatisfied)
            var text = "群众评价：\(result.label)"
            if let attitude { text += "；办理态度：\(attitude.label)" }
            if !comment.isEmpty { text += "。\(comment)" }
            try addEvent(.rated, caseID: caseID, text: text, session: session)
        }
    }

    /// Strikes the case off (销号). A case the resident has not rated satisfied needs a written reason.
    public func close(caseID: Int64, reason: String = "", session: Session, expectedVersion: Int? = nil) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try database.write {
            // Closing what the resident did not rate satisfied is a supervisor's act: said as such first.
            if try caseRecord(id: caseID).status != .readyToClose { try session.require(.closeWithReason) }
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "销号",
                                           allowed: Set(CaseStatus.allCases).subtracting([.closed]), session: session)
            if record.status != .readyToClose && reason.isEmpty { throw DomainError.reasonRequired("未经群众满意测评的销号") }
            try setStatus(record, .closed, extra: ", closed_on = ?, close_reason = ?", [clock.today, reason])
            try addEvent(.closed, caseID: caseID, text: reason.isEmpty ? "群众满意，销号" : reason, session: session)
        }
    }

    /// Sends an unsatisfied or closed case round again: round + 1, to be dispatched anew.
    public func reopen(caseID: Int64, reason: String, session: Session, expectedVersion: Int? = nil) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw DomainError.reasonRequired("重新交办") }
        try database.write {
            let record = try caseForUpdate(caseID, expectedVersion: expectedVersion, action: "重新交办",
                                           allowed: [.unsatisfied, .closed], session: session)
            try setStatus(record, .triaged, extra: ", round = round + 1, due_date = NULL, closed_on = NULL, close_reason = ''")
            try addEvent(.reopened, caseID: caseID, text: "第 \(record.round + 1) 轮：\(reason)", session: session)
        }
    }

    /// A supervision note (督办) on the timeline.
    public func supervise(caseID: Int64, note: String, session: Session) throws {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw DomainError.invalid("督办意见不能为空") }
        try database.write {
            let record = try caseRecord(id: caseID)
            try session.requireAct(onCaseOf: record.responsibleDeputyID)
            guard record.status.isOpen else { throw DomainError.wrongStatus(action: "督办", status: record.status) }
            try addEvent(.supervised, caseID: caseID, text: note, session: session)
        }
    }
}

/// The per-station yearly case code: 2026-0042.
public enum CaseCode {
    public static func format(year: Int, serial: Int) -> String {
        let digits = String(serial)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
