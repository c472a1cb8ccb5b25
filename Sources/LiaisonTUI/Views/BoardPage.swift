import LiaisonCore

/// 督办: every open case grouped by urgency, with the selected case's whole timeline.
final class BoardPage: DeskPage {
    let id = DeskScreenID.board
    private var board: FollowUpBoard?
    /// The flat list the table shows: a group heading, then its cases.
    private var items: [(group: BoardGroup, summary: CaseSummary?)] = []
    private var shown: [Int] = []
    private var keys: [String] = []
    private var lastQuery = ""
    /// Cases per group: a first screenful at once, then the rest.
    static let firstPart = 40
    static let whole = 200
    private(set) var isPartial = false

    let columns = [
        TableColumn("编号", width: 9), TableColumn("诉求", width: 10, flexible: true), TableColumn("承办单位", width: 8),
        TableColumn("期限", width: 9), TableColumn("状态", width: 6),
    ]
    let detailTitle = "诉求时间线"
    var emptyText: String { "没有未办结的诉求" }


    var rows: [TableRow] {
        shown.map { index in
            let item = items[index]
            guard let summary = item.summary, let board else {
                // Until the rest is loaded, a long group says how many it shows so far.
                let count = board?.counts[item.group].map { "\($0)" }
                    ?? "\(board?.groups.first { $0.0 == item.group }?.1.count ?? 0)+"
                return TableRow(["\(item.group.label)（\(count)）"], role: item.group == .overdue ? .overdue : .header, isHeading: true)
            }
            let (deadline, role) = BoardPage.deadline(summary, group: item.group, today: board.today)
            return TableRow([summary.code, summary.title, summary.departmentName, deadline, summary.status.label], role: role)
        }
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

    func reload(from store: LiaisonStore) throws {
        try load(perGroup: BoardPage.firstPart, from: store)
    }

    func completeLoad(from store: LiaisonStore) throws {
        try load(perGroup: BoardPage.whole, from: store)
    }

    private func load(perGroup: Int, from store: LiaisonStore) throws {
        let partial = perGroup < BoardPage.whole
        let board = try store.followUpBoard(perGroup: perGroup, counting: !partial)
        self.board = board
        isPartial = partial && board.groups.contains { $0.1.count == perGroup }
        items = []
        for (group, cases) in board.groups where !cases.isEmpty {
            items.append((group, nil))
            items += cases.map { (group, $0) }
        }
        keys = items.map { item in
            guard let summary = item.summary else { return "" }
            return RowFilter.searchKey([summary.code, summary.title, summary.departmentName, summary.deputyName,
                                        summary.categoryName, summary.residentName],
                                       initials: [summary.initials])
        }
        applyFilter(lastQuery)
    }

    func applyFilter(_ query: String) {
        lastQuery = query
        let matching = Set(RowFilter.indices(keys: keys, query: query))
        // A heading stays when any of its cases does.
        shown = items.indices.filter { index in
            if items[index].summary != nil { return matching.contains(index) }
            return items.indices.contains { $0 > index && items[$0].group == items[index].group && matching.contains($0) }
        }
    }

    /// The next overdue case after `row`, wrapping to the first: the supervisor's one key to step through them.
    func nextOverdue(after row: Int) -> Int? {
        let overdueRows = shown.indices.filter { items[shown[$0]].group == .overdue && items[shown[$0]].summary != nil }
        return overdueRows.first { $0 > row } ?? overdueRows.first
    }

    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine] {
        guard shown.indices.contains(row), let summary = items[shown[row]].summary else { return [] }
        var lines: [DetailLine] = [.heading("\(summary.code)  \(summary.status.label)  第\(summary.round)轮")]
        lines += summary.title.wrapped(to: width).map { DetailLine($0) }
        lines.append(DetailLine("承办 \(summary.departmentName.isEmpty ? "未交办" : summary.departmentName)"
                                + (summary.dueDate.map { "  限 \($0.iso)" } ?? "")))
        lines.append(DetailLine("代表 \(summary.deputyName)  群众 \(summary.residentName)"))
        lines.append(DetailLine(""))
        for event in try store.timeline(caseID: summary.id) {
            let stamp = "\(event.at.day.iso.dropFirst(5)) \(event.at.clockText) \(event.kind.label) \(event.operatorName)"
            lines.append(DetailLine(stamp, role: .header))
            lines += event.text.wrapped(to: width - 2).map { DetailLine("  " + $0) }
        }
        return lines
    }
}
