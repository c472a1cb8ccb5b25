import LiaisonCore

/// A line of a detail pane. Lines are kept whole and wrapped to the pane's width when it is laid out.
public struct DetailLine: Sendable, Equatable {
    public let text: String
    public let role: TextRole
    /// Columns the wrapped continuation keeps free at the left (and the first line too).
    public let indent: Int

    public init(_ text: String, role: TextRole = .normal, indent: Int = 0) {
        self.text = text
        self.role = role
        self.indent = indent
    }

    static func heading(_ text: String) -> DetailLine { DetailLine(text, role: .header) }

    func wrapped(to width: Int) -> [DetailLine] {
        let pad = String(repeating: " ", count: indent)
        return text.wrapped(to: max(2, width - indent)).map { DetailLine(pad + $0, role: role) }
    }
}

/// One entry of a list: a row to select (with its id), or a group heading.
struct ListEntry {
    let id: String?
    let row: TableRow
    /// The texts and pinyin initials the filter matches; lower-cased only once a filter is typed, since
    /// most lists are never filtered and a district's roster has thousands of rows.
    let searchTexts: [String]

    var isHeading: Bool { id == nil }

    static func heading(_ title: String, role: TextRole = .header) -> ListEntry {
        ListEntry(id: nil, row: TableRow([title], role: role, isHeading: true), searchTexts: [])
    }

    /// `initials` are stored pinyin initials (computing them per row is too slow for a big list).
    static func row(_ id: String, _ cells: [String], role: TextRole = .normal, search: [String], initials: [String] = []) -> ListEntry {
        ListEntry(id: id, row: TableRow(cells, role: role), searchTexts: search + initials)
    }
}

/// The one list-and-detail component of the pages: a list on the left, the selected row's detail on the
/// right. The selection and the marks are kept by row id across reloads, re-sorts and filters (falling
/// back to the nearest row when the row is gone, as htop follows a process); the detail is cached by id
/// and loaded in `prepare` when the selection changed, never while drawing.
final class ListDetail {
    let columns: [TableColumn]
    let detailTitle: String
    /// What the list says when it has no rows (a section a role may not read says so here).
    var emptyText: String
    /// The list's share of the body's width, in percent.
    let share: Int
    let allowsMarks: Bool
    var sortColumn: Int?
    /// The detail of a row, or of no row (a page may show its own figures even then).
    private let loadDetail: (String?) throws -> [DetailLine]

    private(set) var entries: [ListEntry] = []
    /// Indices of the entries the filter lets through, in order.
    private(set) var shown: [Int] = []
    private(set) var query = ""
    private(set) var selectedID: String?
    /// Where the selection is in `shown`; where it falls back to when its row goes.
    private(set) var position = 0
    private(set) var marks: Set<String> = []
    private(set) var detailFocused = false
    /// The rows could not be loaded (the message line says why): the list must not say it has none.
    var loadFailed = false
    private var top = 0
    private var detailScroll = 0
    private var natural: [Int] = []
    /// Each entry's lower-cased search key, made when a filter is first typed after a reload.
    private var searchKeys: [String]?
    private var cachedDetail: [String: [DetailLine]] = [:]
    private var detailLines: [DetailLine] = []
    private var body = BodyArea(top: 2, height: 20, width: 80)

    init(columns: [TableColumn], detailTitle: String, emptyText: String, share: Int = 62, allowsMarks: Bool = false,
         sortColumn: Int? = nil, detail: @escaping (String?) throws -> [DetailLine]) {
        self.columns = columns
        self.detailTitle = detailTitle
        self.emptyText = emptyText
        self.share = share
        self.allowsMarks = allowsMarks
        self.sortColumn = sortColumn
        loadDetail = detail
    }

    var listWidth: Int { body.width * share / 100 }
    private var detailLeft: Int { listWidth + 2 }
    private var detailWidth: Int { body.width - detailLeft }
    private var rowsShown: Int { max(1, body.height - 1) }

    // MARK: Rows

