/// Who is at the keyboard: the signed-in operator (操作员). Every store write takes one and every case
/// event records it. Until sign-in exists, the desk and the command line act as themselves.
public struct Session: Hashable, Sendable {
    public let operatorID: Int64?
    public let name: String
    public let role: OperatorRole

    public init(operatorID: Int64? = nil, name: String, role: OperatorRole) {
        self.operatorID = operatorID
        self.name = name
        self.role = role
    }

    /// The shared terminal before anyone signs in.
    public static let workstation = Session(name: "工作台", role: .admin)
    /// An administrator's command in the shell.
    public static let commandLine = Session(name: "命令行", role: .admin)
    /// The program itself (the demo generator).
    public static let system = Session(name: "系统", role: .admin)
}
