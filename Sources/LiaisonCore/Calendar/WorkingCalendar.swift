/// Chinese working days: weekends and statutory holidays are off, make-up working days (调休) are on.
/// Years without a published schedule are computed by weekends alone; `knows(year:)` says which.
public struct WorkingCalendar: Sendable {
    public enum Kind: String, Sendable {
        case holiday
        case workday
    }

    public private(set) var exceptions: [Day: Kind]
    public private(set) var names: [Day: String]
    public private(set) var knownYears: Set<Int>

    public init(entries: [HolidayEntry] = [], knownYears: Set<Int> = []) {
        exceptions = [:]
        names = [:]
        self.knownYears = knownYears
        for entry in entries {
            exceptions[entry.day] = entry.kind
            names[entry.day] = entry.name
        }
    }

    /// Weekends only: what is assumed for a year the calendar does not know.
    public static let weekendsOnly = WorkingCalendar()

    public func knows(year: Int) -> Bool { knownYears.contains(year) }

    public func isWorkingDay(_ day: Day) -> Bool {
        switch exceptions[day] {
        case .holiday?: return false
        case .workday?: return true
        case nil: return !day.isWeekend
        }
    }

    public func isMakeUpWorkday(_ day: Day) -> Bool { exceptions[day] == .workday }
    public func isHoliday(_ day: Day) -> Bool { exceptions[day] == .holiday }

    /// The holiday's name for a day off or a make-up day (春节, 国庆节 …).
    public func name(of day: Day) -> String? { names[day] }

    /// The `count`-th working day after `day` (before it when negative); the start day itself is not counted.
    /// Zero gives `day` when it is a working day, else the next working day.
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var current = day
        if count == 0 {
            while !isWorkingDay(current) { current = current.adding(days: 1) }
            return current
        }
        let step = count > 0 ? 1 : -1
        var remaining = abs(count)
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Working days in (from, to]: how many working days pass going from one date to the other;
    /// negative when `to` is before `from`.
    public func workingDays(from start: Day, to end: Day) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var current = start
        while current < end {
            current = current.adding(days: 1)
            if isWorkingDay(current) { count += 1 }
        }
        return count
    }

    /// The years between two dates that the calendar has no schedule for.
    public func unknownYears(from start: Day, to end: Day) -> [Int] {
        let (low, high) = start <= end ? (start.year, end.year) : (end.year, start.year)
        return (low...high).filter { !knows(year: $0) }
    }
}

/// One day in a published schedule.
public struct HolidayEntry: Hashable, Sendable {
    public let day: Day
    public let kind: WorkingCalendar.Kind
    public let name: String

    public init(day: Day, kind: WorkingCalendar.Kind, name: String) {
        self.day = day
        self.kind = kind
        self.name = name
    }
}
