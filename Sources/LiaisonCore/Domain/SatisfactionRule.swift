import Foundation

/// 满意率低于 80% 须书面说明: a department (or a deputy, for the ratings given on residents' behalf) whose
/// satisfaction over a period falls below the station's threshold explains itself in writing within a
/// time limit; a unit with fewer ratings than the minimum is not judged, so one unhappy resident does not
/// flag a department.
public struct SatisfactionRule: Hashable, Sendable {
    /// Percent.
    public var threshold: Int
    public var minimumRatings: Int
    /// Calendar days to answer in writing.
    public var explanationDays: Int

    public static let standard = SatisfactionRule(threshold: 80, minimumRatings: 5, explanationDays: 30)

    public init(threshold: Int, minimumRatings: Int, explanationDays: Int) {
        self.threshold = threshold
        self.minimumRatings = minimumRatings
        self.explanationDays = explanationDays
    }

    /// Whether these ratings fall below the line: enough of them, and too few satisfied.
    public func flags(ratings: Int, satisfied: Int) -> Bool {
        ratings >= minimumRatings && satisfied * 100 < threshold * ratings
    }

    /// 满意率低于 80%（测评不少于 5 次的）: the rule as the screen says it.
    public var description: String { "满意率低于 \(threshold)%（测评不少于 \(minimumRatings) 次的），\(explanationDays) 天内书面说明" }
}

/// A department or a deputy below the line over a period.
public struct BelowThreshold: Hashable, Sendable {
    public let kind: String
    public let name: String
    public let ratings: Int
    public let satisfied: Int

    public var rate: Double { Double(satisfied) / Double(ratings) }
}

extension StatisticsSQL {
    /// The ratings deputies gave on residents' behalf (代表评单), by the case's deputy.
    static let deputyRatings: String = """
        SELECT d.name, count(*), sum(\(SatisfiedRating.result("t"))) FROM ratings t JOIN cases c ON c.id = t.case_id
        JOIN deputies d ON d.id = c.responsible_deputy_id
        WHERE c.station_id = ? AND t.rated_by = 'deputy' AND t.rated_at >= ? AND t.rated_at < ? GROUP BY d.id ORDER BY d.name
        """
}

extension LiaisonStore {
    /// Who falls below the station's satisfaction line over `period`: departments by the ratings of the
    /// rounds they replied to, deputies by the ratings they gave on residents' behalf.
    /// `byDepartment`: the period's report by department when the caller has it already.
    public func belowThreshold(_ period: StatisticsPeriod, rule: SatisfactionRule? = nil,
                               byDepartment: StatisticsReport? = nil) throws -> [BelowThreshold] {
        let rule = try rule ?? satisfactionRule()
        let report = try byDepartment.flatMap { $0.dimension == .department && $0.period == period ? $0 : nil }
            ?? statistics(period, by: .department)
        // A rating no department answered for (an escalated case's) is no department's.
        let departments = report.groups.compactMap { group -> BelowThreshold? in
            let figures = group.figures
            guard !group.key.isEmpty else { return nil }
            guard rule.flags(ratings: figures[.ratings], satisfied: figures[.satisfied]) else { return nil }
            return BelowThreshold(kind: "承办单位", name: group.name, ratings: figures[.ratings], satisfied: figures[.satisfied])
        }
        let deputies = try database.fetchAll(StatisticsSQL.deputyRatings, [station.id, period.first, period.last.adding(days: 1)]) {
            BelowThreshold(kind: "代表", name: $0.string(0), ratings: $0.int(1), satisfied: $0.int(2))
        }.filter { rule.flags(ratings: $0.ratings, satisfied: $0.satisfied) }
        return departments.sorted { $0.rate < $1.rate } + deputies.sorted { $0.rate < $1.rate }
    }

    /// The notice asking each unit below the line to explain in writing by the date it gives.
    public func explanationNotice(_ period: StatisticsPeriod, flagged: [BelowThreshold], rule: SatisfactionRule) -> String {
        let due = today.adding(days: rule.explanationDays)
        var lines = ["\(station.name)", "满意率情况说明通知", "",
                     "    \(period.label)，以下承办单位办理群众诉求的满意率、代表评单的满意率低于 \(rule.threshold)%"
                     + "（测评不少于 \(rule.minimumRatings) 次的计入）。请于 \(due.year)年\(due.month)月\(due.dayOfMonth)日前将原因和整改措施书面报送联络站。", ""]
        lines += flagged.map {
            "    \($0.kind) \($0.name)：\($0.kind == "代表" ? "代表评单" : "测评") \($0.ratings) 次，满意和基本满意 \($0.satisfied) 次，满意率 \(FigureSet.percent($0.rate))"
        }
        let (year, month, day) = today.components
        lines += ["", "\(station.name)", "\(year)年\(month)月\(day)日", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes the notice through `write` and audits it.
    public func exportExplanationNotice(_ period: StatisticsPeriod, fileName: String, session: Session,
                                        write: ([UInt8]) throws -> Void) throws -> Int {
        try session.require(.askForExplanations)
        let rule = try satisfactionRule()
        let flagged = try belowThreshold(period, rule: rule)
        guard !flagged.isEmpty else { throw DomainError.invalid("\(period.label)没有满意率低于 \(rule.threshold)% 的单位和代表") }
        try write(Array(explanationNotice(period, flagged: flagged, rule: rule).utf8))
        try database.write { try audit("statistics.explanation", subject: period.label, detail: fileName, session: session) }
        return flagged.count
    }
}
