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

    /// Fewer residents than asked, or fewer contacted this month than asked (of those given: a deputy
    /// with more residents than asked meets the month with as many as asked).
    public var isBehind: Bool { ContactStanding.isBehind(required: required, assigned: assigned, contacted: contacted) }

    static func isBehind(required: Int, assigned: Int, contacted: Int) -> Bool { assigned < required || contacted < min(required, assigned) }

    /// 未联系 2 人、少分配 1 人.
    public var missing: String {
        var missing: [String] = []
        if contacted < min(required, assigned) { missing.append("本月未联系 \(min(required, assigned) - contacted) 人") }
        if assigned < required { missing.append("少分配 \(required - assigned) 人") }
        return missing.joined(separator: "、")
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
            try audit("contacts.assign", subject: deputy.0, detail: "居民 #\(residentID)", session: session)
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
            guard let (deputy, resident) = try database.fetchOne("""
                SELECT d.name, a.resident_id FROM contact_assignments a JOIN deputies d ON d.id = a.deputy_id
                WHERE a.id = ? AND a.ended_on IS NULL AND d.station_id = ?
                """, [assignmentID, station.id], { ($0.string(0), $0.int64(1)) }) else {
                throw DomainError.invalid("这位居民已不在联系名单上（可能是另一终端刚改过）")
            }
            try database.execute("UPDATE contact_assignments SET ended_on = ? WHERE id = ?", [today, assignmentID])
            try audit("contacts.end", subject: deputy, detail: "居民 #\(resident)", session: session)
        }
    }

    /// The residents a deputy keeps in touch with now, with their latest contact.
    public func contactAssignments(deputyID: Int64) throws -> [ContactAssignment] {
        try database.fetchAll("""
            SELECT a.id, r.id, r.name, r.phone, r.anonymized_at IS NOT NULL, r.community,
                   a.last_contact
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

    /// Every active deputy asked to keep in touch with residents, or given some (`deputyID`: that one alone),
    /// with this month's standing: those behind first, each part in stroke order. The first `limit` lines
    /// are read out, with how many there are and how many are behind.
    public func contactStandings(deputyID: Int64? = nil, limit: Int = -1) throws -> (standings: ListPart<ContactStanding>, behind: Int) {
        let quotas = try settings().quotas
        let figures = try contactFigures()
        var behind: [(id: Int64, required: Int, assigned: Int, contacted: Int)] = []
        var onTrack = behind
        for (id, level) in try deputyLevels(deputyID: deputyID) {
            let required = (quotas[level] ?? .standard(for: level)).contacts
            let (assigned, contacted) = figures[id] ?? (0, 0)
            guard required > 0 || assigned > 0 else { continue }
            if ContactStanding.isBehind(required: required, assigned: assigned, contacted: contacted) {
                behind.append((id, required, assigned, contacted))
            } else {
                onTrack.append((id, required, assigned, contacted))
            }
        }
        let shown = limit < 0 ? (behind + onTrack)[...] : (behind + onTrack).prefix(limit)
        let records = try deputies(ids: shown.map(\.id))
        return (ListPart(lines: shown.compactMap { line in
            records[line.id].map { ContactStanding(deputy: $0, required: line.required, assigned: line.assigned, contacted: line.contacted) }
        }, total: behind.count + onTrack.count), behind.count)
    }

    /// Per deputy: residents kept in touch with now, and of those, contacted this month (their latest
    /// contact in this month's bounds, as `ContactAssignment.contacted(inMonthOf:)` says it). Looked up by
    /// the station's own deputies, read through the covering index.
    private func contactFigures() throws -> [Int64: (assigned: Int, contacted: Int)] {
        let first = Day.firstOfMonth(year: today.year, month: today.month)
        return Dictionary(uniqueKeysWithValues: try database.fetchAll("""
            SELECT deputy_id, count(*), coalesce(sum(last_contact BETWEEN ? AND ?), 0) FROM contact_assignments
            WHERE ended_on IS NULL GROUP BY deputy_id
            """, [first, first.adding(days: Day.daysIn(year: today.year, month: today.month) - 1)]) {
            ($0.int64(0), ($0.int(1), $0.int(2)))
        })
    }
}