    /// New rows from the store: the filter applies to them, the selection stays on its id, and every
    /// cached detail is stale.
    func setEntries(_ entries: [ListEntry]) {
        self.entries = entries
        // Only the columns that grow to their text need its width.
        natural = columns.indices.map { column in
            guard columns[column].elastic || columns[column].whole else { return columns[column].width }
            return entries.reduce(columns[column].title.displayWidth) { widest, entry in
                entry.isHeading ? widest : max(widest, (entry.row.cells[safe: column] ?? "").displayWidth)
            }
        }
        // A marked row's first cell carries the mark.
        if allowsMarks && !natural.isEmpty { natural[0] += 1 }
        cachedDetail = [:]
        searchKeys = nil
        if !marks.isEmpty { marks.formIntersection(entries.compactMap(\.id)) }
        applyFilter()
    }

    /// Keeps only rows matching `query` (Chinese substring or pinyin initials); a heading stays while
    /// any row under it does.
    func filter(_ query: String) {
        self.query = query
        applyFilter()
    }

    private func applyFilter() {
        let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else {
            shown = Array(entries.indices)
            return reselect()
        }
        let keys = searchKeys ?? entries.map { $0.searchTexts.joined(separator: "\u{1F}").lowercased() }
        searchKeys = keys
        var result: [Int] = []
        var pendingHeading: Int?
        for index in entries.indices {
            if entries[index].isHeading {
                pendingHeading = index
            } else if keys[index].contains(needle) {
                if let heading = pendingHeading { result.append(heading) }
                pendingHeading = nil
                result.append(index)
            }
        }
        shown = result
        reselect()
    }

    /// The selection follows its id; when the row is gone it falls on the nearest row that is left.
    private func reselect() {
        if let selectedID, let found = shown.firstIndex(where: { entries[$0].id == selectedID }) {
            position = found
            return
        }
        position = max(0, min(position, shown.count - 1))
        guard !shown.isEmpty else {
            selectedID = nil
            return
        }
        let below = shown[position...].firstIndex { !entries[$0].isHeading }
        let above = shown[..<position].lastIndex { !entries[$0].isHeading }
        select(position: below ?? above ?? position)
    }

    private func select(position: Int) {
        self.position = position
        selectedID = shown.indices.contains(position) ? entries[shown[position]].id : nil
        detailScroll = 0
    }

    /// The ids of the rows the filter lets through, in order.
    var shownIDs: [String] { shown.compactMap { entries[$0].id } }

    /// The selected row's entry, if any.
    var selected: ListEntry? { shown.indices.contains(position) ? entries[shown[position]] : nil }

    /// Selects the row with this id if it is shown.
    @discardableResult
    func select(id: String) -> Bool {
        guard let found = shown.firstIndex(where: { entries[$0].id == id }) else { return false }
        select(position: found)
        return true
    }

    /// Scrolls so the selection stands `context` rows below the top (a list that opens on today shows
    /// what comes rather than what went before).
    func scrollSelection(toRow context: Int) { top = max(0, position - context) }

    /// Runs a load that may add rows above the selection (older ones, loaded when idle) and keeps the
    /// selected row where it stood on the screen.
    func keepingPlace(_ load: () throws -> Void) rethrows {
        let offset = position - top
        try load()
        top = max(0, position - offset)
    }

    /// Moves by `delta` selectable rows, staying inside the list.
    private func move(by delta: Int) {
        var index = position
        var remaining = abs(delta)
        let step = delta > 0 ? 1 : -1
        while remaining > 0 {
            var next = index + step
            while shown.indices.contains(next) && entries[shown[next]].isHeading { next += step }
            guard shown.indices.contains(next) else { break }
            index = next
            remaining -= 1
        }
        select(position: index)
    }

