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

/// One seat on a reception day: a deputy or a legal officer.
public struct DutySeat: Hashable, Sendable {
    public let id: Int64
    public let day: Day
    public let name: String
    public let deputyID: Int64?
    public let legalOfficerRole: LegalOfficerRole?
    public let organization: String
    public let role: DutyRole
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

    public func addToRoster(day: Day, deputyID: Int64? = nil, legalOfficerID: Int64? = nil, role: DutyRole = .receiving,
                            session: Session) throws {
        try session.require(.keepDutyRecords)
        guard (deputyID == nil) != (legalOfficerID == nil) else { throw DomainError.invalid("值班人须是一位代表或一位三官一员") }
        try database.write {
            try database.execute(
                "INSERT INTO duty_roster(station_id, day, deputy_id, legal_officer_id, role) VALUES (?, ?, ?, ?, ?)",
                [station.id, day, deputyID, legalOfficerID, role])
        }
    }

    /// The duty roster (值班表) of `day`: who sits at the station, deputies first, then legal officers.
    public func dutyRoster(on day: Day) throws -> [DutySeat] {
        try database.fetchAll("""
            SELECT r.id, r.day, coalesce(d.name, o.name), r.deputy_id, o.role, coalesce(o.organization, ''), r.role
            FROM duty_roster r
            LEFT JOIN deputies d ON d.id = r.deputy_id
            LEFT JOIN legal_officers o ON o.id = r.legal_officer_id
            WHERE r.station_id = ? AND r.day = ?
            ORDER BY r.deputy_id IS NULL, r.id
            """, [station.id, day]) { row in
            DutySeat(id: row.int64(0), day: try row.day(1), name: row.string(2), deputyID: row.optionalInt64(3),
                     legalOfficerRole: try row.optionalValue(4), organization: row.string(5), role: try row.value(6))
        }
    }

    /// Records a deputy's activity in the duty log with its points (the station's, unless given). A
    /// reception earns its points by the day, not by the entry (`DutyCredit`).
    public func logDuty(deputyID: Int64, day: Day, kind: DutyKind, note: String = "", points: Int? = nil,
                        visitID: Int64? = nil, meetingID: Int64? = nil, session: Session) throws {
        try session.require(.keepDutyRecords)
        let earned = kind == .reception ? 0 : try points ?? self.points(for: kind)
        try database.write {
            try database.execute("""
                INSERT INTO duty_log(deputy_id, day, kind, points, note, visit_id, meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [deputyID, day, kind, earned, note, visitID, meetingID])
        }
    }

    /// A deputy's duty in a year, as the quota and the points count it.
    public func dutyCredit(deputyID: Int64, year: Int) throws -> DutyCredit {
        let (first, last) = Day.yearBounds(year)
        let rate = try points(for: .reception)
        return try database.fetchOne(DutyCredit.sql, [deputyID, first, last]) { DutyCredit(row: $0, at: 0, receptionPoints: rate) }
            ?? DutyCredit(receptionDays: 0, visitsReceived: 0, householdVisits: 0, points: 0)
    }

    /// Every deputy's duty in `year` who has any, by deputy.
    public func dutyCredits(year: Int) throws -> [Int64: DutyCredit] {
        let (first, last) = Day.yearBounds(year)
        let rate = try points(for: .reception)
        let rows = try database.fetchAll(DutyCredit.byDeputy, [first, last]) { ($0.int64(0), DutyCredit(row: $0, at: 1, receptionPoints: rate)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
