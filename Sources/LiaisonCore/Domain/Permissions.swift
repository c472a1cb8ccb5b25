/// What each role may do: the one table the store asks before every write that is not a step of a
/// case (those follow the case's transitions). The desk shows what a role may not do dimmed; the core
/// refuses it whatever the screen showed.
public enum Permission: Sendable {
    /// Register, call, hand to a deputy, answer on the spot, open a case from a visit, refer, mark left.
    case receiveResidents
    /// Deputies, legal officers, departments, categories, stations, operators, the holiday calendar.
    case manageDirectory
    /// Meetings, their agenda items, participants and minutes.
    case planMeetings
    /// The duty roster and the duty log with its points.
    case keepDutyRecords

    public var roles: Set<OperatorRole> {
        switch self {
        case .receiveResidents: [.clerk, .deputy, .supervisor, .admin]
        case .manageDirectory: [.admin]
        case .planMeetings: [.clerk, .supervisor, .admin]
        case .keepDutyRecords: [.supervisor, .admin]
        }
    }

    public var label: String {
        switch self {
        case .receiveResidents: "接待来访"
        case .manageDirectory: "维护名录和设置"
        case .planMeetings: "安排会议"
        case .keepDutyRecords: "排班和登记履职"
        }
    }
}

extension Session {
    public func may(_ permission: Permission) -> Bool { permission.roles.contains(role) }

    /// What the desk says when this operator's role may not do it (工作人员不能维护名录和设置).
    public func refusal(of permission: Permission) -> String { "\(role.label)不能\(permission.label)" }

    /// Refuses, in Chinese, what this operator's role may not do.
    func require(_ permission: Permission) throws {
        guard may(permission) else { throw DomainError.invalid(refusal(of: permission)) }
    }
}
