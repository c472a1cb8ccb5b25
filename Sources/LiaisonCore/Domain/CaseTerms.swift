/// 逾期, written once: a case whose clock is running past its due date. The clock runs while a
/// department holds the case (dispatched, acknowledged) and while an unsatisfied case waits for its next round
/// (GLOSSARY.md). Every screen, report and test asks this type; nothing restates it.
public enum Overdue {
    public static let statuses: [CaseStatus] = [.dispatched, .acknowledged, .unsatisfied]

    public static func includes(status: CaseStatus, dueDate: Day?, on today: Day) -> Bool {
        statuses.contains(status) && (dueDate.map { $0 < today } ?? false)
    }

    /// The same over `cases c`, for one status at a time (bind a status, then today): a single status
    /// walks the (status, due_date) index in due-date order, which a list of statuses would not.
    public static let condition = "c.status = ? AND c.due_date < ?"

    /// How many working days a case is overdue, counted like its deadline; at least 1 once it is overdue,
    /// so a case past its date over a weekend or a holiday never reads as 0 or 未逾期.
    public static func workingDays(pastDue due: Day, on today: Day, calendar: WorkingCalendar) -> Int {
        max(1, calendar.workingDays(from: due, to: today))
    }

    /// `condition`'s arguments for each status in turn.
    static func arguments(on today: Day) -> [[SQLBindable?]] { statuses.map { [$0, today] } }
}

/// 逾期未结: a meeting still planned after the day it was for, flagged until it is closed as held or
/// cancelled.
public enum UnclosedMeeting {
    public static func includes(status: MeetingStatus, day: Day, on today: Day) -> Bool { status == .planned && day < today }

    /// The same over `meetings` (bind today).
    static let condition = "status = 'planned' AND starts_at < ?"
}

/// 满意 for the 满意率: 满意 or 基本满意 (`Satisfaction.countsAsSatisfied`), over a ratings row `alias`, as 1 or 0.
public enum SatisfiedRating {
    static func result(_ alias: String) -> String { "CASE WHEN \(alias).result <> 'unsatisfied' THEN 1 ELSE 0 END" }
    static func attitude(_ alias: String) -> String {
        "CASE WHEN \(alias).attitude IS NOT NULL AND \(alias).attitude <> 'unsatisfied' THEN 1 ELSE 0 END"
    }
}

/// 办理时限: how many working days a department may be given for a case, written once for dispatching,
/// for a category's default and for every form that asks.
public enum TimeLimit {
    public static let workingDays = 1...365
    /// 1–365, as a form's hint says it.
    public static var hint: String { "\(workingDays.lowerBound)–\(workingDays.upperBound)" }
}
