import Foundation

/// The dates a report covers, both included.
public struct StatisticsPeriod: Hashable, Sendable {
    public let first: Day
    public let last: Day

    /// Refuses a period that ends before it starts, naming the field (`to`).
    public init(first: Day, last: Day) throws {
        guard first <= last else { throw InvalidField("to", "不能早于开始日期 \(first.iso)") }
        self.first = first
        self.last = last
    }

    private init(unchecked first: Day, _ last: Day) {
        self.first = first
        self.last = last
    }

    public static func month(_ month: Int, of year: Int) -> StatisticsPeriod {
        let first = Day.firstOfMonth(year: year, month: month)
        return StatisticsPeriod(unchecked: first, first.adding(days: Day.daysIn(year: year, month: month) - 1))
    }

    public static func quarter(containing day: Day) -> StatisticsPeriod {
        let start = (day.month - 1) / 3 * 3 + 1
        let first = Day.firstOfMonth(year: day.year, month: start)
        return StatisticsPeriod(unchecked: first, month(start + 2, of: day.year).last)
    }

    public static func year(_ year: Int) -> StatisticsPeriod {
        let (first, last) = Day.yearBounds(year)
        return StatisticsPeriod(unchecked: first, last)
    }

    /// 2026年11月, 2026年第四季度, 2026年, or 2026-11-03 至 2026-11-20.
    public var label: String {
        let (year, month, day) = first.components
        if day == 1 {
            if last == StatisticsPeriod.month(month, of: year).last { return "\(year)年\(month)月" }
            if (month - 1) % 3 == 0, last == StatisticsPeriod.quarter(containing: first).last {
                return "\(year)年第\(["一", "二", "三", "四"][(month - 1) / 3])季度"
            }
            if month == 1, last == StatisticsPeriod.year(year).last { return "\(year)年" }
        }
        return "\(first.iso) 至 \(last.iso)"
    }
}

/// What a figure is broken down by.
public enum StatisticsDimension: String, Labelled {
    case category, department, deputy, tier
    public var label: String {
        switch self {
        case .category: "类别"
        case .department: "承办单位"
        case .deputy: "代表"
        case .tier: "分级"
        }
    }
}

/// A count the station reports, each defined once: what counts and what does not. The help beside a
/// figure is its `definition`.
public enum Figure: String, CaseIterable, Sendable {
    case received, answeredOnSpot, opened, dispatched, dispatchedReplied, replied, repliedOnTime, overdueNow, closed,
         closedWithReason, reopened, escalated, ratings, satisfied, attitudes, attitudeSatisfied

    public var label: String {
        switch self {
        case .received: "来访登记"
        case .answeredOnSpot: "当场答复"
        case .opened: "立案诉求"
        case .dispatched: "交办"
        case .dispatchedReplied: "交办已答复"
        case .replied: "答复"
        case .repliedOnTime: "按时答复"
        case .overdueNow: "现逾期"
        case .closed: "销号"
        case .closedWithReason: "写明理由销号"
        case .reopened: "重新交办"
        case .escalated: "上报"
        case .ratings: "测评"
        case .satisfied: "满意和基本满意"
        case .attitudes: "测评办理态度"
        case .attitudeSatisfied: "态度满意和基本满意"
        }
    }

    public var definition: String {
        switch self {
        case .received: "期间登记的来访（含来电、来信、网上、走访、会议），按渠道分；过号的也算。"
        case .answeredOnSpot: "期间登记、当场答复办结的来访。"
        case .opened: "期间立案的诉求：接待转来的、当场答复即时办结的、会议新开的跟进诉求都算。"
        case .dispatched: "期间交给承办单位的轮次：一件诉求的每一轮算一次，调整承办单位不另算；按承办单位分时，每个单位算它接手的，退回、调走和上报的不计。"
        case .dispatchedReplied: "期间交办的轮次中，到现在已答复的。"
        case .replied: "期间承办单位答复的轮次。"
        case .repliedOnTime: "期间的答复中，在答复当时有效的期限（含批准的延期）之前或当天答复的。"
        case .overdueNow: "现在逾期的诉求（与期间无关）：承办单位在办或不满意待重办，且已过期限。"
        case .closed: "期间销号的诉求，含当场答复即时办结的。"
        case .closedWithReason: "期间由督办人员写明理由销号、不是因群众满意而销号的；不进满意率，按其测评计。"
        case .reopened: "期间因群众不满意而重新交办的轮次。"
        case .escalated: "期间上报上级人大的诉求，一件上报几次也算一件。"
        case .ratings: "期间的满意度测评（群众本人或代表评单）；按承办单位分时计给答复那一轮的单位。"
        case .satisfied: "期间测评结果为满意或基本满意的。"
        case .attitudes: "期间测评中评了办理态度的。"
        case .attitudeSatisfied: "期间办理态度评为满意或基本满意的。"
        }
    }
}

