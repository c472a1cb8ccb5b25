import Foundation

/// A resident offered while the clerk types a phone number or a name.
public struct ResidentMatch: Hashable, Sendable {
    public let resident: Resident
    public let visits: Int
    public let openCases: Int
}

/// What the form shows beside a returning resident: earlier visits and the cases still open.
public struct ResidentHistory: Hashable, Sendable {
    public struct PastVisit: Hashable, Sendable {
        public let day: Day
        public let problem: String
        public let outcome: VisitOutcome?
        public let status: VisitStatus
    }

    public let resident: Resident
    public let visits: [PastVisit]
    public let openCases: [CaseSummary]
}

/// A deputy the clerk can hand a resident to, with how many people they have in hand right now.
public struct ReceivingDeputy: Hashable, Sendable {
    public let deputyID: Int64
    public let name: String
    public let initials: String
    public let onDuty: Bool
    public let inHand: Int
}

/// The day's figures on the reception screen.
public struct ReceptionFigures: Hashable, Sendable {
    public let received: Int
    public let waiting: Int
    public let withDeputy: Int
    public let answeredOnSpot: Int
    public let casesOpened: Int
    public let referred: Int
    public let noShow: Int
    public let left: Int
    /// Minutes from arrival to being called, over the residents called so far; nil before the first.
    public let averageWaitMinutes: Int?
}

extension LiaisonStore {
    /// Residents whose phone starts with the digits typed, or whose name contains the text or whose
    /// pinyin initials start with it. Each branch walks an index, so this stays fast with many residents.
    public func residentMatches(_ query: String, limit: Int = 8) throws -> [ResidentMatch] {
        let text = query.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        let condition: String
        let order: String
        let arguments: [SQLBindable?]
        // Each branch takes its first rows straight from an index, so a prefix shared by a hundred
        // thousand residents costs no more than one shared by three.
        if let prefix = PhoneNumber.lookupPrefix(text) {
            // Digits as typed, spaces, full-width digits and a landline's missing hyphen allowed for.
            guard prefix.filter(\.isNumber).count >= 3 else { return [] }
            condition = "r.id IN (SELECT id FROM residents WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT ?)"
            order = "r.phone, r.id"
            arguments = [prefix, prefix + "~", limit]
        } else {
            let lower = text.lowercased()
            // A name (surname first) or its pinyin initials by prefix, as a surname reads or commonly.
            condition = """
                r.id IN (SELECT id FROM (SELECT id FROM residents WHERE name >= ? AND name < ? ORDER BY name LIMIT ?)
                         UNION SELECT id FROM (SELECT id FROM residents WHERE name_initials >= ? AND name_initials < ?
                                               ORDER BY name_initials LIMIT ?)
                         UNION SELECT id FROM (SELECT id FROM residents WHERE name_initials_alt >= ? AND name_initials_alt < ?
                                               ORDER BY name_initials_alt LIMIT ?))
                """
            order = "r.name"
            arguments = [text, text + "\u{10FFFF}", limit, lower, lower + "~", limit, lower, lower + "~", limit]
        }
        return try database.fetchAll("""
            SELECT r.id, r.name, r.phone, r.id_number, r.address, r.community,
                   (SELECT count(*) FROM visits v WHERE v.resident_id = r.id),
                   (SELECT count(*) FROM cases c WHERE c.resident_id = r.id AND c.status <> 'closed')
            FROM residents r WHERE \(condition)
            ORDER BY \(order) LIMIT ?
            """, arguments + [limit]) { row in
            ResidentMatch(resident: Resident(row: row), visits: row.int(6), openCases: row.int(7))
        }
    }

    public func residentHistory(id: Int64, visitLimit: Int = 10) throws -> ResidentHistory? {
        guard let resident = try resident(id: id) else { return nil }
        let visits = try database.fetchAll("""
            SELECT day, problem, outcome, status FROM visits WHERE resident_id = ? ORDER BY day DESC, id DESC LIMIT ?
            """, [id, visitLimit]) { row in
            ResidentHistory.PastVisit(day: try row.day(0), problem: row.string(1), outcome: try row.optionalValue(2), status: try row.value(3))
        }
        return ResidentHistory(resident: resident, visits: visits, openCases: try openCases(ofResident: id))
    }

    public func openCases(ofResident residentID: Int64) throws -> [CaseSummary] {
        try database.fetchAll(CaseSummary.select + " WHERE c.resident_id = ? AND c.status <> 'closed' ORDER BY c.opened_on DESC",
                              [residentID], CaseSummary.init(row:))
    }

    /// A deputy's open cases, overdue first by due date, then the newest.
    public func openCases(ofDeputy deputyID: Int64, limit: Int = 200) throws -> [CaseSummary] {
        try database.fetchAll(CaseSummary.select + """
             WHERE c.responsible_deputy_id = ? AND c.status <> 'closed'
             ORDER BY c.due_date IS NULL, c.due_date, c.opened_on DESC LIMIT ?
            """, [deputyID, limit], CaseSummary.init(row:))
    }

    /// The open case this visit could join: the resident's own, on the same category.
    public func openCaseToJoin(visitID: Int64, categoryID: Int64?) throws -> CaseSummary? {
        guard let categoryID, let visit = try visit(id: visitID) else { return nil }
        return try database.fetchOne(CaseSummary.select + """
             WHERE c.resident_id = ? AND c.category_id = ? AND c.status <> 'closed' ORDER BY c.opened_on DESC LIMIT 1
            """, [visit.residentID, categoryID], CaseSummary.init(row:))
    }

