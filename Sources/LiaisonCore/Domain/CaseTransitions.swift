/// The one transition table for cases (CONVENTIONS.md): for each action, the states it is allowed from,
/// the permission it needs, the event it writes and what it is called. The store refuses anything the
/// table does not allow; the board asks the same table which keys are live for the selected case.
public enum CaseAction: String, CaseIterable, Sendable {
    case triage, dispatch, acknowledge, returnCase, supervise, requestExtension, decideExtension, swapDepartment,
         reply, feedback, rate, close, closeWithReason, reopen, escalate, answerFromAbove

    public var transition: CaseTransition { CaseTransition.table[self]! }
    public var label: String { transition.label }
}

/// What must hold besides the case's status.
public enum CaseCondition: Sendable {
    /// A department's extension request waits for a decision.
    case pendingExtension
    case noPendingExtension
    /// The department may still send the case back as not its own (the station's limit after dispatch).
    case withinReturnLimit
}

public struct CaseTransition: Sendable {
    public let action: CaseAction
    public let label: String
    public let from: Set<CaseStatus>
    public let permission: Permission
    public let event: CaseEventKind
    public let condition: CaseCondition?

    /// Every status but closed.
    static let open = Set(CaseStatus.allCases).subtracting([.closed])
    /// A department holds the case: its clock runs.
    static let held: Set<CaseStatus> = [.dispatched, .acknowledged]
    static let undispatched: Set<CaseStatus> = [.registered, .triaged]

    static let table: [CaseAction: CaseTransition] = {
        let rows: [CaseTransition] = [
            .init(.triage, "研判", from: open, .actOnCases, .triaged),
            .init(.dispatch, "交办", from: undispatched, .actOnCases, .dispatched),
            .init(.acknowledge, "接单", from: [.dispatched], .actOnCases, .acknowledged),
            .init(.returnCase, "退回", from: held, .actOnCases, .returned, condition: .withinReturnLimit),
            // 督办 chases whoever holds the case up: the department, or the station when it waits to go round again.
            .init(.supervise, "督办", from: held.union([.unsatisfied]), .actOnCases, .supervised),
            .init(.requestExtension, "延期申请", from: held, .actOnCases, .extensionRequested, condition: .noPendingExtension),
            .init(.decideExtension, "延期审批", from: held, .decideExtensions, .extended, condition: .pendingExtension),
            .init(.swapDepartment, "调整承办单位", from: held, .actOnCases, .swapped),
            .init(.reply, "登记答复", from: held, .actOnCases, .replied),
            .init(.feedback, "登记反馈", from: [.replied], .actOnCases, .feedback),
            .init(.rate, "满意度测评", from: [.feedback], .actOnCases, .rated),
            .init(.close, "销号", from: [.readyToClose], .actOnCases, .closed),
            .init(.closeWithReason, "写明理由销号", from: open.subtracting([.readyToClose]), .closeWithReason, .closed),
            .init(.reopen, "重新交办", from: [.unsatisfied], .actOnCases, .reopened),
            .init(.escalate, "上报", from: open.subtracting([.escalated, .readyToClose]), .escalate, .escalated),
            .init(.answerFromAbove, "登记上级答复", from: [.escalated], .escalate, .answeredFromAbove),
        ]
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.action, $0) })
    }()

    /// Whether a case in `status` has gone beyond this step (a dispatched case cannot be dispatched: 已交办),
    /// rather than not reached it yet (a triaged one cannot be replied to: 承办单位尚未答复) — which the
    /// refusal says. Escalated and closed cases are beyond every step; the waiting states say what they wait for.
    func passed(by status: CaseStatus) -> Bool {
        let order: [CaseStatus] = [.registered, .triaged, .dispatched, .acknowledged, .replied, .feedback]
        if status == .escalated || status == .closed { return true }
        guard let position = order.firstIndex(of: status) else { return false }
        return from.compactMap { order.firstIndex(of: $0) }.allSatisfy { $0 < position }
    }

    init(_ action: CaseAction, _ label: String, from: Set<CaseStatus>, _ permission: Permission, _ event: CaseEventKind,
         condition: CaseCondition? = nil) {
        self.action = action
        self.label = label
        self.from = from
        self.permission = permission
        self.event = event
        self.condition = condition
    }
}

/// What the table needs to know of a case beyond its status, read in the same transaction as the action.
public struct CaseFacts: Hashable, Sendable {
    public let status: CaseStatus
    public let responsibleDeputyID: Int64?
    public let pendingExtension: Bool
    /// The last day the department holding the case may send it back; nil when none holds it.
    public let returnDeadline: Day?
    public let today: Day

    public init(status: CaseStatus, responsibleDeputyID: Int64?, pendingExtension: Bool = false, returnDeadline: Day? = nil,
                today: Day) {
        self.status = status
        self.responsibleDeputyID = responsibleDeputyID
        self.pendingExtension = pendingExtension
        self.returnDeadline = returnDeadline
        self.today = today
    }
}

extension CaseAction {
    /// Refuses, in Chinese, what the table does not allow this operator to do to this case now: a role that
    /// may never do it first (who may), then where the case stands (不能销号：群众尚未评价), then the rest.
    public func check(_ facts: CaseFacts, session: Session) throws {
        let row = transition
        try session.require(row.permission)
        guard row.from.contains(facts.status) else {
            throw DomainError.wrongStatus(action: row.label, status: facts.status, passed: row.passed(by: facts.status))
        }
        if row.permission == .actOnCases { try session.requireAct(onCaseOf: facts.responsibleDeputyID) }
        switch row.condition {
        case .pendingExtension? where !facts.pendingExtension:
            throw DomainError.invalid("不能\(row.label)：承办单位没有待审批的延期申请")
        case .noPendingExtension? where facts.pendingExtension:
            throw DomainError.invalid("不能\(row.label)：上一次延期申请尚待审批")
        case .withinReturnLimit?:
            if let deadline = facts.returnDeadline, facts.today > deadline {
                throw DomainError.invalid("不能\(row.label)：已过退回期限（\(deadline.iso)），请调整承办单位")
            }
        default: break
        }
    }

    public func isLive(_ facts: CaseFacts, session: Session) -> Bool { (try? check(facts, session: session)) != nil }

    /// The actions this operator may take on this case now, in the table's order.
    public static func live(_ facts: CaseFacts, session: Session) -> [CaseAction] {
        allCases.filter { $0.isLive(facts, session: session) }
    }
}
