import Foundation

/// An operator (操作员) as the administration screen and `operator list` show them.
public struct OperatorRecord: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let role: OperatorRole
    public let deputyID: Int64?
    public let deputyName: String?
    public let active: Bool
}

/// A PIN as operators type it: 4 to 12 ASCII digits, checked before it is hashed.
public enum PIN {
    public static let lengths = 4...12

    /// A PIN as typed, full-width digits (an IME's) made ASCII.
    public static func typed(_ pin: String) -> String { pin.halfWidthDigits }

    public static func check(_ pin: String) throws {
        guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw InvalidField("pin", "PIN 只能是数字") }
        guard lengths.contains(pin.count) else {
            throw InvalidField("pin", "PIN 应为 \(lengths.lowerBound) 到 \(lengths.upperBound) 位数字")
        }
    }

    /// The PIN checked, then hashed as it is stored.
    static func hashed(_ pin: String) throws -> String {
        let pin = typed(pin)
        try check(pin)
        guard let hash = PINHash.hash(pin) else { throw DomainError.invalid("系统无法生成 PIN 摘要（libcrypt）") }
        return hash
    }
}

/// Wrong PINs in a row before a name is locked, and for how long. The count is kept per name typed,
/// whether or not an operator has it, so the answer never tells who exists.
public enum SignInLimits {
    public static let failures = 5
    public static let lockSeconds = 60
}

/// Why a sign-in did not succeed, said without telling whether the operator exists.
public enum SignInRefusal: UserFacingError, Equatable {
    case wrongNameOrPIN(left: Int)
    case locked(seconds: Int)

    public var userMessage: String {
        switch self {
        case .wrongNameOrPIN(let left):
            "操作员或 PIN 不对" + (left < SignInLimits.failures - 1 ? "（再错 \(left) 次将锁定 1 分钟）" : "")
        case .locked(let seconds): "连续输错 \(SignInLimits.failures) 次，已锁定：\(seconds) 秒后再试"
        }
    }
}

extension LiaisonStore {
    /// The station's operators, those in use first, in the order they were added.
    public func operators() throws -> [OperatorRecord] {
        try database.fetchAll("""
            SELECT o.id, o.name, o.role, o.deputy_id, d.name, o.active FROM operators o
            LEFT JOIN deputies d ON d.id = o.deputy_id ORDER BY o.active DESC, o.id
            """) {
            OperatorRecord(id: $0.int64(0), name: $0.string(1), role: try $0.value(2, as: OperatorRole.self),
                           deputyID: $0.optionalInt64(3), deputyName: $0.optionalString(4), active: $0.bool(5))
        }
    }

    public func operatorRecord(named name: String) throws -> OperatorRecord? {
        try operators().first { $0.name == name }
    }

