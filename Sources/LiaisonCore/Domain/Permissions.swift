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

    var label: String {
        switch self {
        case .receiveResidents: "接待来访"
        case .manageDirectory: "维护名录和设置"
        case .planMeetings: "安排会议"
        case .keepDutyRecords: "排班和登记履职"
        }
    }
}

extension Session {
    /// Refuses, in Chinese, what this operator's role may not do.
    func require(_ permission: Permission) throws {
        guard permission.roles.contains(role) else {
            throw DomainError.invalid("\(role.label)不能\(permission.label)")
        }
    }
}
