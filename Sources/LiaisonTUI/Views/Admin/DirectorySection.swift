import LiaisonCore

/// One of the station's lists on the administration screen: its rows as the list's sheet writes them,
/// the selected row's every column beside them, and a form from the same columns, so typing a row in
/// is checked exactly as importing it is.
final class DirectorySection: AdminSection {
    let list: DirectoryList
    private let store: LiaisonStore
    private var byID: [String: DirectoryRow] = [:]

    init(list: DirectoryList, store: LiaisonStore) {
        self.list = list
        self.store = store
    }

    var title: String { list.label }
    var directoryList: DirectoryList? { list }

    /// The columns the list shows, by field, then whether the row is in use.
    private var shownFields: [(field: String, column: TableColumn)] {
        switch list {
        case .deputies:
            [("name", TableColumn("姓名", width: 6, elastic: true)), ("level", TableColumn("级别", width: 4)),
             ("sector", TableColumn("界别", width: 6, elastic: true)),
             ("constituency", TableColumn("选区", width: 8, flexible: true, elastic: true)), ("phone", TableColumn("电话", width: 4, elastic: true))]
        case .legalOfficers:
            [("name", TableColumn("姓名", width: 6, elastic: true)), ("role", TableColumn("身份", width: 6)),
             ("organization", TableColumn("单位", width: 10, flexible: true, elastic: true)), ("phone", TableColumn("电话", width: 4, elastic: true))]
        case .departments:
            // The name tells departments apart: it takes the room, the kind keeps its short width.
            [("name", TableColumn("名称", width: 10, flexible: true, elastic: true)), ("kind", TableColumn("类型", width: 8)),
             ("contact", TableColumn("联系人", width: 6, elastic: true)), ("phone", TableColumn("电话", width: 4, elastic: true))]
        case .categories:
            [("name", TableColumn("名称", width: 8, elastic: true)),
             ("department", TableColumn("默认承办单位", width: 10, flexible: true, elastic: true)),
             ("days", TableColumn("时限", width: 4, alignRight: true))]
        }
    }

    private(set) lazy var rows = ListDetail(
        columns: shownFields.map(\.column) + [TableColumn("状态", width: 4)], detailTitle: "\(list.label)详情",
        emptyText: AdminGuidance.missing(list)) { [unowned self] id in
        id.flatMap { self.byID[$0] }.map(self.detail(of:)) ?? []
    }

    /// A district's roster has thousands: the first screenful comes at once, the rest when no key waits
    /// (as on the deputies' screen); a reload loads as much as was loaded before.
    static let firstPart = 60
    private(set) var loadedAll = false
    var hasMoreToLoad: Bool { !loadedAll }

    func loadMore() throws {
        loadedAll = true
        try reload()
    }

    func reload() throws {
        let loaded = try store.rows(of: list, loadedAll ? .all : .first(DirectorySection.firstPart))
        loadedAll = loadedAll || loaded.count < DirectorySection.firstPart
        byID = Dictionary(uniqueKeysWithValues: loaded.map { (String($0.id), $0) })
        let fields = shownFields.map(\.field)
        rows.setEntries(loaded.map { row in
            let cells = fields.map { row.cells[$0] ?? "" }
            return .row(String(row.id), cells + [row.active ? "在用" : "停用"], role: row.active ? .normal : .muted, search: cells,
                        initials: [row.initials])
        })
    }

    private func detail(of row: DirectoryRow) -> [DetailLine] {
        var lines = [DetailLine.heading(row.name + (row.active ? "" : "（已停用）"))]
        lines += list.columns.dropFirst().map { DetailLine("\($0.header)  \(row.cells[$0.field].map { $0.isEmpty ? "—" : $0 } ?? "—")") }
        if list == .categories, row.name == CatchAllCategory.name {
            lines += [DetailLine(""), DetailLine("「其他」类别总要有：可改时限和默认单位，不能改名或停用。", role: .muted)]
        }
        return lines
    }

    /// 其他 is never deactivated: d is not offered on it.
    func offers(_ action: Action) -> Bool {
        action != .toggleActive || rows.selectedID.flatMap { byID[$0] }.map { list != .categories || $0.name != CatchAllCategory.name } ?? true
    }

    func editor(for id: String?, session: Session) throws -> FormSpec? {
        let row = try id.map { id in
            guard let row = byID[id] else { throw DomainError.notFound("这一条\(list.label)") }
            return row
        }
        return try DirectoryForm(list: list, row: row, store: store, session: session)
    }

    func toggle(id: String, session: Session) throws -> Reaction {
        guard let row = byID[id] else { return .say("先选中一行", .warning) }
        let what = "\(list.label) \(row.name)"
        guard row.active else {
            try store.setActive(list, id: row.id, true, session: session)
            return .saved("已恢复\(what)")
        }
        if list == .categories && row.name == CatchAllCategory.name { return .say(CatchAllCategory.cannotDeactivate, .warning) }
        var details = ["停用后不再出现在\(DirectorySection.offeredIn(list))的名单里；",
                       "以往的记录都保留，可随时按 \(KeyTable.key(of: .toggleActive, on: .admin)) 恢复。"]
        if list == .departments {
            let categories = try store.categories(defaultingTo: row.id)
            if !categories.isEmpty { details.insert("它是 \(categories.joined(separator: "、")) 的默认承办单位，请改这些类别。", at: 0) }
        }
        let question = Question("停用\(what)吗？", details: details, yes: "停用", no: "不停用", destructive: true)
        return .push(QuestionLayer(question, yes: { [store, list] in
            try store.setActive(list, id: row.id, false, session: session)
            return .saved("已停用\(what)")
        }))
    }

    /// Where a list's rows are offered, which a deactivated one leaves.
    private static func offeredIn(_ list: DirectoryList) -> String {
        switch list {
        case .deputies: "接待、责任代表和值班"
        case .legalOfficers: "转介和值班"
        case .departments: "交办和转介"
        case .categories: "登记和立案"
        }
    }
}

/// What an empty list says to do next.
enum AdminGuidance {
    static func allDeactivated(_ list: DirectoryList) -> String {
        "\(list.label)都已停用：在管理页选中后按 \(KeyTable.key(of: .toggleActive, on: .admin)) 恢复，或导入新的名单"
    }

    static func missing(_ list: DirectoryList) -> String {
        "还没有\(list.label)：用 liaison-desk import \(list.rawValue) 文件 导入，或在管理页按 \(KeyTable.key(of: .addEntry, on: .admin)) 添加"
    }
}
