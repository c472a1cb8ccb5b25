/// The figures the desk shows at a glance.
public struct StationOverview: Hashable, Sendable {
    public let today: Day
    public let isWorkingDay: Bool
    public let isReceptionDay: Bool
    public let holidayName: String?
    public let calendarKnowsYear: Bool
    public let nextReceptionDay: Day?
    public let visitsToday: Int
    public let waiting: Int
    public let overdue: Int
    /// A reception day within five working days whose notice (公告) is not yet written.
    public let noticeDue: Day?
    /// Planned meetings whose day has passed, neither closed nor cancelled.
    public let unclosedMeetings: Int

    public init(today: Day, isWorkingDay: Bool, isReceptionDay: Bool, holidayName: String?, calendarKnowsYear: Bool,
                nextReceptionDay: Day?, visitsToday: Int, waiting: Int, overdue: Int, noticeDue: Day? = nil,
                unclosedMeetings: Int = 0) {
        self.today = today
        self.isWorkingDay = isWorkingDay
        self.isReceptionDay = isReceptionDay
        self.holidayName = holidayName
        self.calendarKnowsYear = calendarKnowsYear
        self.nextReceptionDay = nextReceptionDay
        self.visitsToday = visitsToday
        self.waiting = waiting
        self.overdue = overdue
        self.noticeDue = noticeDue
        self.unclosedMeetings = unclosedMeetings
    }
}

extension LiaisonStore {
    public func overview() throws -> StationOverview {
        let today = self.today
        return try database.read {
            let visits = try database.fetchOne(
                "SELECT count(*), coalesce(sum(status = 'waiting'), 0) FROM visits WHERE station_id = ? AND day = ?",
                [station.id, today]) { ($0.int(0), $0.int(1)) } ?? (0, 0)
            return StationOverview(
                today: today, isWorkingDay: calendar.isWorkingDay(today), isReceptionDay: isReceptionDay(today),
                holidayName: calendar.name(of: today), calendarKnowsYear: calendar.knows(year: today.year),
                nextReceptionDay: nextReceptionDay, visitsToday: visits.0, waiting: visits.1,
                overdue: try overdueCount(asOf: today), noticeDue: try rosterNoticeDue(),
                unclosedMeetings: try unclosedMeetingCount())
        }
    }
}
