/// 逾期, written once: a case whose clock is running past its due date. The clock runs while a
/// department holds the case (dispatched) and while an unsatisfied case waits for its next round
/// (GLOSSARY.md). Every screen, report and test asks this type; nothing restates it.
public enum Overdue {
    public static let statuses: [CaseStatus] = [.dispatched, .unsatisfied]

    public static func includes(status: CaseStatus, dueDate: Day?, on today: Day) -> Bool {
        statuses.contains(status) && (dueDate.map { $0 < today } ?? false)
    }

    /// The same over `cases c`, for one status at a time (bind a status, then today): a single status
    /// walks the (status, due_date) index in due-date order, which a list of statuses would not.
    public static let condition = "c.status = ? AND c.due_date < ?"

    /// `condition`'s arguments for each status in turn.
    static func arguments(on today: Day) -> [[SQLBindable?]] { statuses.map { [$0, today] } }
}
