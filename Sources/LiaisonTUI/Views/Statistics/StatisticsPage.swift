import LiaisonCore

/// 统计: the station's figures over a period (p), broken down by category, department, deputy or tier
/// (b), ordered by count or by satisfaction (s); the table with the selected group's figures and their
/// definitions beside it, or (v) the breakdown and the year month by month as charts. A district's year
/// takes a moment to count: the screen says so at once and counts when no key waits.
final class StatisticsPage: Page {
    enum Order { case count, satisfaction }

    let id = DeskScreenID.statistics
    let store: LiaisonStore
    private(set) var period: StatisticsPeriod
    private(set) var dimension = StatisticsDimension.department
    private(set) var order = Order.count
    private(set) var showsChart = false
    private var report: StatisticsReport?
    private var trend: [(month: Int, received: Int, closed: Int)] = []
    private var rule = SatisfactionRule.standard
    /// Who is below the satisfaction line over the period: the same list the notice (E) gives.
    private var flagged: [BelowThreshold] = []
    private var chartLines: [(text: String, role: TextRole)] = []
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("名称", width: 10, flexible: true, elastic: true), TableColumn("交办", width: 5, alignRight: true),
        TableColumn("答复", width: 5, alignRight: true), TableColumn("按时率", width: 6, alignRight: true),
        TableColumn("满意率", width: 6, alignRight: true), TableColumn("现逾期", width: 6, alignRight: true),
    ], detailTitle: "数字与口径", emptyText: "这一期间没有数字") { [unowned self] id in
        self.detail(of: id)
    }

    init(store: LiaisonStore) {
        self.store = store
        period = .month(store.today.month, of: store.today.year)
    }

    var list: ListDetail? { showsChart ? nil : rows }

    /// Whether the figures shown are not yet those of the period and breakdown chosen.
    private(set) var stale = true
    var hasMoreToLoad: Bool { stale }

    func reload() throws {
        stale = true
        rows.setEntries([.heading("正在统计\(period.label)（按\(dimension.label)）…", role: .muted)])
    }

    func loadMore() throws {
        stale = false
        let report = try store.statistics(period, by: dimension)
        self.report = report
        // The year's months are read only for the chart: a district's year is most of the wait.
        trend = showsChart ? try store.monthlyTrend(year: period.last.year) : []
        rule = try store.satisfactionRule()
        flagged = try store.belowThreshold(period, rule: rule, byDepartment: report)
        var entries: [ListEntry] = [.heading("\(period.label)（p 换期间）  按\(dimension.label)（b 换）"),
                                    row("total", "全站", report.total)]
        entries.append(.heading("按\(dimension.label)，" + (order == .count ? "交办多的在前（s 按满意率）" : "满意率低的在前（s 按件数）")))
        entries += sortedGroups(report).map { row("g-\($0.key)", $0.name, $0.figures) }
        if !flagged.isEmpty {
            entries.append(.heading("满意率低于 \(rule.threshold)% 的：" + flagged.map(\.name).joined(separator: "、") + "（E 写说明通知）", role: .overdue))
        }
        rows.setEntries(entries)
    }

    private func sortedGroups(_ report: StatisticsReport) -> [(key: String, name: String, figures: FigureSet)] {
        report.groups.sorted { left, right in
            switch order {
            case .count: return (left.figures[.dispatched], left.figures[.opened], right.name) > (right.figures[.dispatched], right.figures[.opened], left.name)
            // No ratings sort last: there is no rate to compare.
            case .satisfaction:
                return (left.figures.rate(.satisfactionRate) ?? 2, left.name) < (right.figures.rate(.satisfactionRate) ?? 2, right.name)
            }
        }
    }

    /// A department or deputy of this breakdown on the list below the satisfaction line.
    private func flags(_ name: String) -> Bool {
        let kind = dimension == .department ? "承办单位" : dimension == .deputy ? "代表" : ""
        return flagged.contains { $0.kind == kind && $0.name == name }
    }

    private func row(_ id: String, _ name: String, _ figures: FigureSet) -> ListEntry {
        .row(id, [name, "\(figures[.dispatched])", "\(figures[.replied])", FigureSet.percent(figures.rate(.onTimeRate)),
                  FigureSet.percent(figures.rate(.satisfactionRate)), "\(figures[.overdueNow])"],
             role: id != "total" && flags(name) ? .overdue : .normal, search: [name])
    }

    /// The chart has no rows: the list's keys wait for the table.
    func offers(_ action: Action) -> Bool {
        !showsChart || ![.nextPane, .open, .filter, .moveDown, .moveUp, .pageDown, .pageUp, .first, .last].contains(action)
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .choosePeriod: return .push(periodPicker())
        case .cycleBreakdown:
            let all = StatisticsDimension.allCases
            dimension = all[((all.firstIndex(of: dimension) ?? 0) + 1) % all.count]
            try reload()
            return .say("按\(dimension.label)分组", .muted)
        case .cycleSort:
            order = order == .count ? .satisfaction : .count
            try reload()
            return .say(order == .count ? "交办多的在前" : "满意率低的在前", .muted)
        case .toggleChart:
            showsChart.toggle()
            if showsChart, trend.isEmpty { try reload() }
            return .handled
        case .exportReport:
            let file = "满意率说明通知-\(period.first.iso)至\(period.last.iso)-\(BesideDatabase.stamp(store)).txt"
            var count = 0
            if let failed = try BesideDatabase.write(file, store: store, export: { [store, period] path, write in
                count = try store.exportExplanationNotice(period, fileName: path, session: desk.session, write: write)
            }) { return failed }
            return .saved("已写满意率说明通知（\(count) 个单位和代表）：数据库所在目录 \(file)")
        default:
            if showsChart { return nil }
            return rows.handle(action) ?? (stale ? .say("正在统计，稍候", .muted) : nil)
        }
    }

    /// This month, last month, this quarter, this year, last year, or two dates typed.
    private func periodPicker() -> PickLayer {
        let today = store.today
        let last = Day.month(today.month, of: today.year, adding: -1)
        let choices: [(String, StatisticsPeriod?)] = [
            ("本月", .month(today.month, of: today.year)), ("上月", .month(last.month, of: last.year)),
            ("本季度", .quarter(containing: today)), ("本年", .year(today.year)), ("上一年", .year(today.year - 1)), ("自定…", nil),
        ]
        let options = choices.enumerated().map { index, choice in
            ChoiceOption(value: "\(index)", label: choice.0, note: choice.1?.label ?? "填开始和结束日期")
        }
        return PickLayer(title: "统计期间", details: ["现在：\(period.label)"], options: options) { [unowned self] option in
            guard let chosen = Int(option.value).flatMap({ choices[$0].1 }) else {
                return .push(try FormLayer(spec: PeriodForm(page: self), share: rows.share))
            }
            try show(chosen)
            return .say("统计期间：\(chosen.label)", .muted)
        }
    }

    func show(_ period: StatisticsPeriod) throws {
        self.period = period
        try reload()
    }

    func prepare(_ body: BodyArea) throws {
        guard showsChart, let report, !stale else { return try rows.prepare(body) }
        chartLines = StatisticsPage.chart(report, groups: sortedGroups(report), trend: trend, order: order, body: body)
    }

    func render(on screen: Screen, body: BodyArea) {
        guard showsChart, !stale else { return rows.render(on: screen, body: body) }
        for (offset, line) in chartLines.prefix(body.height).enumerated() {
            screen.drawRow(body.top + offset, line.text, role: line.role)
        }
        for row in (body.top + min(chartLines.count, body.height))..<(body.top + body.height) { screen.drawRow(row, "") }
    }

    /// The breakdown as bars of the order's measure, then the year's visits and closed cases by month.
    private static func chart(_ report: StatisticsReport, groups: [(key: String, name: String, figures: FigureSet)],
                              trend: [(month: Int, received: Int, closed: Int)], order: Order, body: BodyArea) -> [(text: String, role: TextRole)] {
        var lines: [(String, TextRole)] = []
        let measure = order == .count ? "交办件数" : "满意率"
        lines.append(("\(report.period.label) 按\(report.dimension?.label ?? "")的\(measure)（s 换，v 回表格）", .header))
        let trendHeight = 6
        let room = max(1, body.height - trendHeight - 4)
        let bars = groups.prefix(room).map { group -> (label: String, value: Double, text: String) in
            order == .count ? (group.name, Double(group.figures[.dispatched]), "\(group.figures[.dispatched])")
                : (group.name, group.figures.rate(.satisfactionRate) ?? 0, FigureSet.percent(group.figures.rate(.satisfactionRate)))
        }
        // A rate's bars are of 100%, so 50% and 55% do not both look full.
        lines += BarChart.horizontal(bars, labelWidth: 12, width: body.width - 1, maximum: order == .count ? nil : 1).map { ($0, .normal) }
        if groups.count > room { lines.append(("…另有 \(groups.count - room) 组（v 回表格看全部）", .muted)) }
        lines.append(("", .normal))
        let year = report.period.last.year
        lines.append(("\(year) 年逐月：左列来访登记，右列销号", .header))
        lines += BarChart.columns(trend.map { ("\($0.month)月", $0.received, $0.closed) }, height: trendHeight - 1).map { ($0, .normal) }
        return lines
    }

    private func detail(of id: String?) -> [DetailLine] {
        guard let report, let id else { return [] }
        let group = report.groups.first { "g-\($0.key)" == id }
        let name = group?.name ?? "全站"
        let figures = group?.figures ?? report.total
        var lines = [DetailLine.heading("\(report.period.label) · \(name)")]
        if group != nil, flags(name) {
            lines.append(DetailLine("满意率低于 \(rule.threshold)%：须在 \(rule.explanationDays) 天内书面说明（E 写通知）", role: .overdue))
        }
        lines += figures.summary(byChannel: id == "total" ? report.byChannel : []).map { line in
            DetailLine(line, role: line.hasPrefix("现逾期") && figures[.overdueNow] > 0 ? .overdue : .normal)
        }
        lines += [DetailLine(""), .heading("口径")] + FigureSet.definitions.map { DetailLine($0, role: .muted) }
        return lines
    }
}

/// 自定期间: two dates, the first not after the second.
final class PeriodForm: FormSpec {
    private unowned let page: StatisticsPage
    private let today: Day

    init(page: StatisticsPage) {
        self.page = page
        today = page.store.today
    }

    var sideTitle: String { "统计期间" }
    func sideLines(form: Form) -> [DetailLine] { [DetailLine("开始和结束两天都算在内。", role: .muted)] }

    func makeForm() throws -> Form {
        Form(title: "自定统计期间", fields: [
            FormField("from", "开始日期", .date(DateField(day: page.period.first, today: today)), required: true),
            FormField("to", "结束日期", .date(DateField(day: page.period.last, today: today)), required: true),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        guard let first = form.day("from"), let last = form.day("to") else { return .stay() }
        let period = try StatisticsPeriod(first: first, last: last)
        try page.show(period)
        return .done("统计期间：\(period.label)")
    }
}