/// A rate: one figure over another, each defined once.
public enum StatisticsRate: String, CaseIterable, Sendable {
    case replyRate, onTimeRate, satisfactionRate, attitudeRate

    public var label: String {
        switch self {
        case .replyRate: "答复率"
        case .onTimeRate: "按时答复率"
        case .satisfactionRate: "满意率"
        case .attitudeRate: "态度满意率"
        }
    }

    public var parts: (numerator: Figure, denominator: Figure) {
        switch self {
        case .replyRate: (.dispatchedReplied, .dispatched)
        case .onTimeRate: (.repliedOnTime, .replied)
        case .satisfactionRate: (.satisfied, .ratings)
        case .attitudeRate: (.attitudeSatisfied, .attitudes)
        }
    }

    public var definition: String {
        "\(parts.numerator.label) ÷ \(parts.denominator.label)" + (self == .satisfactionRate ? "（满意率计满意和基本满意）" : "")
    }
}

/// The figures of one group (the station, or one category, department, deputy or tier).
public struct FigureSet: Hashable, Sendable {
    public var counts: [Figure: Int] = [:]
    /// Working days from dispatch to reply, summed over the replies, for the average.
    public var replyWorkingDays = 0

    public init() {}

    public subscript(figure: Figure) -> Int {
        get { counts[figure] ?? 0 }
        set { counts[figure] = newValue }
    }

    /// The rate, nil when nothing is counted below the line.
    public func rate(_ rate: StatisticsRate) -> Double? {
        let below = self[rate.parts.denominator]
        return below == 0 ? nil : Double(self[rate.parts.numerator]) / Double(below)
    }

    /// 平均答复用时: working days from dispatch to reply, over the period's replies.
    public var averageReplyWorkingDays: Double? { self[.replied] == 0 ? nil : Double(replyWorkingDays) / Double(self[.replied]) }

    /// 60.0%, or — when nothing is counted below the line.
    public static func percent(_ rate: Double?) -> String { rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    /// The figures as the screen and `report` give them, a line each; visits by channel when known.
    public func summary(byChannel: [(channel: Channel, count: Int)] = []) -> [String] {
        let channels = byChannel.isEmpty ? "" : "（" + byChannel.map { "\($0.channel.label) \($0.count)" }.joined(separator: " ") + "）"
        return [
            "来访登记 \(self[.received])" + channels,
            line(.answeredOnSpot, .opened), line(.dispatched, .dispatchedReplied), line(.replied, .repliedOnTime), line(.overdueNow),
            line(.closed, .closedWithReason), line(.reopened, .escalated), line(.ratings, .satisfied),
        ] + StatisticsRate.allCases.map { "\($0.label) \(FigureSet.percent(rate($0)))" }
            + ["平均答复用时 " + (averageReplyWorkingDays.map { String(format: "%.1f 个工作日", $0) } ?? "—")]
    }

    /// 交办 5  交办已答复 3: figures by their own labels, as the definitions name them.
    private func line(_ figures: Figure...) -> String { figures.map { "\($0.label) \(self[$0])" }.joined(separator: "  ") }

    /// The definitions of everything `summary` says, for help beside the figures.
    public static var definitions: [String] {
        Figure.allCases.map { "\($0.label)：\($0.definition)" } + StatisticsRate.allCases.map { "\($0.label)：\($0.definition)" }
            + ["平均答复用时：从该轮交办到答复的工作日数，按节假日安排计，取期间答复的平均。"]
    }
}

/// A report: the station's figures over a period, visits by channel, and the groups of a breakdown.
public struct StatisticsReport: Sendable {
    public let period: StatisticsPeriod
    public let total: FigureSet
    public let byChannel: [(channel: Channel, count: Int)]
    public let dimension: StatisticsDimension?
    /// Each group's key (its row's id; empty for none), name (未分类, 未交办 … for none) and figures, in no
    /// particular order.
    public let groups: [(key: String, name: String, figures: FigureSet)]
}

extension StatisticsReport {
    /// A header and a row per group, the station first: every figure, the rates and the average reply
    /// time, as `report --format csv` writes them.
    public var table: [[String]] {
        let header = ["名称"] + Figure.allCases.map(\.label) + StatisticsRate.allCases.map(\.label) + ["平均答复用时（工作日）"]
        let row = { (name: String, figures: FigureSet) -> [String] in
            [name] + Figure.allCases.map { "\(figures[$0])" } + StatisticsRate.allCases.map { FigureSet.percent(figures.rate($0)) }
                + [figures.averageReplyWorkingDays.map { String(format: "%.1f", $0) } ?? ""]
        }
        return [header, row("全站", total)] + groups.sorted { $0.name < $1.name }.map { row($0.name, $0.figures) }
    }
}

/// The SQL of the statistics, one statement per source table: the period's rows grouped by the
/// breakdown's column (a constant when there is none). Every count is one glossary figure.
public enum StatisticsSQL {
    /// Every statement a report runs with its arguments, for the benchmark to run in the sqlite3 program:
    /// the station's, and the breakdown's when there is one (as `statistics` runs them).
    public static func statements(_ period: StatisticsPeriod, by dimension: StatisticsDimension?, stationID: Int64,
                                  today: Day) -> [(sql: String, arguments: [Any])] {
        (dimension == nil ? [nil] : [nil, dimension]).flatMap { pass(period, by: $0, stationID: stationID, today: today) }
    }

