import Foundation

public struct MeetingDraft: Sendable {
    public var kind: MeetingKind
    public var title: String
    public var startsAt: LocalTime
    public var place: String
    public var phase: MeetingPhase
    public var status: MeetingStatus

    public init(kind: MeetingKind, title: String, startsAt: LocalTime, place: String = "",
                phase: MeetingPhase = .before, status: MeetingStatus = .planned) {
        self.kind = kind
        self.title = title
        self.startsAt = startsAt
        self.place = place
        self.phase = phase
        self.status = status
    }
}

public struct Meeting: Hashable, Sendable {
    public let id: Int64
    public let kind: MeetingKind
    public let phase: MeetingPhase
    public let title: String
    public let startsAt: LocalTime
    public let place: String
    public let status: MeetingStatus
    public let minutes: String
    public let resolution: String
}

extension LiaisonStore {
    @discardableResult
    public func createMeeting(_ draft: MeetingDraft, session: Session) throws -> Int64 {
        try session.require(.planMeetings)
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw DomainError.invalid("会议名称不能为空") }
        return try database.write {
            try database.execute("""
                INSERT INTO meetings(station_id, kind, phase, title, starts_at, place, status)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [station.id, draft.kind, draft.phase, title, draft.startsAt, draft.place, draft.status])
            return database.lastInsertedRowID
        }
    }

    public func recordMinutes(meetingID: Int64, minutes: String, resolution: String, session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            try database.execute("UPDATE meetings SET minutes = ?, resolution = ?, status = 'held', phase = 'after' WHERE id = ?",
                                 [minutes, resolution, meetingID])
        }
    }

    public func addAgendaItem(meetingID: Int64, title: String, caseID: Int64? = nil, session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            let position = try database.scalarInt(
                "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?", [meetingID]) ?? 1
            try database.execute("INSERT INTO agenda_items(meeting_id, position, title, case_id) VALUES (?, ?, ?, ?)",
                                 [meetingID, position, title, caseID])
        }
    }

    public func addParticipant(meetingID: Int64, deputyID: Int64? = nil, departmentID: Int64? = nil,
                               residentID: Int64? = nil, name: String = "", role: String = "", session: Session) throws {
        try session.require(.planMeetings)
        try database.write {
            try database.execute("""
                INSERT INTO meeting_participants(meeting_id, deputy_id, department_id, resident_id, name, role)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [meetingID, deputyID, departmentID, residentID, name, role])
        }
    }

    /// Meetings starting in [from, to), in time order.
    public func meetings(from start: Day, to end: Day) throws -> [Meeting] {
        try database.fetchAll("""
            SELECT id, kind, phase, title, starts_at, place, status, minutes, resolution FROM meetings
            WHERE station_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at
            """, [station.id, start, end]) { row in
            Meeting(id: row.int64(0), kind: try row.value(1), phase: try row.value(2), title: row.string(3),
                    startsAt: try row.localTime(4), place: row.string(5), status: try row.value(6), minutes: row.string(7),
                    resolution: row.string(8))
        }
    }
}
