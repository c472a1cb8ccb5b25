/// A column of a table: a header and a width in display columns. One column may be `flexible`:
/// it takes whatever width the others leave.
public struct TableColumn: Sendable {
    public let title: String
    public let width: Int
    public let flexible: Bool
    public let alignRight: Bool

    public init(_ title: String, width: Int, flexible: Bool = false, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.alignRight = alignRight
    }
}

/// One table row: its cells and how it is drawn; a `heading` row is a group title and cannot be selected.
public struct TableRow: Sendable {
    public let cells: [String]
    public let role: TextRole
    public let isHeading: Bool

    public init(_ cells: [String], role: TextRole = .normal, isHeading: Bool = false) {
        self.cells = cells
        self.role = role
        self.isHeading = isHeading
    }
}

/// Selection and scrolling of a list; it skips heading rows.
public struct TableState: Sendable, Equatable {
    public var selected = 0
    public var top = 0

    public init() {}

    /// Moves by `delta` selectable rows, staying inside the table.
    public mutating func move(by delta: Int, rows: [TableRow]) {
        guard !rows.isEmpty else { return }
        var index = selected
        var remaining = abs(delta)
        let step = delta > 0 ? 1 : -1
        while remaining > 0 {
            var next = index + step
            while next >= 0 && next < rows.count && rows[next].isHeading { next += step }
            guard next >= 0 && next < rows.count else { break }
            index = next
            remaining -= 1
        }
        selected = index
    }

    public mutating func select(_ index: Int, rows: [TableRow]) {
        selected = max(0, min(index, rows.count - 1))
        if rows.indices.contains(selected) && rows[selected].isHeading { move(by: 1, rows: rows) }
        if rows.indices.contains(selected) && rows[selected].isHeading { move(by: -1, rows: rows) }
    }

    /// Keeps the selection visible in a window of `height` rows.
    mutating func scroll(height: Int, count: Int) {
        guard height > 0 else { return }
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
        // A group's heading stays in view with its first case.
        if top > 0 && top == selected { top -= 1 }
    }
}

/// Draws a table: a header line (with the sort mark), then the visible rows; the selected row is
/// highlighted when the table has focus.
public struct Table {
    public let columns: [TableColumn]
    public let rows: [TableRow]
    public var sortColumn: Int?
    public var sortAscending = true

    public init(columns: [TableColumn], rows: [TableRow], sortColumn: Int? = nil, sortAscending: Bool = true) {
        self.columns = columns
        self.rows = rows
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
    }

    /// Column widths for `width` display columns: fixed ones as given, the flexible one takes the rest.
    func widths(for width: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width }
        return columns.map { $0.flexible ? max($0.width, width - fixed - gaps) : $0.width }
    }

    func line(_ cells: [String], widths: [Int], total: Int) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            parts.append(text.fitted(to: width, ellipsis: true, alignRight: columns[index].alignRight))
        }
        return parts.joined(separator: " ").fitted(to: total)
    }

    /// Renders into the rectangle and returns the state with the selection scrolled into view.
    @discardableResult
    public func render(on screen: Screen, top: Int, left: Int, height: Int, width: Int, state: TableState,
                       focused: Bool, emptyText: String = "（无）") -> TableState {
        guard height > 1, width > 0 else { return state }
        let widths = widths(for: width)
        var headers = columns.map(\.title)
        if let sortColumn, headers.indices.contains(sortColumn) {
            // The mark always shows; a narrow column gives up the end of its title instead.
            headers[sortColumn] = headers[sortColumn].clipped(to: widths[sortColumn] - 1) + (sortAscending ? "^" : "v")
        }
        screen.draw(row: top, column: left, line(headers, widths: widths, total: width), role: .header)
        var state = state
        state.scroll(height: height - 1, count: rows.count)
        if rows.isEmpty {
            screen.draw(row: top + 1, column: left, ("  " + emptyText).fitted(to: width), role: .muted)
        }
        for offset in 0..<(height - 1) {
            let index = state.top + offset
            let row = top + 1 + offset
            guard index < rows.count else {
                screen.draw(row: row, column: left, "".fitted(to: width), role: .normal)
                continue
            }
            let item = rows[index]
            let role: TextRole = index == state.selected && focused && !item.isHeading ? .selected : item.role
            let text = item.isHeading ? (item.cells.first ?? "").fitted(to: width) : line(item.cells, widths: widths, total: width)
            screen.draw(row: row, column: left, text, role: role)
        }
        return state
    }
}
