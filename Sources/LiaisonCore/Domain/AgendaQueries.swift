import Foundation

/// One line of the agenda screen (not an agenda item, 议题): a meeting, or a reception day from the
/// station's rule.
public struct AgendaEntry: Hashable, Sendable {
    public let day: Day
    public let time: String
    public let kind: MeetingKind
    public let title: String
    public let place: String
    public let meetingID: Int64?
    /// The 331 phase, 已取消 or 逾期未结; for a reception day who is on duty.
    public let state: String
    /// A planned meeting whose day has passed (逾期未结).
    public let unclosed: Bool
    /// A meeting's status; nil for a reception day.
    public let status: MeetingStatus?

    public var cancelled: Bool { status == .cancelled }
}

extension LiaisonStore {
    /// Meetings and reception days from `first` through `last`, in date and time order.
    public func agenda(from first: Day, through last: Day) throws -> [AgendaEntry] {
        let now = clock.now()
        var entries = try meetings(from: first, to: last.adding(days: 1)).map { meeting in
            return AgendaEntry(day: meeting.day, time: meeting.startsAt.clockText, kind: meeting.kind, title: meeting.title,
                               place: meeting.place, meetingID: meeting.id, state: meeting.stateLabel(now: now), unclosed: meeting.isUnclosed(today: now.day),
                               status: meeting.status)
        }
        let roster = try dutyRoster(from: first, through: last)
        for slot in try receptionDays(from: first, through: last) where slot.origin != .notAReceptionDay {
            let seats = roster[slot.day]?.count ?? 0
            entries.append(AgendaEntry(day: slot.day, time: "09:00", kind: .reception, title: "接待选民日",
                                       place: station.address, meetingID: nil,
                                       state: slot.day == now.day ? "今天" : seats > 0 ? "值班\(seats)人" : "未排班",
                                       unclosed: false, status: nil))
        }
        return entries.sorted { ($0.day, $0.time, $0.meetingID ?? 0) < ($1.day, $1.time, $1.meetingID ?? 0) }
    }

    /// Planned meetings whose day has passed: the agenda's tab counts them until each is closed or cancelled.
    public func unclosedMeetingCount() throws -> Int {
        try database.scalarInt("SELECT count(*) FROM meetings WHERE station_id = ? AND " + UnclosedMeeting.condition,
                               [station.id, today]) ?? 0
    }
}
