import Foundation

/// A resident a deputy keeps in touch with (联系群众), with this month's contact.
public struct ContactAssignment: Hashable, Sendable {
    public let assignmentID: Int64
    public let residentID: Int64
    public let name: String
    public let maskedPhone: String
    public let community: String
    public let lastContact: Day?

    /// Contacted in the month of `day`.
    public func contacted(inMonthOf day: Day) -> Bool {
        lastContact.map { $0.year == day.year && $0.month == day.month } ?? false
    }
}

/// How a deputy stands with the residents they keep in touch with this month.
public struct ContactStanding: Hashable, Sendable {
    public let deputy: Deputy
    /// How many the station asks a deputy of this level to keep in touch with.
    public let required: Int
    public let assigned: Int
    public let contacted: Int

    /// Fewer residents than asked, or some not yet contacted this month.
    public var isBehind: Bool { assigned < required || contacted < assigned }

    /// 未联系 2 人、少分配 1 人.
    public var missing: String {
        [(assigned - contacted, "本月未联系 %d 人"), (required - assigned, "少分配 %d 人")]
            .filter { $0.0 > 0 }.map { $0.1.replacingOccurrences(of: "%d", with: String($0.0)) }.joined(separator: "、")
    }
}

/// One contact as typed.
public struct ContactDraft: Sendable {
    public var deputyID: Int64
    public var residentID: Int64
    public var day: Day
    public var method: ContactMethod
    /// What the resident raised; with `openCase` it becomes a case in the same step.
    public var raised: String
    public var openCase: Bool

    public init(deputyID: Int64, residentID: Int64, day: Day, method: ContactMethod, raised: String = "", openCase: Bool = false) {
        self.deputyID = deputyID
        self.residentID = residentID
        self.day = day
        self.method = method
        self.raised = raised
        self.openCase = openCase
    }

    public static let raisedLimit = 2000
}

extension LiaisonStore {
    /// Gives a deputy a resident to keep in touch with.
    public func assignResident(_ residentID: Int64, to deputyID: Int64, session: Session) throws {
        try session.require(.keepDutyRecords)
        try database.write {
            guard let deputy = try database.fetchOne("SELECT name, active FROM deputies WHERE id = ? AND station_id = ?",
                                                     [deputyID, station.id], { ($0.string(0), $0.bool(1)) }) else {
                throw DomainError.notFound("这位代表")
            }
            guard deputy.1 else { throw InvalidField("deputy", "\(deputy.0) 已停用，不能分配联系群众") }
            guard let anonymized = try database.fetchOne("SELECT anonymized_at IS NOT NULL FROM residents WHERE id = ?", [residentID],
                                                         { $0.bool(0) }) else {
                throw DomainError.notFound("这位居民")
            }
            guard !anonymized else { throw InvalidField("resident", "这位居民已匿名化，不能再联系") }
            let already = try database.scalarInt("""
                SELECT count(*) FROM contact_assignments WHERE deputy_id = ? AND resident_id = ? AND ended_on IS NULL
                """, [deputyID, residentID]) ?? 0
            guard already == 0 else { throw InvalidField("resident", "已分配给 \(deputy.0)") }
            try database.execute("INSERT INTO contact_assignments(deputy_id, resident_id, assigned_on) VALUES (?, ?, ?)",
                                 [deputyID, residentID, today])
        }
    }

    /// Gives a deputy a resident typed by name and phone (found, or recorded as new), in one transaction:
    /// a refused assignment records nobody.
    @discardableResult
    public func assignResident(_ draft: ResidentDraft, to deputyID: Int64, session: Session) throws -> Int64 {
        try session.require(.keepDutyRecords)
        return try database.write {
            let resident = try findOrCreateResident(draft, session: session).id
            try assignResident(resident, to: deputyID, session: session)
            return resident
        }
    }

    /// Ends an assignment (the resident moved away); the contacts logged stay.
    public func endAssignment(_ assignmentID: Int64, session: Session) throws {
        try session.require(.keepDutyRecords)
        try database.write {
            try database.execute("UPDATE contact_assignments SET ended_on = ? WHERE id = ? AND ended_on IS NULL", [today, assignmentID])
            guard database.changes == 1 else { throw DomainError.invalid("这位居民已不在联系名单上（可能是另一终端刚改过）") }
        }
    }

