/// One row of a case list: the case with the names a list shows.
public struct CaseSummary: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let title: String
    public let status: CaseStatus
    public let round: Int
    public let dueDate: Day?
    public let dueProvisional: Bool
    public let categoryName: String
    public let departmentName: String
    public let deputyName: String
    public let residentName: String
    public let version: Int
    /// The deputy's and the resident's pinyin initials, for search.
    public let initials: String
    /// How many supervision notes (督办) it has had.
    public let supervisions: Int
    public let tier: Tier?

    static let select = """
        SELECT c.id, c.code, c.title, c.status, c.round, c.due_date,
               coalesce(cat.name, ''), coalesce(dep.name, ''), coalesce(d.name, ''), coalesce(r.name, ''), c.version,
               coalesce(d.name_initials || ' ' || d.name_initials_alt, '') || ' '
                   || coalesce(r.name_initials || ' ' || r.name_initials_alt, ''),
               c.due_provisional, c.supervisions, c.tier
        FROM cases c
        LEFT JOIN categories cat ON cat.id = c.category_id
        LEFT JOIN departments dep ON dep.id = c.department_id
        LEFT JOIN deputies d ON d.id = c.responsible_deputy_id
        LEFT JOIN residents r ON r.id = c.resident_id
        """

    init(row: Statement) throws {
        id = row.int64(0)
        code = row.string(1)
        title = row.string(2)
        status = try row.value(3)
        round = row.int(4)
        dueDate = try row.optionalDay(5)
        categoryName = row.string(6)
        departmentName = row.string(7)
        deputyName = row.string(8)
        residentName = row.string(9)
        version = row.int(10)
        initials = row.string(11)
        dueProvisional = row.int(12) != 0
        supervisions = row.int(13)
        tier = try row.optionalValue(14)
    }

    public func isOverdue(on today: Day) -> Bool { Overdue.includes(status: status, dueDate: dueDate, on: today) }
}

/// Counts of the month's new cases by status and category.
public struct MonthStatistics: Hashable, Sendable {
    public struct Cell: Hashable, Sendable {
        public let status: CaseStatus
        public let categoryID: Int64?
        public let count: Int
    }

    public let cells: [Cell]

    public var total: Int { cells.reduce(0) { $0 + $1.count } }

    public func count(status: CaseStatus) -> Int {
        cells.filter { $0.status == status }.reduce(0) { $0 + $1.count }
    }

    public func count(categoryID: Int64?) -> Int {
        cells.filter { $0.categoryID == categoryID }.reduce(0) { $0 + $1.count }
    }
}

/// The SQL behind the screens' queries, public so the benchmark can run the very same text through
/// the sqlite3 command-line program.
public enum CaseQuerySQL {
    public static let monthStatistics = """
        SELECT status, category_id, count(*) FROM cases
        WHERE opened_on >= ? AND opened_on < ? GROUP BY status, category_id
        """
    public static let timeline = "SELECT kind, at, actor, text FROM case_events WHERE case_id = ? ORDER BY at, id"
}

extension LiaisonStore {
    /// The first days of `month` and of the month after it: the bounds of a month's statistics.
    public static func monthBounds(year: Int, month: Int) -> (Day, Day) {
        let first = Day.firstOfMonth(year: year, month: month)
        return (first, first.adding(days: Day.daysIn(year: year, month: month)))
    }

    public func monthStatistics(year: Int, month: Int) throws -> MonthStatistics {
        let (first, next) = LiaisonStore.monthBounds(year: year, month: month)
        let cells = try database.fetchAll(CaseQuerySQL.monthStatistics, [first, next]) { row in
            MonthStatistics.Cell(status: try row.value(0), categoryID: row.optionalInt64(1), count: row.int(2))
        }
        return MonthStatistics(cells: cells)
    }
}