    private static func pass(_ period: StatisticsPeriod, by dimension: StatisticsDimension?, stationID: Int64,
                             today: Day) -> [(sql: String, arguments: [Any])] {
        let range: [Any] = [stationID, period.first.iso, period.last.iso]
        let days: [Any] = [period.first.iso, period.last.iso, stationID]
        let moments: [Any] = [stationID, period.first.iso, period.last.adding(days: 1).iso]
        return [(visits(dimension), range), (opened(dimension), days), (closed(dimension), days), (dispatched(dimension), range),
                (replies(dimension), range), (events(dimension), moments), (ratings(dimension), moments)]
            + Overdue.statuses.map { (overdue(dimension), [stationID, $0.rawValue, today.iso]) }
    }

    /// The breakdown's column in each source, over `c` (cases) and `p` (a dispatch) or `v` (a visit).
    static func key(_ dimension: StatisticsDimension?, visits: Bool = false, dispatch: Bool = false) -> String {
        switch dimension {
        case nil: "NULL"
        case .category?: visits ? "v.category_id" : "c.category_id"
        case .department?: dispatch ? "p.department_id" : "c.department_id"
        case .deputy?: visits ? "v.receiving_deputy_id" : "c.responsible_deputy_id"
        case .tier?: "c.tier"
        }
    }

    static func visits(_ dimension: StatisticsDimension?) -> String {
        """
        SELECT \(key(dimension, visits: true)), v.channel, count(*), sum(v.outcome = 'answeredOnSpot')
        FROM visits v LEFT JOIN cases c ON c.id = v.case_id
        WHERE v.station_id = ? AND v.day >= ? AND v.day <= ? GROUP BY 1, 2
        """
    }

    static func opened(_ dimension: StatisticsDimension?) -> String {
        "SELECT \(key(dimension)), count(*) FROM cases c WHERE c.opened_on >= ? AND c.opened_on <= ? AND c.station_id = ? GROUP BY 1"
    }

    static func closed(_ dimension: StatisticsDimension?) -> String {
        """
        SELECT \(key(dimension)), count(*), sum(c.closed_with_reason) FROM cases c INDEXED BY cases_by_closed
        WHERE c.closed_on >= ? AND c.closed_on <= ? AND c.station_id = ? GROUP BY 1
        """
    }

    /// The first dispatch of each round in the period, and whether the round has been replied; by
    /// department, each dispatch its department was to answer (not returned, swapped away or escalated).
    static func dispatched(_ dimension: StatisticsDimension?) -> String {
        if dimension == .department {
            return """
                SELECT p.department_id, count(*), sum(p.replied_on IS NOT NULL)
                FROM dispatches p JOIN cases c ON c.id = p.case_id
                WHERE c.station_id = ? AND p.dispatched_on >= ? AND p.dispatched_on <= ? AND p.ended_how IS NULL GROUP BY 1
                """
        }
        return """
        SELECT \(key(dimension, dispatch: true)), count(*),
               sum(EXISTS (SELECT 1 FROM dispatches r WHERE r.case_id = p.case_id AND r.round = p.round AND r.replied_on IS NOT NULL))
        FROM dispatches p JOIN cases c ON c.id = p.case_id
        WHERE c.station_id = ? AND p.dispatched_on >= ? AND p.dispatched_on <= ?
          AND NOT EXISTS (SELECT 1 FROM dispatches e WHERE e.case_id = p.case_id AND e.round = p.round AND e.id < p.id)
        GROUP BY 1
        """
    }

