import Foundation

public struct VisitDraft: Sendable {
    /// A returning resident chosen from the matches, or nil to find-or-create from `resident`.
    public var residentID: Int64?
    public var resident: ResidentDraft
    public var channel: Channel
    public var categoryID: Int64?
    public var problem: String
    public var requestedDeputyID: Int64?

    public init(residentID: Int64? = nil, resident: ResidentDraft, channel: Channel = .walkIn, categoryID: Int64? = nil,
                problem: String, requestedDeputyID: Int64? = nil) {
        self.residentID = residentID
        self.resident = resident
        self.channel = channel
        self.categoryID = categoryID
        self.problem = problem
        self.requestedDeputyID = requestedDeputyID
    }
}

public struct Visit: Hashable, Sendable {
    public let id: Int64
    public let day: Day
    public let queueNumber: Int
    public let residentID: Int64
    public let channel: Channel
    public let categoryID: Int64?
    public let problem: String
    public let status: VisitStatus
    public let outcome: VisitOutcome?
    public let receivingDeputyID: Int64?
    public let caseID: Int64?
    public let arrivedAt: LocalTime
    /// Bumped by every change: a terminal acting on what it saw passes it, and a stale one is refused.
    public let version: Int

    /// The columns `init(row:)` reads, qualified by the visits table's alias `v`.
    static let columns = """
        v.id, v.day, v.queue_number, v.resident_id, v.channel, v.category_id, v.problem, v.status, v.outcome,
        v.receiving_deputy_id, v.case_id, v.arrived_at, v.version
        """
    /// How many columns `columns` is: a query reads its own columns after them.
    static let columnCount: Int32 = 13

    init(row: Statement) throws {
        id = row.int64(0)
        day = try row.day(1)
        queueNumber = row.int(2)
        residentID = row.int64(3)
        channel = try row.value(4)
        categoryID = row.optionalInt64(5)
        problem = row.string(6)
        status = try row.value(7)
        outcome = try row.optionalValue(8)
        receivingDeputyID = row.optionalInt64(9)
        caseID = row.optionalInt64(10)
        arrivedAt = try row.localTime(11)
        version = row.int(12)
    }
}

