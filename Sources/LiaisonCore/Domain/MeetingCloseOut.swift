import Foundation

/// One agenda item's result as the close-out gives it. An agreed action needs a department and a time
/// limit in working days.
public struct ItemResult: Sendable {
    public var itemID: Int64
    public var notes: String
    public var resolution: String
    public var action: String
    public var departmentID: Int64?
    public var workingDays: Int?

    public init(itemID: Int64, notes: String = "", resolution: String, action: String = "", departmentID: Int64? = nil,
                workingDays: Int? = nil) {
        self.itemID = itemID
        self.notes = notes
        self.resolution = resolution
        self.action = action
        self.departmentID = departmentID
        self.workingDays = workingDays
    }
}

/// What closing a meeting as held takes: the minutes, who came of those invited, and a result for every item.
public struct MeetingCloseOut: Sendable {
    public var minutes: String
    public var attended: [Int64: Bool]
    public var results: [ItemResult]

    public init(minutes: String, attended: [Int64: Bool], results: [ItemResult]) {
        self.minutes = minutes
        self.attended = attended
        self.results = results
    }

    /// Field keys, so a refusal is said beside its field on the close-out form.
    public static func attendedKey(_ participantID: Int64) -> String { "attended-\(participantID)" }
    public static func key(_ field: String, item: Int64) -> String { "\(field)-\(item)" }
}

extension LiaisonStore {
    /// Closes a meeting as held, in one transaction: the minutes, the attendance, each item's result. An
    /// agreed action goes to the item's linked cases with the resolution's department and time limit, or,
    /// when none can take it, to a follow-up case opened and dispatched for it. Every case concerned gets the meeting in its timeline; each deputy who came
    /// gets a 会议 entry in the duty log.
    public func closeMeeting(id: Int64, _ closeOut: MeetingCloseOut, expectedVersion: Int, session: Session) throws {
        try session.require(.planMeetings)
        let minutes = closeOut.minutes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !minutes.isEmpty else { throw InvalidField("minutes", "结束会议须有会议纪要") }
        try database.write {
            let meeting = try plannedMeeting(id, expectedVersion: expectedVersion)
            let participants = try participants(meetingID: id)
            let items = try agendaItems(meetingID: id)
            if let refusal = meeting.closeRefusal(now: clock.now(), items: items.count, participants: participants.count) {
                throw DomainError.invalid(refusal)
            }
            for participant in participants where closeOut.attended[participant.id] == nil {
                throw InvalidField(MeetingCloseOut.attendedKey(participant.id), "请填出席或缺席")
            }
            let results = try items.map { item in try checked(closeOut.results.first { $0.itemID == item.id }, for: item) }
            // An agreed action dispatches cases: the case-handling role's to do, as on the board.
            if results.contains(where: { !$0.action.isEmpty }) { try session.require(.actOnCases) }
            try database.execute("""
                UPDATE meetings SET status = 'held', minutes = ?, version = version + 1 WHERE id = ? AND version = ?
                """, [minutes, id, meeting.version])
            for participant in participants {
                try database.execute("UPDATE meeting_participants SET attended = ? WHERE id = ?", [closeOut.attended[participant.id], participant.id])
                if participant.kind == .deputy, closeOut.attended[participant.id] == true, let deputyID = participant.deputyID {
                    try creditDuty(deputyID: deputyID, day: meeting.day, kind: .meeting, note: meeting.title, meetingID: id)
                }
            }
            for (item, result) in zip(items, results) {
                let followUp = try follow(result, of: item, at: meeting, session: session)
                try database.execute("""
                    UPDATE agenda_items SET notes = ?, resolution = ?, action = ?, department_id = ?, working_days = ?, follow_up_case_id = ?
                    WHERE id = ?
                    """, [result.notes, result.resolution, result.action, result.departmentID, result.workingDays, followUp, item.id])
            }
            try audit("meeting.close", subject: meeting.title, detail: "\(meeting.day.iso)，议题 \(items.count) 项", session: session)
        }
    }

    private func checked(_ result: ItemResult?, for item: AgendaItem) throws -> ItemResult {
        let key = { (field: String) in MeetingCloseOut.key(field, item: item.id) }
        guard var result else { throw InvalidField(key("resolution"), "请写这一议题的协商结果") }
        result.notes = try DraftCheck.text(result.notes, field: key("notes"), limit: 200)
        result.resolution = try DraftCheck.text(result.resolution, field: key("resolution"), limit: 200)
        result.action = try DraftCheck.text(result.action, field: key("action"), limit: 100)
        guard !result.resolution.isEmpty else { throw InvalidField(key("resolution"), "请写这一议题的协商结果") }
        if result.action.isEmpty {
            guard result.departmentID == nil, result.workingDays == nil else { throw InvalidField(key("action"), "填了承办单位或时限，请写商定的办理事项") }
            return result
        }
        guard let department = result.departmentID else { throw InvalidField(key("department"), "商定了办理事项，须选承办单位") }
        _ = try requireInUse(.departments, id: department)
        guard let days = result.workingDays else { throw InvalidField(key("days"), "商定了办理事项，须写办理时限") }
        guard (1...365).contains(days) else { throw InvalidField(key("days"), "时限应为 1 到 365 个工作日") }
        return result
    }

    /// The item's result carried into its cases; the follow-up case it opened, if any. An agreed action
    /// goes to the linked cases that can take it (waiting to be dispatched, held by a department, or
    /// rated unsatisfied and sent round again); when none can, a follow-up case carries it, so every
    /// agreed action has a case with a department and a due date.
    private func follow(_ result: ItemResult, of item: AgendaItem, at meeting: Meeting, session: Session) throws -> Int64? {
        let said = "\(meeting.kind.label)「\(meeting.title)」（\(meeting.day.iso)）议题「\(item.title)」：\(result.resolution)"
            + (result.action.isEmpty ? "" : "；商定：\(result.action)")
        for linked in item.cases where linked.status != .closed { try addEvent(.meeting, caseID: linked.id, text: said, session: session) }
        guard !result.action.isEmpty, let department = result.departmentID, let days = result.workingDays else { return nil }
        var carried = false
        for linked in item.cases {
            let record = try caseRecord(id: linked.id)
            if CaseTransition.undispatched.contains(record.status) {
                _ = try send(record, to: department, due: .workingDays(days), instructions: result.action, session: session)
            } else if CaseTransition.held.contains(record.status) {
                // The meeting's decision stands over the earlier dispatch: the department and time limit it agreed.
                try endCurrentDispatch(of: record, how: "swapped", reason: "会议决议")
                _ = try send(record, to: department, due: .workingDays(days), instructions: result.action, session: session)
            } else if record.status == .unsatisfied {
                _ = try send(record, to: department, due: .workingDays(days), instructions: result.action, round: record.round + 1,
                         action: .reopen, session: session)
            } else {
                continue
            }
            carried = true
        }
        guard !carried else { return nil }
        let cases = item.cases.map(\.code).joined(separator: "、")
        let record = try insertCase(CaseDraft(title: String(result.action.prefix(60)), description: said + (cases.isEmpty ? "" : "（关联诉求 \(cases)）"),
                                              tier: .joint),
                                    residentID: nil, sourceVisitID: nil, status: .registered, session: session)
        try addEvent(.meeting, caseID: record.id, text: said, session: session)
        _ = try send(record, to: department, due: .workingDays(days), instructions: result.action, session: session)
        return record.id
    }
}
