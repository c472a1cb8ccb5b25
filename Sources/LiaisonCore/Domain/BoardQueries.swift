/// The follow-up board (督办) read model: every open case grouped by urgency, and the overdue list and count.
/// Its SQL is in `BoardSQL`, which the benchmark runs through the sqlite3 program too.

/// The follow-up board's groups, most urgent first.
public enum BoardGroup: String, CaseIterable, Sendable {
    case overdue, dueSoon, inHand, awaitingFeedback, readyToClose

    public var label: String {
        switch self {
        case .overdue: "逾期"
        case .dueSoon: "三个工作日内到期"
        case .inHand: "办理中"
        case .awaitingFeedback: "待反馈测评"
        case .readyToClose: "待销号"
        }
    }
}

public struct FollowUpBoard: Sendable {
    public let today: Day
    public let soonLimit: Day
    /// Cases in each group; a group cut at `perGroup` that was not counted has no entry.
    public let counts: [BoardGroup: Int]
    /// Each group's first cases, at most `perGroup`, in due-date order.
    public let groups: [(BoardGroup, [CaseSummary])]
}

/// The board's SQL. Each part of a group is one status and one range of the (status, due_date) index,
/// which already holds the rows in (due_date, id) order, so LIMIT stops early and only those rows are
/// joined; a group is the union of its parts. (An OR or IN across statuses makes SQLite sort, or scan.)
public enum BoardSQL {
    public static let dueBetween = "c.status = ? AND c.due_date BETWEEN ? AND ?"
    public static let dueFrom = "c.status = ? AND c.due_date >= ?"
    public static let undated = "c.status = ? AND c.due_date IS NULL"
    public static let inStatus = "c.status = ?"

    /// The first rows of a part, in due-date order: bind the condition's arguments, then the limit.
    public static func rows(where condition: String) -> String {
        CaseSummary.select + " WHERE " + condition + " ORDER BY c.due_date, c.id LIMIT ?"
    }

    public static func count(where condition: String) -> String { "SELECT count(*) FROM cases c WHERE " + condition }
}

extension LiaisonStore {
    /// Every open status in exactly one group; see `BoardSQL`. With `deputyID`, only that deputy's cases.
    private func boardParts(today: Day, soon: Day, deputyID: Int64?) -> [(BoardGroup, String, [SQLBindable?])] {
        let parts: [(BoardGroup, String, [SQLBindable?])] = Overdue.arguments(on: today).map { (.overdue, Overdue.condition, $0) } + [
            (.dueSoon, BoardSQL.dueBetween, [CaseStatus.dispatched, today, soon]),
            (.inHand, BoardSQL.dueFrom, [CaseStatus.dispatched, soon.adding(days: 1)]),
            (.inHand, BoardSQL.inStatus, [CaseStatus.registered]),
            (.inHand, BoardSQL.inStatus, [CaseStatus.triaged]),
            (.inHand, BoardSQL.dueFrom, [CaseStatus.unsatisfied, today]),
            (.inHand, BoardSQL.undated, [CaseStatus.unsatisfied]),
            (.awaitingFeedback, BoardSQL.inStatus, [CaseStatus.replied]),
            (.awaitingFeedback, BoardSQL.inStatus, [CaseStatus.feedback]),
            (.readyToClose, BoardSQL.inStatus, [CaseStatus.readyToClose]),
        ]
        guard let deputyID else { return parts }
        return parts.map { ($0.0, "(\($0.1)) AND c.responsible_deputy_id = ?", $0.2 + [deputyID]) }
    }

    /// Every open case, grouped by urgency; each group's first `perGroup` cases by due date.
    /// Without `counting`, a group cut at `perGroup` is left uncounted: counting tens of thousands of
    /// index entries is most of the work, and a first screenful does not need it.
    public func followUpBoard(perGroup: Int = 200, counting: Bool = true, deputyID: Int64? = nil) throws -> FollowUpBoard {
        let today = self.today
        let soon = calendar.adding(workingDays: 3, to: today)
        return try database.read {
            var counts: [BoardGroup: Int] = [:]
            var uncounted: Set<BoardGroup> = []
            var rows: [BoardGroup: [CaseSummary]] = [:]
            for (group, condition, arguments) in boardParts(today: today, soon: soon, deputyID: deputyID) {
                let part = try database.fetchAll(BoardSQL.rows(where: condition), arguments + [perGroup], CaseSummary.init(row:))
                rows[group, default: []] += part
                // A part that came back short is counted already.
                if part.count < perGroup {
                    counts[group, default: 0] += part.count
                } else if counting {
                    counts[group, default: 0] += try database.scalarInt(BoardSQL.count(where: condition), arguments) ?? 0
                } else {
                    uncounted.insert(group)
                }
            }
            for group in uncounted { counts[group] = nil }
            let groups = BoardGroup.allCases.map { group in
                (group, Array(rows[group, default: []].sorted(by: CaseSummary.byDueDate).prefix(perGroup)))
            }
            return FollowUpBoard(today: today, soonLimit: soon, counts: counts, groups: groups)
        }
    }

    /// Overdue cases as of `day`, the longest overdue first.
    public func overdueCases(asOf day: Day, limit: Int = 100) throws -> [CaseSummary] {
        try database.read {
            let parts = try Overdue.arguments(on: day).flatMap { arguments in
                try database.fetchAll(BoardSQL.rows(where: Overdue.condition), arguments + [limit], CaseSummary.init(row:))
            }
            return Array(parts.sorted(by: CaseSummary.byDueDate).prefix(limit))
        }
    }

    public func overdueCount(asOf day: Day) throws -> Int {
        try database.read {
            try Overdue.arguments(on: day).reduce(0) { total, arguments in
                total + (try database.scalarInt(BoardSQL.count(where: Overdue.condition), arguments) ?? 0)
            }
        }
    }
}

extension CaseSummary {
    /// Due date first (undated last), then id: the board's order.
    static func byDueDate(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        (a.dueDate ?? Day(ordinal: .max), a.id) < (b.dueDate ?? Day(ordinal: .max), b.id)
    }
}