    /// The list's own keys: moving, the panes, marks, and leaving the detail pane or the filter.
    func handle(_ action: Action) -> Reaction? {
        let page = max(1, rowsShown - 1)
        switch action {
        case .moveDown, .moveUp, .pageDown, .pageUp:
            let step = action == .moveDown || action == .moveUp ? 1 : page
            let delta = action == .moveDown || action == .pageDown ? step : -step
            if detailFocused { detailScroll = max(0, detailScroll + delta) } else { move(by: delta) }
        case .first, .last:
            if detailFocused {
                detailScroll = action == .first ? 0 : .max
            } else {
                // The first or last row that is not a heading.
                selectedID = nil
                position = action == .first ? 0 : shown.count - 1
                reselect()
            }
        case .nextPane: detailFocused.toggle()
        case .open:
            guard selectedID != nil else { return nil }
            detailFocused = true
        case .back, .quit:
            // Esc and q leave a view first: the detail pane, then the filter. q says so, or a q meant to
            // quit would seem to do nothing.
            let left: String
            if detailFocused {
                detailFocused = false
                left = "已回到列表"
            } else if !query.isEmpty {
                filter("")
                left = "已清除筛选"
            } else {
                return nil
            }
            if action == .quit { return .say("\(left)；再按 \(KeyTable.keyLabel(.quit, in: .everyScreen)) 退出", .muted) }
        case .toggleMark where allowsMarks:
            guard let selectedID else { return nil }
            if marks.remove(selectedID) == nil { marks.insert(selectedID) }
            move(by: 1)
            return .say(marks.isEmpty ? "没有标记" : "已标记 \(marks.count) 件")
        default: return nil
        }
        return .handled
    }

    /// What the message line says while a filter is in force.
    var status: DeskMessage? { query.isEmpty ? nil : DeskMessage("筛选：\(query)（Esc 清除）", .muted) }

    var shownRowCount: Int { shown.filter { !entries[$0].isHeading }.count }

    // MARK: Layout and drawing

    /// The marks have been used (a note written to every marked case, a sheet printed).
    func clearMarks() { marks = [] }

    /// The row's detail changed without the rows changing (a number revealed, or hidden again).
    func forgetDetail(of id: String) { cachedDetail[id] = nil }

    /// Fits the list to the body, keeps the selection in view, and loads the selected row's detail
    /// unless it is cached.
    func prepare(_ body: BodyArea) throws {
        self.body = body
        if position < top { top = position }
        if position >= top + rowsShown { top = position - rowsShown + 1 }
        top = max(0, min(top, shown.count - rowsShown))
        // A group's heading stays in view with its first row.
        if top > 0 && top == position && entries[shown[top - 1]].isHeading { top -= 1 }
        let key = selectedID ?? ""
        if cachedDetail[key] == nil {
            do {
                cachedDetail[key] = try loadDetail(selectedID)
            } catch {
                // Said once on the message line; the pane keeps saying it until the next reload.
                cachedDetail[key] = [DetailLine(userMessage(for: error), role: .warning)]
                detailLines = cachedDetail[key] ?? []
                throw error
            }
        }
        detailLines = (cachedDetail[key] ?? []).flatMap { $0.wrapped(to: detailWidth) }
        detailScroll = max(0, min(detailScroll, detailLines.count - (body.height - 1)))
    }

    func render(on screen: Screen, body: BodyArea) {
        let table = Table(columns: columns, sortColumn: sortColumn)
        let rows = shown.dropFirst(top).prefix(rowsShown).map { index in
            let entry = entries[index]
            guard allowsMarks, let id = entry.id, marks.contains(id) else { return entry.row }
            return TableRow(["*" + (entry.row.cells.first ?? "")] + entry.row.cells.dropFirst(), role: entry.row.role)
        }
        // A blank column between the list and the rule.
        table.render(on: screen, top: body.top, left: 0, height: body.height, width: listWidth - 1, rows: rows[...],
                     selected: position - top, focused: !detailFocused, natural: natural,
                     emptyText: loadFailed ? "未能载入，原因见下方" : query.isEmpty ? emptyText : "没有符合筛选条件的记录")
        DeskFrame.renderDivider(on: screen, column: listWidth, body: body)
        DeskFrame.renderDetail(on: screen, left: detailLeft, width: detailWidth, body: body, title: detailTitle,
                               lines: detailLines, scroll: detailScroll, focused: detailFocused)
    }
}
