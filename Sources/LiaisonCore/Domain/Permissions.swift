/// What each role may do: the one table the store asks before every write, and the desk asks before it
/// offers a key. The desk leaves what a role may not do off the hint bar and dims it in help; the core
/// refuses it whatever the screen showed.
public enum Permission: Sendable, CaseIterable {
    /// Register, call, hand to a deputy, answer on the spot, open a case from a visit, refer, mark left.
    case receiveResidents
    /// Act on a case on the board; a deputy only on their own (`Session.mayAct(onCaseOf:)`).
    case actOnCases
    /// Close a case the resident did not rate satisfied, with a written reason.
    case closeWithReason
    /// Approve or refuse a department's request for a later due date.
    case decideExtensions
    /// Send a case up to the higher-level people's congress, and record its answer.
    case escalate
    /// Recount provisional due dates once their year's holidays are loaded.
    case recomputeDueDates
    /// Deputies, legal officers, departments, categories, the station's settings, the holiday calendar.
    case manageDirectory
    /// Who signs in, with which role and PIN.
    case manageOperators
    /// Read the audit log, back up the file.
    case keepRecords
    /// Anonymise a resident at their request.
    case anonymize
    /// See a resident's full phone number (after the reveal key; audited).
    case revealPhone
    /// See a resident's full ID number (after the reveal key; audited).
    case revealIDNumber
    /// Meetings, their agenda items, participants and minutes.
    case planMeetings
    /// The duty roster (值班表), and which residents each deputy keeps in touch with.
    case keepDutyRecords
    /// Enter a duty entry (积分申请); a deputy their own.
    case applyForDuty
    /// Approve or refuse a duty entry.
    case approveDuty
    /// Log a deputy's contact with a resident they keep in touch with; a deputy their own.
    case logContacts
    /// Ask the departments and deputies below the satisfaction line to explain in writing.
    case askForExplanations

    public var roles: Set<OperatorRole> {
        switch self {
        case .receiveResidents: [.clerk, .supervisor, .admin]
        case .actOnCases: [.deputy, .supervisor, .admin]
        case .closeWithReason, .decideExtensions, .escalate, .approveDuty: [.supervisor]
        case .applyForDuty, .logContacts: [.clerk, .deputy, .supervisor, .admin]
        case .manageDirectory, .manageOperators, .keepRecords, .anonymize, .revealIDNumber: [.admin]
        case .revealPhone: [.clerk, .supervisor, .admin]
        case .planMeetings: [.clerk, .supervisor, .admin]
        case .recomputeDueDates: [.supervisor, .admin]
        case .keepDutyRecords, .askForExplanations: [.supervisor, .admin]
        }
    }

    public var label: String {
        switch self {
        case .receiveResidents: "接待来访"
        case .actOnCases: "办理诉求"
        case .closeWithReason: "未经满意测评销号"
        case .decideExtensions: "审批延期"
        case .escalate: "上报上级人大"
        case .recomputeDueDates: "重算待定期限"
        case .manageDirectory: "维护名录和设置"
        case .manageOperators: "管理操作员"
        case .keepRecords: "查看审计日志或备份"
        case .anonymize: "匿名化居民"
        case .revealPhone: "查看完整电话"
        case .revealIDNumber: "查看完整身份证号"
        case .planMeetings: "安排会议"
        case .keepDutyRecords: "排班和分配联系群众"
        case .applyForDuty: "登记履职"
        case .approveDuty: "审批履职积分"
        case .logContacts: "登记联系群众"
        case .askForExplanations: "要求书面说明满意率"
        }
    }

    /// The roles that may, said as the desk says them (督办人员或管理员).
    public var rolesLabel: String {
        OperatorRole.allCases.filter(roles.contains).map(\.label).joined(separator: "或")
    }
}

extension Session {
    public func may(_ permission: Permission) -> Bool { permission.roles.contains(role) }

    /// What the desk says when this operator's role may not do it: who may (只有管理员可以维护名录和设置).
    public func refusal(of permission: Permission) -> String {
        "\(role.label)不能\(permission.label)：须由\(permission.rolesLabel)操作"
    }

    /// Refuses, in Chinese, what this operator's role may not do.
    func require(_ permission: Permission) throws {
        guard may(permission) else { throw DomainError.invalid(refusal(of: permission)) }
    }

    /// Whether this operator may act on a case whose responsible deputy is `deputyID`: supervisors and
    /// admins on every case, a deputy on their own.
    public func mayAct(onCaseOf deputyID: Int64?) -> Bool {
        guard may(.actOnCases) else { return false }
        return role != .deputy || (deputyID != nil && deputyID == self.deputyID)
    }

    func requireAct(onCaseOf deputyID: Int64?) throws {
        try require(.actOnCases)
        guard mayAct(onCaseOf: deputyID) else { throw DomainError.invalid("代表只能办理自己负责的诉求") }
    }
}
