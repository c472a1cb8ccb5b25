/// The follow-up board (督办) read model: every open case grouped by urgency, and the overdue list and count.
/// Its SQL is in `BoardSQL`, which the benchmark runs through the sqlite3 program too.

/// The follow-up board's groups, most urgent first; every open status falls in exactly one.
public enum BoardGroup: String, CaseIterable, Sendable {
    case overdue, dueSoon, undispatched, inHand, awaitingFeedback, awaitingRating, unsatisfied, readyToClose, escalated

    public var label: String {
        switch self {
        case .overdue: "逾期"
        case .dueSoon: "三个工作日内到期"
        case .undispatched: "待交办"
        case .inHand: "办理中"
        case .awaitingFeedback: "待反馈"
        case .awaitingRating: "待评价"
        case .unsatisfied: "不满意待重办"
        case .readyToClose: "待销号"
        case .escalated: "已上报"
        }
    }
}

/// The board's filters, combinable: department, responsible deputy, category, tier, and later rounds.
public struct CaseFilter: Hashable, Sendable {
    public var departmentID: Int64?
    public var deputyID: Int64?
    public var categoryID: Int64?
    public var tier: Tier?
    /// Only cases gone round again (round > 1).
    public var laterRounds = false

    public init(departmentID: Int64? = nil, deputyID: Int64? = nil, categoryID: Int64? = nil, tier: Tier? = nil,
                laterRounds: Bool = false) {
        self.departmentID = departmentID
        self.deputyID = deputyID
        self.categoryID = categoryID
        self.tier = tier
        self.laterRounds = laterRounds
    }

    public var isEmpty: Bool { self == CaseFilter() }

    /// The filter as SQL over `cases c` to AND onto a condition, with its arguments.
    var sql: (String, [SQLBindable?]) {
        var terms: [String] = []
        var arguments: [SQLBindable?] = []
        let equal: [(String, SQLBindable?)] = [("c.department_id", departmentID), ("c.responsible_deputy_id", deputyID),
                                               ("c.category_id", categoryID), ("c.tier", tier)]
        for (column, value) in equal where value != nil {
            terms.append("\(column) = ?")
            arguments.append(value)
        }
        if laterRounds { terms.append("c.round > 1") }
        return (terms.map { " AND " + $0 }.joined(), arguments)
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
    /// After, before, or not after a case in (due_date, id) order: bind its due date twice, then its id.
    /// The due date bounds the index range; the id only settles ties on the same day.
    public static let after = " AND c.due_date >= ? AND NOT (c.due_date = ? AND c.id <= ?)"
    public static let before = " AND c.due_date <= ? AND NOT (c.due_date = ? AND c.id >= ?)"
    public static let notAfter = " AND c.due_date <= ? AND NOT (c.due_date = ? AND c.id > ?)"

    /// The first rows of a part, in due-date order: bind the condition's arguments, then the limit.
    public static func rows(where condition: String) -> String {
        CaseSummary.select + " WHERE " + condition + " ORDER BY c.due_date, c.id LIMIT ?"
    }

    public static func count(where condition: String) -> String { "SELECT count(*) FROM cases c WHERE " + condition }
}

extension LiaisonStore {
    /// Every open status in exactly one group; see `BoardSQL`.
    private func boardParts(today: Day, soon: Day, filter: CaseFilter) -> [(BoardGroup, String, [SQLBindable?])] {
        let parts: [(BoardGroup, String, [SQLBindable?])] = Overdue.arguments(on: today).map { (.overdue, Overdue.condition, $0) }
            + CaseTransition.held.sorted(by: { $0.rawValue < $1.rawValue }).flatMap { status -> [(BoardGroup, String, [SQLBindable?])] in [
                (.dueSoon, BoardSQL.dueBetween, [status, today, soon]),
                (.inHand, BoardSQL.dueFrom, [status, soon.adding(days: 1)]),
            ] } + [
            (.undispatched, BoardSQL.inStatus, [CaseStatus.registered]),
            (.undispatched, BoardSQL.inStatus, [CaseStatus.triaged]),
            (.awaitingFeedback, BoardSQL.inStatus, [CaseStatus.replied]),
            (.awaitingRating, BoardSQL.inStatus, [CaseStatus.feedback]),
            (.unsatisfied, BoardSQL.dueFrom, [CaseStatus.unsatisfied, today]),
            (.unsatisfied, BoardSQL.undated, [CaseStatus.unsatisfied]),
            (.readyToClose, BoardSQL.inStatus, [CaseStatus.readyToClose]),
            (.escalated, BoardSQL.inStatus, [CaseStatus.escalated]),
        ]
        let (extra, arguments) = filter.sql
        return parts.map { ($0.0, "(\($0.1))" + extra, $0.2 + arguments) }
    }

