/// "Day D of each month; when it is not a working day, the nearest working day."
/// With plain weekends this moves a Saturday back to Friday and a Sunday forward to Monday;
/// when two working days are equally near (inside a holiday), the station's tie direction decides.
public struct ReceptionDayRule: Hashable, Sendable {
    public enum Tie: String, Sendable, CaseIterable {
        case earlier
        case later

        public var label: String { self == .earlier ? "提前" : "推后" }
    }

    /// 每月 15 日（不是工作日时改到最近的工作日，前后一样近时提前）: the rule as the desk says it.
    public var description: String { "每月 \(dayOfMonth) 日（不是工作日时改到最近的工作日，前后一样近时\(tie.label)）" }

    public let dayOfMonth: Int
    public let tie: Tie

    public init(dayOfMonth: Int, tie: Tie = .earlier) {
        precondition((1...31).contains(dayOfMonth))
        self.dayOfMonth = dayOfMonth
        self.tie = tie
    }

    /// The nominal day, clamped to the month's last day (the 31st in February is the 28th or 29th).
    public func nominalDay(year: Int, month: Int) -> Day {
        Day(year: year, month: month, day: min(dayOfMonth, Day.daysIn(year: year, month: month)))!
    }

    public func receptionDay(year: Int, month: Int, calendar: WorkingCalendar) -> Day {
        let nominal = nominalDay(year: year, month: month)
        if calendar.isWorkingDay(nominal) { return nominal }
        var distance = 1
        while true {
            let before = nominal.adding(days: -distance)
            let after = nominal.adding(days: distance)
            switch (calendar.isWorkingDay(before), calendar.isWorkingDay(after)) {
            case (true, true): return tie == .earlier ? before : after
            case (true, false): return before
            case (false, true): return after
            case (false, false): distance += 1
            }
        }
    }

    /// The reception day of the month containing `day`.
    public func receptionDay(inMonthOf day: Day, calendar: WorkingCalendar) -> Day {
        receptionDay(year: day.year, month: day.month, calendar: calendar)
    }

    /// The first reception day on or after `day` (it may fall in the next month).
    public func nextReceptionDay(onOrAfter day: Day, calendar: WorkingCalendar) -> Day {
        let thisMonth = receptionDay(inMonthOf: day, calendar: calendar)
        if thisMonth >= day { return thisMonth }
        let (year, month, _) = day.components
        return month == 12
            ? receptionDay(year: year + 1, month: 1, calendar: calendar)
            : receptionDay(year: year, month: month + 1, calendar: calendar)
    }
}