    /// Deputies to hand a resident to: today's duty deputies first, then every other active deputy,
    /// each group with the fewest people in hand first.
    public func receivingDeputies(on day: Day) throws -> [ReceivingDeputy] {
        try database.fetchAll("""
            SELECT d.id, d.name, d.name_initials || ' ' || d.name_initials_alt,
                   EXISTS (SELECT 1 FROM duty_roster r WHERE r.station_id = ?1 AND r.day = ?2 AND r.deputy_id = d.id),
                   (SELECT count(*) FROM visits v
                    WHERE v.station_id = ?1 AND v.day = ?2 AND v.status = 'withDeputy' AND v.receiving_deputy_id = d.id)
                   AS in_hand
            FROM deputies d WHERE d.station_id = ?1 AND d.active = 1
            ORDER BY 4 DESC, in_hand, d.name_pinyin
            """, [station.id, day]) { row in
            ReceivingDeputy(deputyID: row.int64(0), name: row.string(1), initials: row.string(2), onDuty: row.int(3) == 1,
                            inHand: row.int(4))
        }
    }

    public func receptionFigures(on day: Day) throws -> ReceptionFigures {
        try database.fetchOne("""
            SELECT count(*), coalesce(sum(status = 'waiting'), 0), coalesce(sum(status = 'withDeputy'), 0),
                   coalesce(sum(outcome = 'answeredOnSpot'), 0), coalesce(sum(outcome = 'caseOpened'), 0),
                   coalesce(sum(outcome = 'referred'), 0), coalesce(sum(outcome = 'noShow'), 0), coalesce(sum(status = 'left'), 0),
                   avg((julianday(called_at) - julianday(arrived_at)) * 1440)
            FROM visits WHERE station_id = ? AND day = ?
            """, [station.id, day]) { row in
            ReceptionFigures(received: row.int(0), waiting: row.int(1), withDeputy: row.int(2), answeredOnSpot: row.int(3),
                             casesOpened: row.int(4), referred: row.int(5), noShow: row.int(6), left: row.int(7),
                             averageWaitMinutes: row.optionalDouble(8).map { Int($0.rounded()) })
        }!
    }

    /// The resident was sent elsewhere (the legal officer on duty, a department's own window).
    public func refer(visitID: Int64, to whom: String, note: String, deputyID: Int64?, expectedVersion: Int? = nil,
                      session: Session) throws {
        try session.require(.receiveResidents)
        let whom = whom.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !whom.isEmpty else { throw DomainError.invalid("请写明转介给谁") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            try finishVisit(visit, outcome: .referred, answer: "转介：\(whom)" + (note.isEmpty ? "" : "。\(note)"),
                            caseID: nil, receivedBy: deputyID, session: session)
        }
    }

    /// What became of the dispatch chosen when a visit joined an open case.
    public enum JoinedDispatch: Equatable, Sendable {
        /// The case was waiting to be dispatched: it went to the department chosen, due on this day.
        case dispatched(department: String, due: Day)
        /// The case was with a department already: that dispatch stands.
        case stands(department: String, due: Day?)
        /// No department was chosen and the case has none: it still waits.
        case waiting
    }

    /// The visit is about a case the resident already has open: it joins that case instead of opening
    /// another, and the case's timeline says so. The department and time limit chosen for it are not
    /// dropped: a case not dispatched yet is dispatched with them.
    @discardableResult
    public func addVisit(_ visitID: Int64, toCase caseID: Int64, dispatchTo departmentID: Int64? = nil,
                         workingDays: Int = 10, expectedVersion: Int? = nil, session: Session) throws -> JoinedDispatch {
        try session.require(.receiveResidents)
        return try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            let record = try caseRecord(id: caseID)
            guard record.status != .closed else {
                throw DomainError.invalid("该诉求已销号，不能并入")
            }
            try addEvent(.note, caseID: caseID, text: "\(visit.day.iso) 第 \(visit.queueNumber) 号来访再次反映：\(visit.problem)",
                         session: session)
            try finishVisit(visit, outcome: .caseOpened, answer: "并入诉求 \(record.code)", caseID: caseID, receivedBy: nil, session: session)
            let department = { (id: Int64) in try self.database.scalarString("SELECT name FROM departments WHERE id = ?", [id]) ?? "" }
            if let current = record.departmentID { return .stands(department: try department(current), due: record.dueDate) }
            guard let departmentID else { return .waiting }
            let dispatch = try send(record, to: departmentID, due: .workingDays(workingDays), session: session)
            return .dispatched(department: try department(departmentID), due: dispatch.dueDate)
        }
    }

    /// A deputy who receives a resident gets the one reception entry of that visit: handing the visit to
    /// another deputy moves it, never copies it (the schema holds one per visit). Its points come by the
    /// day (`DutyCredit`).
    func creditReception(visit: Visit, deputyID: Int64) throws {
        let name = try database.scalarString("SELECT name FROM residents WHERE id = ?", [visit.residentID]) ?? ""
        try database.execute("""
            INSERT INTO duty_log(deputy_id, day, kind, note, visit_id, entered_at, decided_at) VALUES (?1, ?2, 'reception', ?3, ?4, ?5, ?5)
            ON CONFLICT (visit_id) WHERE kind = 'reception' AND visit_id IS NOT NULL DO UPDATE SET deputy_id = ?1
            """, [deputyID, visit.day, "接待第 \(visit.queueNumber) 号 \(name)", visit.id, clock.now()])
    }
}

extension Resident {
    /// Reads `id, name, phone, id_number, address, community` from the start of a row.
    init(row: Statement) {
        self.init(id: row.int64(0), name: row.string(1), phone: row.optionalString(2), idNumber: row.optionalString(3),
                  address: row.string(4), community: row.string(5))
    }
}