    /// Every open case, grouped by urgency; each group's first `perGroup` cases by due date.
    /// Without `counting`, a group cut at `perGroup` is left uncounted: counting tens of thousands of
    /// index entries is most of the work, and a first screenful does not need it.
    public func followUpBoard(perGroup: Int = 200, counting: Bool = true, filter: CaseFilter = CaseFilter()) throws -> FollowUpBoard {
        let today = self.today
        let soon = calendar.adding(workingDays: 3, to: today)
        return try database.read {
            var counts: [BoardGroup: Int] = [:]
            var uncounted: Set<BoardGroup> = []
            var rows: [BoardGroup: [CaseSummary]] = [:]
            for (group, condition, arguments) in boardParts(today: today, soon: soon, filter: filter) {
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
    public func overdueCases(asOf day: Day, limit: Int = 100, filter: CaseFilter = CaseFilter()) throws -> [CaseSummary] {
        let (extra, filterArguments) = filter.sql
        return try database.read {
            let parts = try Overdue.arguments(on: day).flatMap { arguments in
                try database.fetchAll(BoardSQL.rows(where: Overdue.condition + extra), arguments + filterArguments + [limit],
                                      CaseSummary.init(row:))
            }
            return Array(parts.sorted(by: CaseSummary.byDueDate).prefix(limit))
        }
    }

    public func overdueCount(asOf day: Day, filter: CaseFilter = CaseFilter()) throws -> Int {
        let (extra, filterArguments) = filter.sql
        return try database.read {
            try Overdue.arguments(on: day).reduce(0) { total, arguments in
                total + (try database.scalarInt(BoardSQL.count(where: Overdue.condition + extra), arguments + filterArguments) ?? 0)
            }
        }
    }

    /// The next (or previous) overdue case after `current` in the board's order, across every overdue case
    /// in the database, wrapping round; with its position among them (3/24). Nil when none is overdue.
    /// `total`, when the caller counted them already (the board's heading), saves counting again.
    public func overdueStep(from current: CaseSummary?, forward: Bool, filter: CaseFilter = CaseFilter(),
                            total knownTotal: Int? = nil) throws -> OverdueStep? {
        let today = self.today
        let (extra, filterArguments) = filter.sql
        return try database.read {
            func first(after key: (Day, Int64)?) throws -> CaseSummary? {
                let found = try Overdue.arguments(on: today).compactMap { arguments -> CaseSummary? in
                    var condition = Overdue.condition + extra
                    var bound = arguments + filterArguments
                    if let (due, id) = key {
                        condition += forward ? BoardSQL.after : BoardSQL.before
                        bound += [due, due, id]
                    }
                    let order = forward ? " ORDER BY c.due_date, c.id LIMIT 1" : " ORDER BY c.due_date DESC, c.id DESC LIMIT 1"
                    return try database.fetchOne(CaseSummary.select + " WHERE " + condition + order, bound, CaseSummary.init(row:))
                }
                return forward ? found.min(by: CaseSummary.byDueDate) : found.max(by: CaseSummary.byDueDate)
            }
            let key = current.flatMap { summary in
                summary.isOverdue(on: today) ? summary.dueDate.map { ($0, summary.id) } : nil
            }
            guard let next = try first(after: key) ?? first(after: nil), let due = next.dueDate else { return nil }
            var position = 0
            var total = 0
            for arguments in Overdue.arguments(on: today) {
                position += try database.scalarInt(BoardSQL.count(where: Overdue.condition + extra + BoardSQL.notAfter),
                                                   arguments + filterArguments + [due, due, next.id]) ?? 0
                if knownTotal == nil {
                    total += try database.scalarInt(BoardSQL.count(where: Overdue.condition + extra), arguments + filterArguments) ?? 0
                }
            }
            return OverdueStep(summary: next, position: position, total: knownTotal ?? total)
        }
    }

    /// Every case in the database, closed ones too, whose code, title, description or resident (name or
    /// pinyin initials) has the text, or whose deputy or department it names; the newest first. See `SearchSQL`.
    public func searchCases(_ query: String, limit: Int = 200) throws -> [CaseSummary] {
        let text = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return [] }
        return try database.read {
            var parts: [CaseSummary] = []
            let fetch = { (sql: String, arguments: [SQLBindable?]) in
                parts += try self.database.fetchAll(CaseSummary.select + " WHERE " + sql + " ORDER BY c.id DESC LIMIT ?",
                                                    arguments + [limit], CaseSummary.init(row:))
            }
            let digits = text.halfWidthDigits
            if let serial = Int(digits), digits.count <= 5 {
                // 0042 or 42: that serial in any year.
                try fetch(SearchSQL.serial, [station.id, serial])
            } else if digits.first?.isNumber == true && digits.contains("-") {
                try fetch(SearchSQL.codePrefix, [station.id, digits, digits + "~"])
            }
            // A case found by its code comes first, however old (this year's first): that is the one asked for.
            let byCode = parts.sorted { $0.code > $1.code }
            parts = []
            let pattern = SearchSQL.likePattern(text)
            switch text.count {
            case 1: try fetch(SearchSQL.anywhere, [pattern, pattern])
            case 2:
                // A pair many cases hold is found among the newest at once; a rarer one through the terms
                // it begins, whose lists are then short.
                let before = parts.count
                let newest = try database.scalarInt("SELECT max(id) FROM cases") ?? 0
                try fetch(SearchSQL.recent + SearchSQL.anywhere, [newest - SearchSQL.recentWindow, pattern, pattern])
                if parts.count - before < limit {
                    let terms = try database.fetchAll(SearchSQL.termsStartingWith, [text, text + "\u{10FFFF}"]) { $0.string(0) }
                    if !terms.isEmpty { try fetch(SearchSQL.matching, [terms.map(SearchSQL.quoted).joined(separator: " OR "), limit]) }
                }
            default: try fetch(SearchSQL.matching, [SearchSQL.quoted(text), limit])
            }
            try fetch(SearchSQL.byResident, [text, text + "\u{10FFFF}", text.lowercased(), text.lowercased()])
            try fetch(SearchSQL.byDeputyOrDepartment, [text, text.lowercased(), text.lowercased(), text])
            var seen = Set<Int64>()
            return Array((byCode + parts.sorted { $0.id > $1.id }).filter { seen.insert($0.id).inserted }.prefix(limit))
        }
    }
}

/// The search's SQL over `cases c`: the code by its index, the text by the trigram index (FTS5, SQLite's
/// own), the resident by the residents' name and initials indexes.
public enum SearchSQL {
    /// Bind the station and the serial: that serial in every year, straight from the (station, year, serial) index.
    public static let serial = "c.station_id = ? AND c.year BETWEEN 2000 AND 2200 AND c.serial = ?"
    public static let codePrefix = "c.station_id = ? AND c.code >= ? AND c.code < ?"
    /// Three characters or more: the phrase, quoted.
    /// Bind the query, then the limit: the index gives the newest matches first (its rowid is the case's id).
    public static let matching = "c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?)"
    /// Two characters: every three-character term that begins with them (the text ends in a space, so
    /// each pair begins one), read from the term list's index.
    public static let termsStartingWith = "SELECT term FROM case_search_terms WHERE term >= ? AND term < ?"
    /// The newest cases only (bind the id below them), read through before the term list for two characters.
    public static let recent = "c.id > ? AND "
    public static let recentWindow = 20_000
    /// One character: the titles and descriptions read newest first until enough are found.
    public static let anywhere = "(c.title LIKE ? ESCAPE '\\' OR c.description LIKE ? ESCAPE '\\')"
    /// A responsible deputy by name or pinyin initials, or a department by its whole name. Each through
    /// its own index, joined: an OR over both columns would read every case, newest first, when nobody matches.
    public static let byDeputyOrDepartment = """
        c.id IN (SELECT id FROM cases WHERE responsible_deputy_id IN
                     (SELECT id FROM deputies WHERE name = ? OR name_initials = ? OR name_initials_alt = ?)
                 UNION ALL SELECT id FROM cases WHERE department_id IN (SELECT id FROM departments WHERE name = ?))
        """
    /// A resident by the start of their name or their initials, each through its own index.
    public static let byResident = """
        c.resident_id IN (SELECT id FROM residents WHERE name >= ? AND name < ?
                          UNION ALL SELECT id FROM residents WHERE name_initials = ?
                          UNION ALL SELECT id FROM residents WHERE name_initials_alt = ?)
        """

    /// A new case's text, as the migration indexed every earlier one: bind the id and title + " " +
    /// description + " ".
    public static let index = "INSERT INTO case_search(rowid, text) VALUES (?, ?)"

    /// A phrase for MATCH: in double quotes, its own quotes doubled.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    static func likePattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}

/// Where stepping through the overdue cases has come to.
public struct OverdueStep: Hashable, Sendable {
    public let summary: CaseSummary
    /// 1-based, among `total`.
    public let position: Int
    public let total: Int
}

extension CaseSummary {
    /// Due date first (undated last), then id: the board's order.
    static func byDueDate(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        (a.dueDate ?? Day(ordinal: .max), a.id) < (b.dueDate ?? Day(ordinal: .max), b.id)
    }
}
