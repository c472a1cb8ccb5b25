import LiaisonCore

/// 督办: every open case grouped by urgency, with the selected case's whole timeline.
final class BoardPage: Page {
    let id = DeskScreenID.board
    private let store: LiaisonStore
    private var board: FollowUpBoard?
    private var summaries: [String: (group: BoardGroup, summary: CaseSummary)] = [:]
    /// Cases per group: a first screenful at once, then the rest when no key waits (as tig shows a log
    /// while it is still reading). A reload loads as much as was loaded before.
    static let firstPart = 40
    static let whole = 200
    private var perGroup = BoardPage.firstPart
    private(set) var hasMoreToLoad = false
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("编号", width: 9, whole: true), TableColumn("诉求", width: 10, flexible: true, elastic: true),
        TableColumn("承办单位", width: 8, elastic: true), TableColumn("期限", width: 9, elastic: true), TableColumn("状态", width: 6),
    ], detailTitle: "诉求时间线", emptyText: "没有未办结的诉求", allowsMarks: true) { [unowned self] id in
        try id.flatMap { self.summaries[$0]?.summary }.map(self.timeline(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { rows }

    /// 我的诉求: the deputy signed in sees the cases they are responsible for (m shows all and back).
    private var mine: (deputyID: Int64, name: String)?
    private var deputy: (deputyID: Int64, name: String)?

    /// 我的诉求 is a deputy's: the others are not offered m.
    func offers(_ action: Action) -> Bool { action != .toggleMine || deputy != nil }

    func signedIn(_ session: Session) {
        deputy = session.deputyID.map { ($0, session.name) }
        mine = deputy
    }

    var status: DeskMessage? { rows.status ?? mine.map { DeskMessage("我的诉求（\($0.name) 负责的）：按 m 看全部", .muted) } }

    func reload() throws { try load() }

    func loadMore() throws {
        perGroup = BoardPage.whole
        try load()
    }

    private func load() throws {
        let partial = perGroup < BoardPage.whole
        let board = try store.followUpBoard(perGroup: perGroup, counting: !partial, filter: CaseFilter(deputyID: mine?.deputyID))
        self.board = board
        hasMoreToLoad = partial && board.groups.contains { $0.1.count == perGroup }
        summaries = [:]
        var entries: [ListEntry] = []
        for (group, cases) in board.groups where !cases.isEmpty {
            // Until the rest is loaded, a long group says how many it shows so far.
            let count = board.counts[group].map { "\($0)" } ?? "\(cases.count)+"
            entries.append(.heading("\(group.label)（\(count)）", role: group == .overdue ? .overdue : .header))
            for summary in cases {
                let id = "\(summary.id)"
                summaries[id] = (group, summary)
                let (deadline, role) = BoardPage.deadline(summary, group: group, today: board.today)
                entries.append(.row(id, [summary.code, summary.title, summary.departmentName, deadline, summary.status.label], role: role,
                                    search: [summary.code, summary.title, summary.departmentName, summary.deputyName, summary.categoryName,
                                             summary.residentName], initials: [summary.initials]))
            }
        }
        rows.setEntries(entries)
    }

    /// 逾期5天, 今天到期, 12-03, or 待交办, with the role that colours it.
    static func deadline(_ summary: CaseSummary, group: BoardGroup, today: Day) -> (String, TextRole) {
        guard let due = summary.dueDate else { return ("待交办", .normal) }
        switch group {
        case .overdue: return ("逾期\(due.days(until: today))天", .overdue)
        case .dueSoon: return (due == today ? "今天到期" : String(due.iso.dropFirst(5)), .dueSoon)
        default: return (String(due.iso.dropFirst(5)), .normal)
        }
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        if action == .toggleMine {
            guard let deputy else { return .say("「我的诉求」是代表登录后看自己负责的诉求", .muted) }
            mine = mine == nil ? deputy : nil
            try load()
            return .say(mine == nil ? "全部诉求：按 m 回到我的诉求" : "我的诉求", .muted)
        }
        guard action == .nextOverdue else { return rows.handle(action) }
        // The supervisor's one key to step through the overdue cases, wrapping to the first.
        let overdue = rows.shownIDs.filter { summaries[$0]?.group == .overdue }
        let after = rows.selectedID.flatMap(overdue.firstIndex(of:)).map { overdue.index(after: $0) } ?? 0
        guard let next = overdue[safe: after] ?? overdue.first else { return .say("没有逾期的诉求") }
        rows.select(id: next)
        return .handled
    }

    func prepare(_ body: BodyArea) throws { try rows.prepare(body) }
    func render(on screen: Screen, body: BodyArea) { rows.render(on: screen, body: body) }

    private func timeline(of summary: CaseSummary) throws -> [DetailLine] {
        var lines: [DetailLine] = [.heading("\(summary.code)  \(summary.status.label)  第\(summary.round)轮"), DetailLine(summary.title),
                                   DetailLine("承办 \(summary.departmentName.isEmpty ? "未交办" : summary.departmentName)"
                                              + (summary.dueDate.map { "  限 \($0.iso)" } ?? "")),
                                   DetailLine("代表 \(summary.deputyName)  群众 \(summary.residentName)"), DetailLine("")]
        for event in try store.timeline(caseID: summary.id) {
            lines.append(DetailLine("\(event.at.day.iso.dropFirst(5)) \(event.at.clockText) \(event.kind.label) \(event.operatorName)",
                                    role: .header))
            lines.append(DetailLine(event.text, indent: 2))
        }
        return lines
    }
}
