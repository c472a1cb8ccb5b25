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
    /// The due date was counted through a year whose holidays are not loaded (待定期限).
    public let dueProvisional: Bool
    public let residentID: Int64?
    public let responsibleDeputyID: Int64?
    public let sourceVisitID: Int64?
    public let openedOn: Day
    public let closedOn: Day?
    public let closeReason: String
    /// A supervisor closed it with a written reason, not on a satisfied rating: the statistics keep these apart.
    public let closedWithReason: Bool
    public let version: Int

    static let columns = """
        id, code, title, description, category_id, tier, status, round, department_id, due_date, due_provisional,
        resident_id, responsible_deputy_id, source_visit_id, opened_on, closed_on, close_reason, closed_with_reason, version
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
        dueProvisional = row.int(10) != 0
        residentID = row.optionalInt64(11)
        responsibleDeputyID = row.optionalInt64(12)
        sourceVisitID = row.optionalInt64(13)
        openedOn = try row.day(14)
        closedOn = try row.optionalDay(15)
        closeReason = row.string(16)
        closedWithReason = row.int(17) != 0
        version = row.int(18)
    }

    public func isOverdue(on today: Day) -> Bool { Overdue.includes(status: status, dueDate: dueDate, on: today) }
}

public enum CaseEventKind: String, Labelled {
    case registered, answeredOnSpot, triaged, dispatched, acknowledged, returned, supervised, extensionRequested, extended,
         swapped, replied, feedback, rated, reopened, closed, escalated, answeredFromAbove, dueRecomputed, note, meeting
    public var label: String {
        switch self {
        case .registered: "登记"
        case .answeredOnSpot: "当场答复"
        case .triaged: "研判"
        case .dispatched: "交办"
        case .acknowledged: "接单"
        case .returned: "退回"
        case .supervised: "督办"
        case .extensionRequested: "延期申请"
        case .extended: "延期审批"
        case .swapped: "调整承办单位"
        case .replied: "答复"
        case .feedback: "反馈"
        case .rated: "测评"
        case .reopened: "重新交办"
        case .closed: "销号"
        case .escalated: "上报"
        case .answeredFromAbove: "上级答复"
        case .dueRecomputed: "期限重算"
        case .note: "备注"
        case .meeting: "会议"
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
        try database.execute(SearchSQL.index, [id, title + " " + draft.description + " "])
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

    /// What the transition table needs to know of a case besides its status.
    public func facts(of record: CaseRecord) throws -> CaseFacts {
        let pending = try database.scalarInt(
            "SELECT count(*) FROM extension_requests WHERE case_id = ? AND round = ? AND decided_on IS NULL",
            [record.id, record.round]) ?? 0
        let returnDeadline = try currentDispatch(of: record).map { calendar.adding(workingDays: try returnLimitDays(), to: $0.dispatchedOn) }
        return CaseFacts(status: record.status, responsibleDeputyID: record.responsibleDeputyID, pendingExtension: pending > 0,
                         returnDeadline: returnDeadline, today: today)
    }

    /// The actions the signed-in operator may take on the case now: the board's live keys.
    public func liveActions(on record: CaseRecord, session: Session) throws -> [CaseAction] {
        CaseAction.live(try facts(of: record), session: session)
    }

    /// Loads a case inside the current write and asks the transition table whether this operator may take
    /// this action on it now, after checking that nobody changed it since the caller read it.
    func caseForUpdate(_ id: Int64, action: CaseAction, expectedVersion: Int?, session: Session) throws -> CaseRecord {
        let record = try caseRecord(id: id)
        if let expectedVersion, expectedVersion != record.version { throw DomainError.changedElsewhere(record.code) }
        try action.check(try facts(of: record), session: session)
        return record
    }

    /// Moves the case on and bumps its version, refusing when another terminal moved it first.
    func update(_ record: CaseRecord, status: CaseStatus, set extra: String = "", _ arguments: [SQLBindable?] = []) throws {
        try database.execute("UPDATE cases SET status = ?, version = version + 1\(extra) WHERE id = ? AND version = ?",
                             [status] + arguments + [record.id, record.version])
        guard database.changes == 1 else { throw DomainError.changedElsewhere(record.code) }
    }

    /// Takes one action through the table in one transaction: load, check, act, write its event.
    @discardableResult
    func perform<T>(_ action: CaseAction, caseID: Int64, expectedVersion: Int?, session: Session,
                    _ body: (CaseRecord) throws -> (T, String)) throws -> T {
        try database.write {
            let record = try caseForUpdate(caseID, action: action, expectedVersion: expectedVersion, session: session)
            let (result, text) = try body(record)
            try addEvent(action.transition.event, caseID: caseID, text: text, session: session)
            return result
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