extension LiaisonStore {
    /// Registers a contact and gives it the next queue number of the day. The number is taken inside
    /// the write transaction, so two terminals registering at once never share one.
    @discardableResult
    public func registerVisit(_ draft: VisitDraft, session: Session) throws -> Visit {
        try session.require(.receiveResidents)
        let problem = draft.problem.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !problem.isEmpty else { throw DomainError.invalid("请写下反映的问题") }
        return try database.write {
            let residentID = try draft.residentID.map { try updateDetails(ofResident: $0, from: draft.resident) }
                ?? findOrCreateResident(draft.resident, session: session).id
            let now = clock.now()
            let number = try database.scalarInt(
                "SELECT coalesce(max(queue_number), 0) + 1 FROM visits WHERE station_id = ? AND day = ?",
                [station.id, now.day]) ?? 1
            try database.execute("""
                INSERT INTO visits(station_id, day, queue_number, resident_id, channel, category_id, problem,
                                   requested_deputy_id, arrived_at, registered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [station.id, now.day, number, residentID, draft.channel, draft.categoryID, problem,
                      draft.requestedDeputyID, now, session.operatorID])
            guard let visit = try visit(id: database.lastInsertedRowID) else { throw DomainError.notFound("刚登记的来访") }
            return visit
        }
    }

    public func visit(id: Int64) throws -> Visit? {
        try database.fetchOne("SELECT \(Visit.columns) FROM visits v WHERE v.id = ?", [id], Visit.init(row:))
    }

    /// The resident's visit of `day` still in the queue (waiting or with a deputy), if any: the same
    /// person registering twice in a day is told so.
    public func unfinishedVisit(ofResident residentID: Int64, on day: Day) throws -> Visit? {
        try database.fetchOne("""
            SELECT \(Visit.columns) FROM visits v
            WHERE v.resident_id = ? AND v.day = ? AND v.status IN ('waiting', 'withDeputy') ORDER BY v.queue_number LIMIT 1
            """, [residentID, day], Visit.init(row:))
    }

    /// Someone of this name who gave no phone and is still in the queue of `day`: without a phone the
    /// name is all there is to tell the same person by.
    public func unfinishedVisit(named name: String, withoutPhoneOn day: Day) throws -> Visit? {
        try database.fetchOne("""
            SELECT \(Visit.columns) FROM visits v JOIN residents r ON r.id = v.resident_id
            WHERE r.name = ? AND r.phone IS NULL AND v.day = ? AND v.status IN ('waiting', 'withDeputy')
            ORDER BY v.queue_number LIMIT 1
            """, [name.trimmingCharacters(in: .whitespaces), day], Visit.init(row:))
    }

    /// The day's queue in number order.
    public func queue(on day: Day) throws -> [Visit] {
        try database.fetchAll("SELECT \(Visit.columns) FROM visits v WHERE v.station_id = ? AND v.day = ? ORDER BY v.queue_number",
                              [station.id, day], Visit.init(row:))
    }

    /// Settles a visit at the desk. It is recorded as a case closed at once, so the statistics count it.
    @discardableResult
    public func answerOnSpot(visitID: Int64, answer: String, deputyID: Int64?, expectedVersion: Int? = nil,
                             session: Session) throws -> CaseRecord {
        try session.require(.receiveResidents)
        let answer = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !answer.isEmpty else { throw DomainError.invalid("请写下当场答复的内容") }
        return try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            let now = clock.now()
            let draft = CaseDraft(title: visit.problem, categoryID: visit.categoryID, tier: .immediate,
                                  responsibleDeputyID: deputyID ?? visit.receivingDeputyID)
            let record = try insertCase(draft, residentID: visit.residentID, sourceVisitID: visit.id,
                                        status: .closed, session: session)
            try database.execute("UPDATE cases SET closed_on = ? WHERE id = ?", [now.day, record.id])
            try addEvent(.answeredOnSpot, caseID: record.id, text: answer, session: session)
            try finishVisit(visit, outcome: .answeredOnSpot, answer: answer, caseID: record.id, receivedBy: deputyID, session: session)
            return try caseRecord(id: record.id)
        }
    }

    /// Turns a visit into a case to be handled, and dispatches it at once when a department is given:
    /// all of it or none of it is written.
    @discardableResult
    public func openCase(fromVisit visitID: Int64, _ draft: CaseDraft, dispatchTo departmentID: Int64? = nil,
                         workingDays: Int = 10, expectedVersion: Int? = nil, session: Session) throws -> CaseRecord {
        try session.require(.receiveResidents)
        return try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            var draft = draft
            if draft.title.isEmpty { draft.title = visit.problem }
            if draft.categoryID == nil { draft.categoryID = visit.categoryID }
            let record = try openCase(draft, residentID: visit.residentID, sourceVisitID: visit.id, session: session)
            // The case's responsible deputy is not thereby the one who received the resident.
            try finishVisit(visit, outcome: .caseOpened, answer: "", caseID: record.id, receivedBy: nil, session: session)
            guard let departmentID else { return record }
            _ = try send(record, to: departmentID, due: .workingDays(workingDays), session: session)
            return try caseRecord(id: record.id)
        }
    }

    /// The visit, inside the current write, when it is still open and, given `expectedVersion`, as the
    /// caller saw it: a visit another terminal changed meanwhile is refused saying what it is now.
    func openVisit(_ id: Int64, expectedVersion: Int? = nil) throws -> Visit {
        guard let visit = try visit(id: id) else { throw DomainError.notFound("来访记录") }
        if let expectedVersion, expectedVersion != visit.version { throw try changed(visit) }
        guard visit.outcome == nil, visit.status != .left else { throw try changed(visit) }
        return visit
    }

    /// 第 6 号 已被叫到 陈志强 代表处: what became of a visit someone else acted on.
    private func changed(_ visit: Visit) throws -> DomainError {
        let who = "第 \(visit.queueNumber) 号"
        if let outcome = visit.outcome { return .visitChanged("\(who) 已\(outcome.label)") }
        switch visit.status {
        case .withDeputy:
            let deputy = try visit.receivingDeputyID.flatMap { try database.scalarString("SELECT name FROM deputies WHERE id = ?", [$0]) }
            return .visitChanged("\(who) 已被叫到 \(deputy ?? "") 代表处")
        case .left: return .visitChanged("\(who) 已离开")
        case .waiting, .done: return .visitChanged("\(who) 刚在另一终端改过，请看最新状态")
        }
    }

    /// Changes the visit as it was read in this write, and says so in its version.
    func updateVisit(_ visit: Visit, set assignments: String, _ arguments: [SQLBindable?], session: Session) throws {
        try database.execute("UPDATE visits SET \(assignments), changed_by = ?, version = version + 1 WHERE id = ? AND version = ?",
                             arguments + [session.operatorID, visit.id, visit.version])
        guard database.changes == 1 else { throw try changed(try self.visit(id: visit.id) ?? visit) }
    }

    /// `receivedBy` is a deputy who saw the resident at the desk (the one who answered, or received a
    /// referred resident); the credit goes to whoever received them first, never to a deputy merely
    /// named as responsible for a case.
    func finishVisit(_ visit: Visit, outcome: VisitOutcome, answer: String, caseID: Int64?, receivedBy: Int64?,
                     session: Session) throws {
        try updateVisit(visit, set: """
            status = 'done', outcome = ?, answer = ?, case_id = ?, receiving_deputy_id = coalesce(receiving_deputy_id, ?),
            finished_at = ?
            """, [outcome, answer, caseID, receivedBy, clock.now()], session: session)
        if let deputyID = visit.receivingDeputyID ?? receivedBy { try creditReception(visit: visit, deputyID: deputyID) }
    }
}

extension LiaisonStore {
    /// A deputy receives the resident: the visit moves from waiting to with a deputy (or from one deputy
    /// to another, with the reception credit).
    public func handToDeputy(visitID: Int64, deputyID: Int64, expectedVersion: Int? = nil, session: Session) throws {
        try session.require(.receiveResidents)
        try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            try requireInUse(.deputies, id: deputyID)
            try updateVisit(visit, set: "status = 'withDeputy', receiving_deputy_id = ?, called_at = coalesce(called_at, ?)",
                            [deputyID, clock.now()], session: session)
            try creditReception(visit: visit, deputyID: deputyID)
        }
    }

    /// The resident left without being seen.
    public func markLeft(visitID: Int64, expectedVersion: Int? = nil, session: Session) throws {
        try session.require(.receiveResidents)
        try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            guard visit.status == .waiting else { throw DomainError.invalid("第 \(visit.queueNumber) 号已在接待中") }
            try updateVisit(visit, set: "status = 'left', finished_at = ?", [clock.now()], session: session)
        }
    }

    /// 过号: called, but did not come to the deputy. Nobody received them, so no deputy is credited.
    public func markNoShow(visitID: Int64, expectedVersion: Int? = nil, session: Session) throws {
        try session.require(.receiveResidents)
        try database.write {
            let visit = try openVisit(visitID, expectedVersion: expectedVersion)
            guard visit.status == .withDeputy else { throw DomainError.invalid("第 \(visit.queueNumber) 号还没有叫号") }
            // Nobody received them: neither the queue nor the duty log names a deputy.
            try updateVisit(visit, set: "status = 'done', outcome = 'noShow', receiving_deputy_id = NULL, finished_at = ?",
                            [clock.now()], session: session)
            try database.execute("DELETE FROM duty_log WHERE visit_id = ? AND kind = 'reception'", [visit.id])
        }
    }

    /// Someone who missed their call or left comes back: they wait again under their number.
    public func requeue(visitID: Int64, expectedVersion: Int? = nil, session: Session) throws {
        try session.require(.receiveResidents)
        try database.write {
            guard let visit = try visit(id: visitID) else { throw DomainError.notFound("来访记录") }
            if let expectedVersion, expectedVersion != visit.version { throw try changed(visit) }
            guard visit.day == clock.today else { throw DomainError.invalid("第 \(visit.queueNumber) 号是 \(visit.day.iso) 的来访，只能重新登记") }
            guard visit.outcome == .noShow || visit.status == .left else {
                throw DomainError.invalid("第 \(visit.queueNumber) 号没有过号或离开，不用重新排队")
            }
            try updateVisit(visit, set: """
                status = 'waiting', outcome = NULL, receiving_deputy_id = NULL, called_at = NULL, finished_at = NULL
                """, [], session: session)
        }
    }
}