    /// Creates an operator who signs in with `pin` (stored only as a yescrypt hash). A deputy's operator
    /// is linked to the deputy's record, which must be in use.
    @discardableResult
    public func createOperator(name: String, role: OperatorRole, pin: String, deputyID: Int64? = nil,
                               session: Session) throws -> Int64 {
        try session.require(.manageOperators)
        let name = try DraftCheck.personName(name)
        let hash = try PIN.hashed(pin)
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM operators WHERE name = ?", [name]) != nil {
                throw InvalidField("name", "已有名为「\(name)」的操作员")
            }
            try checkDeputyLink(role: role, deputyID: deputyID, operatorID: nil)
            try database.execute("INSERT INTO operators(name, role, pin_hash, deputy_id) VALUES (?, ?, ?, ?)",
                                 [name, role, hash, role == .deputy ? deputyID : nil])
            let id = database.lastInsertedRowID
            try audit("operator.create", subject: name, detail: role.label, session: session)
            return id
        }
    }

    /// Changes an operator's role (and the deputy a deputy's operator is). The last admin in use keeps
    /// the role, so the station is never left without one.
    public func updateOperator(id: Int64, role: OperatorRole, deputyID: Int64?, session: Session) throws {
        try session.require(.manageOperators)
        try database.write {
            let record = try requireOperator(id)
            if record.role == .admin, role != .admin, record.active { try requireAnotherAdmin(than: id) }
            try checkDeputyLink(role: role, deputyID: deputyID, operatorID: id)
            let deputyID = role == .deputy ? deputyID : nil
            guard record.role != role || record.deputyID != deputyID else { return }
            try database.execute("UPDATE operators SET role = ?, deputy_id = ? WHERE id = ?", [role, deputyID, id])
            try audit("operator.update", subject: record.name, detail: "\(record.role.label) → \(role.label)", session: session)
        }
    }

    /// Sets a new PIN: an admin for anyone, an operator for themselves.
    public func changePIN(operatorID id: Int64, to pin: String, session: Session) throws {
        if session.operatorID != id { try session.require(.manageOperators) }
        let hash = try PIN.hashed(pin)
        try database.write {
            let record = try requireOperator(id)
            try database.execute("UPDATE operators SET pin_hash = ? WHERE id = ?", [hash, id])
            try database.execute("DELETE FROM sign_in_attempts WHERE name = ?", [record.name])
            try audit("operator.passwd", subject: record.name, session: session)
        }
    }

    /// Disables an operator (or brings one back); nobody is deleted, so what they did keeps their name.
    /// The last admin in use cannot be disabled.
    public func setOperatorActive(id: Int64, _ active: Bool, session: Session) throws {
        try session.require(.manageOperators)
        try database.write {
            let record = try requireOperator(id)
            guard record.active != active else { return }
            if !active, record.role == .admin { try requireAnotherAdmin(than: id) }
            if active, record.role == .deputy { try checkDeputyLink(role: .deputy, deputyID: record.deputyID, operatorID: id) }
            try database.execute("UPDATE operators SET active = ? WHERE id = ?", [active, id])
            try audit(active ? "operator.restore" : "operator.disable", subject: record.name, session: session)
        }
    }

    private func requireOperator(_ id: Int64) throws -> OperatorRecord {
        guard let record = try operators().first(where: { $0.id == id }) else { throw DomainError.notFound("这位操作员") }
        return record
    }

    private func requireAnotherAdmin(than id: Int64) throws {
        let others = try database.scalarInt("SELECT count(*) FROM operators WHERE role = 'admin' AND active = 1 AND id <> ?", [id]) ?? 0
        guard others > 0 else { throw DomainError.invalid("这是唯一在用的管理员：先让另一位操作员成为管理员") }
    }

    /// A deputy's operator is one deputy in use, who has no other operator in use (their cases are theirs).
    private func checkDeputyLink(role: OperatorRole, deputyID: Int64?, operatorID: Int64?) throws {
        guard role == .deputy else { return }
        guard let deputyID else { throw InvalidField("deputy", "代表身份的操作员须对应一位代表") }
        let name: String
        do {
            name = try requireInUse(.deputies, id: deputyID)
        } catch let error as DomainError {
            throw InvalidField("deputy", error.userMessage)
        }
        if let other = try database.scalarString("SELECT name FROM operators WHERE deputy_id = ? AND active = 1 AND id IS NOT ?",
                                                  [deputyID, operatorID]) {
            throw InvalidField("deputy", "代表 \(name) 已有操作员 \(other)")
        }
    }

    /// The operator whose PIN this is. A wrong PIN, or a name nobody has, gets the same answer; five in a
    /// row lock the name for a minute (on the store's clock). Failures and lockouts are audited.
    public func signIn(name: String, pin: String) throws -> Session {
        let name = name.trimmingCharacters(in: .whitespaces)
        let now = clock.now()
        // The failure is committed (counted and audited) before it is said.
        let outcome: Result<Session, SignInRefusal> = try database.write {
            let (failures, lockedUntil) = try database.fetchOne(
                "SELECT failures, locked_until FROM sign_in_attempts WHERE name = ?", [name]) {
                ($0.int(0), try $0.optionalLocalTime(1))
            } ?? (0, nil)
            if let lockedUntil, now < lockedUntil { return .failure(.locked(seconds: max(1, now.seconds(until: lockedUntil)))) }
            let found = try database.fetchOne(
                "SELECT id, pin_hash, role, deputy_id FROM operators WHERE name = ? AND active = 1", [name]) {
                ($0.int64(0), $0.string(1), try $0.value(2, as: OperatorRole.self), $0.optionalInt64(3))
            }
            if let (id, hash, role, deputyID) = found, PINHash.verify(PIN.typed(pin), against: hash) {
                try database.execute("DELETE FROM sign_in_attempts WHERE name = ?", [name])
                return .success(Session(operatorID: id, name: name, role: role, deputyID: deputyID))
            }
            // A lock that ran out starts the count again.
            let count = (lockedUntil == nil ? failures : 0) + 1
            let locks = count >= SignInLimits.failures
            try database.execute("""
                INSERT INTO sign_in_attempts(name, failures, locked_until) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
                """, [name, locks ? 0 : count, locks ? now.adding(seconds: SignInLimits.lockSeconds) : nil])
            // Nobody signed in: the row names who was tried, never as the one who did it.
            try audit(locks ? "signin.locked" : "signin.failed", subject: name, session: .signedOut)
            return .failure(locks ? .locked(seconds: SignInLimits.lockSeconds) : .wrongNameOrPIN(left: SignInLimits.failures - count))
        }
        return try outcome.get()
    }
}
