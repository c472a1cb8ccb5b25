/// Who is at the keyboard: the signed-in operator (操作员). Every store write takes one, checks its role
/// and records its id.
public struct Session: Hashable, Sendable {
    public let operatorID: Int64?
    public let name: String
    public let role: OperatorRole
    /// The deputy a deputy's operator is: the cases that are their own.
    public let deputyID: Int64?

    public init(operatorID: Int64? = nil, name: String, role: OperatorRole, deputyID: Int64? = nil) {
        self.operatorID = operatorID
        self.name = name
        self.role = role
        self.deputyID = deputyID
    }

    /// Nobody signed in: what the desk holds behind the sign-in layer (which keeps every key from it), and
    /// who a failed sign-in is recorded as. It has no operator and the least role.
    public static let signedOut = Session(name: "未登录", role: .clerk)
    /// An administrator's command in the shell (the file's owner runs it).
    public static let commandLine = Session(name: "命令行", role: .admin)
    /// The program itself (the demo generator, the benchmark).
    public static let system = Session(name: "系统", role: .admin)
}