    /// The period's replies with the round's first dispatch day and the due date in force when replied
    /// (the latest set on or before the reply; the dispatch's own when none was recorded).
    static func replies(_ dimension: StatisticsDimension?) -> String {
        """
        SELECT \(key(dimension, dispatch: true)),
               (SELECT min(f.dispatched_on) FROM dispatches f WHERE f.case_id = p.case_id AND f.round = p.round), p.replied_on,
               coalesce((SELECT d.due_date FROM due_dates d WHERE d.case_id = p.case_id AND d.round = p.round AND d.set_on <= p.replied_on
                         ORDER BY d.id DESC LIMIT 1), p.due_date)
        FROM dispatches p JOIN cases c ON c.id = p.case_id
        WHERE c.station_id = ? AND p.replied_on >= ? AND p.replied_on <= ?
        """
    }

    static func events(_ dimension: StatisticsDimension?) -> String {
        """
        SELECT \(key(dimension)), sum(e.kind = 'reopened'), count(DISTINCT CASE WHEN e.kind = 'escalated' THEN e.case_id END)
        FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.station_id = ? AND e.kind IN ('reopened', 'escalated') AND e.at >= ? AND e.at < ? GROUP BY 1
        """
    }

    /// Ratings of the period; a department's are those of the rounds it replied to.
    static func ratings(_ dimension: StatisticsDimension?) -> String {
        """
        SELECT \(key(dimension, dispatch: true)), count(*), sum(\(SatisfiedRating.result("t"))), count(t.attitude),
               sum(\(SatisfiedRating.attitude("t")))
        FROM ratings t JOIN cases c ON c.id = t.case_id
        LEFT JOIN dispatches p ON p.id = (SELECT max(q.id) FROM dispatches q WHERE q.case_id = t.case_id AND q.round = t.round
                                          AND q.replied_on IS NOT NULL)
        WHERE c.station_id = ? AND t.rated_at >= ? AND t.rated_at < ? GROUP BY 1
        """
    }

    /// Visits and closed cases of a year, month by month.
    static let receivedByMonth = """
        SELECT CAST(substr(day, 6, 2) AS INTEGER), count(*) FROM visits WHERE station_id = ? AND day >= ? AND day <= ? GROUP BY 1
        """
    static let closedByMonth = """
        SELECT CAST(substr(closed_on, 6, 2) AS INTEGER), count(*) FROM cases
        WHERE station_id = ? AND closed_on >= ? AND closed_on <= ? GROUP BY 1
        """

    static func overdue(_ dimension: StatisticsDimension?) -> String {
        "SELECT \(key(dimension)), count(*) FROM cases c WHERE c.station_id = ? AND " + Overdue.condition + " GROUP BY 1"
    }
}

extension LiaisonStore {
    /// The station's figures over `period`, broken down by `dimension` when one is given. The station's
    /// own are counted apart: by department a round may be two departments' (one swapped away), yet it is
    /// one round of the station's.
    public func statistics(_ period: StatisticsPeriod, by dimension: StatisticsDimension? = nil) throws -> StatisticsReport {
        try database.read {
            let (whole, channels) = try figures(period, by: nil)
            let groups = try dimension.map { try figures(period, by: $0).groups } ?? [:]
            let named = try dimension.map { try groupNames($0, keys: Array(groups.keys)) } ?? [:]
            return StatisticsReport(period: period, total: whole[""] ?? FigureSet(),
                                    byChannel: Channel.allCases.compactMap { channel in channels[channel].map { (channel, $0) } },
                                    dimension: dimension, groups: groups.map { ($0.key, named[$0.key] ?? $0.key, $0.value) })
        }
    }