    /// The residents a deputy keeps in touch with now, with their latest contact.
    public func contactAssignments(deputyID: Int64) throws -> [ContactAssignment] {
        try database.fetchAll("""
            SELECT a.id, r.id, r.name, r.phone, r.anonymized_at IS NOT NULL, r.community,
                   (SELECT max(day) FROM resident_contacts c WHERE c.deputy_id = a.deputy_id AND c.resident_id = a.resident_id)
            FROM contact_assignments a JOIN residents r ON r.id = a.resident_id
            WHERE a.deputy_id = ? AND a.ended_on IS NULL ORDER BY a.id
            """, [deputyID]) { row in
            ContactAssignment(assignmentID: row.int64(0), residentID: row.int64(1), name: row.string(2),
                         maskedPhone: PhoneNumber.shown(row.optionalString(3), anonymized: row.bool(4)), community: row.string(5),
                         lastContact: try row.optionalDay(6))
        }
    }

    /// Logs a contact; a raised problem with `openCase` becomes a case the deputy is responsible for, in
    /// the same transaction. Returns the case opened, if any.
    @discardableResult
    public func logContact(_ draft: ContactDraft, session: Session) throws -> CaseRecord? {
        try session.require(.logContacts)
        if session.role == .deputy, session.deputyID != draft.deputyID { throw DomainError.invalid("代表只能登记自己联系群众的情况") }
        guard draft.day <= today else { throw InvalidField("day", "不能登记今天以后的联系") }
        let raised = draft.raised.trimmingCharacters(in: .whitespacesAndNewlines)
        guard raised.count <= ContactDraft.raisedLimit else { throw InvalidField("raised", "太长（最多 \(ContactDraft.raisedLimit) 个字）") }
        if draft.openCase, raised.isEmpty { throw InvalidField("raised", "转为诉求须写明反映的问题") }
        return try database.write {
            let assigned = try database.scalarInt("""
                SELECT count(*) FROM contact_assignments WHERE deputy_id = ? AND resident_id = ? AND ended_on IS NULL
                """, [draft.deputyID, draft.residentID]) ?? 0
            guard assigned > 0 else { throw InvalidField("resident", "这位居民不在该代表的联系名单上") }
            var opened: CaseRecord?
            if draft.openCase {
                // The first line is the case's title, as a reception desk's problem is.
                let title = String(raised.split(whereSeparator: \.isNewline).first ?? "").prefix(60)
                opened = try insertCase(CaseDraft(title: String(title), description: raised, responsibleDeputyID: draft.deputyID),
                                        residentID: draft.residentID, sourceVisitID: nil, status: .registered, session: session)
            }
            try database.execute("""
                INSERT INTO resident_contacts(deputy_id, resident_id, day, method, raised, case_id, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [draft.deputyID, draft.residentID, draft.day, draft.method, raised, opened?.id, session.operatorID])
            return opened
        }
    }

    /// Every active deputy asked to keep in touch with residents, or given some, with this month's standing.
    public func contactStandings(inMonthOf day: Day) throws -> [ContactStanding] {
        let first = Day.firstOfMonth(year: day.year, month: day.month)
        let last = first.adding(days: Day.daysIn(year: day.year, month: day.month) - 1)
        let quotas = try settings().quotas
        let figures = Dictionary(uniqueKeysWithValues: try database.fetchAll("""
            SELECT a.deputy_id, count(*),
                   sum(EXISTS (SELECT 1 FROM resident_contacts c WHERE c.deputy_id = a.deputy_id AND c.resident_id = a.resident_id
                                                                  AND c.day BETWEEN ? AND ?))
            FROM contact_assignments a WHERE a.ended_on IS NULL GROUP BY a.deputy_id
            """, [first, last]) { ($0.int64(0), ($0.int(1), $0.int(2))) })
        return try deputies(inStrokeOrder: true).compactMap { deputy in
            let required = (quotas[deputy.level] ?? .standard(for: deputy.level)).contacts
            let (assigned, contacted) = figures[deputy.id] ?? (0, 0)
            guard required > 0 || assigned > 0 else { return nil }
            return ContactStanding(deputy: deputy, required: required, assigned: assigned, contacted: contacted)
        }
    }
}