    /// The figures of each group of `dimension` (one group, keyed "", without one), and visits by channel.
    private func figures(_ period: StatisticsPeriod, by dimension: StatisticsDimension?) throws
        -> (groups: [String: FigureSet], channels: [Channel: Int]) {
            var groups: [String: FigureSet] = [:]
            var channels: [Channel: Int] = [:]
            let range: [SQLBindable?] = [station.id, period.first, period.last]
            // Event and rating times are moments: the period runs to the start of the day after.
            let moments: [SQLBindable?] = [station.id, period.first, period.last.adding(days: 1)]
            let key = { (row: Statement) in row.isNull(0) ? "" : row.string(0) }
            _ = try database.fetchAll(StatisticsSQL.visits(dimension), range) { row in
                channels[try row.value(1, as: Channel.self), default: 0] += row.int(2)
                groups[key(row), default: FigureSet()][.received] += row.int(2)
                groups[key(row), default: FigureSet()][.answeredOnSpot] += row.int(3)
            }
            let days: [SQLBindable?] = [period.first, period.last, station.id]
            _ = try database.fetchAll(StatisticsSQL.opened(dimension), days) { groups[key($0), default: FigureSet()][.opened] += $0.int(1) }
            _ = try database.fetchAll(StatisticsSQL.closed(dimension), days) { row in
                groups[key(row), default: FigureSet()][.closed] += row.int(1)
                groups[key(row), default: FigureSet()][.closedWithReason] += row.int(2)
            }
            _ = try database.fetchAll(StatisticsSQL.dispatched(dimension), range) { row in
                groups[key(row), default: FigureSet()][.dispatched] += row.int(1)
                groups[key(row), default: FigureSet()][.dispatchedReplied] += row.int(2)
            }
            // Working days are counted by the calendar, once per distinct pair of days.
            var spans: [Day: [Day: Int]] = [:]
            _ = try database.fetchAll(StatisticsSQL.replies(dimension), range) { row in
                let (dispatched, replied, due) = (try row.day(1), try row.day(2), try row.day(3))
                var figures = groups[key(row), default: FigureSet()]
                figures[.replied] += 1
                if replied <= due { figures[.repliedOnTime] += 1 }
                let days = spans[dispatched]?[replied] ?? calendar.workingDays(from: dispatched, to: replied)
                spans[dispatched, default: [:]][replied] = days
                figures.replyWorkingDays += days
                groups[key(row)] = figures
            }
            _ = try database.fetchAll(StatisticsSQL.events(dimension), moments) { row in
                groups[key(row), default: FigureSet()][.reopened] += row.int(1)
                groups[key(row), default: FigureSet()][.escalated] += row.int(2)
            }
            _ = try database.fetchAll(StatisticsSQL.ratings(dimension), moments) { row in
                var figures = groups[key(row), default: FigureSet()]
                figures[.ratings] += row.int(1)
                figures[.satisfied] += row.int(2)
                figures[.attitudes] += row.int(3)
                figures[.attitudeSatisfied] += row.int(4)
                groups[key(row)] = figures
            }
            for arguments in Overdue.arguments(on: today) {
                _ = try database.fetchAll(StatisticsSQL.overdue(dimension), [station.id] + arguments) { row in
                    groups[key(row), default: FigureSet()][.overdueNow] += row.int(1)
                }
            }
            return (groups, channels)
    }

    /// 来访登记 and 销号 of each month of `year`, for the year's chart.
    public func monthlyTrend(year: Int) throws -> [(month: Int, received: Int, closed: Int)] {
        let (first, last) = Day.yearBounds(year)
        return try database.read {
            var received: [Int: Int] = [:]
            var closed: [Int: Int] = [:]
            _ = try database.fetchAll(StatisticsSQL.receivedByMonth, [station.id, first, last]) { received[$0.int(0)] = $0.int(1) }
            _ = try database.fetchAll(StatisticsSQL.closedByMonth, [station.id, first, last]) { closed[$0.int(0)] = $0.int(1) }
            return (1...12).map { ($0, received[$0] ?? 0, closed[$0] ?? 0) }
        }
    }

    /// The names of a breakdown's keys; a missing key is 未分类 (or 未交办, 未指定, 未分级).
    private func groupNames(_ dimension: StatisticsDimension, keys: [String]) throws -> [String: String] {
        var names: [String: String] = [:]
        let none: String
        switch dimension {
        case .category: none = "未分类"
        case .department: none = "未交办"
        case .deputy: none = "未指定代表"
        case .tier: none = "未分级"
        }
        for key in keys {
            if key.isEmpty { names[key] = none; continue }
            switch dimension {
            case .tier: names[key] = Tier(rawValue: key)?.label ?? key
            case .category: names[key] = try database.scalarString("SELECT name FROM categories WHERE id = ?", [Int64(key)])
            case .department: names[key] = try database.scalarString("SELECT name FROM departments WHERE id = ?", [Int64(key)])
            case .deputy: names[key] = try database.scalarString("SELECT name FROM deputies WHERE id = ?", [Int64(key)])
            }
        }
        return names
    }
}
