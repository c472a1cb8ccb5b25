/// A column of a table: a header and its width in display columns. Spare width goes first to the
/// `elastic` columns whose text is cut (names, departments, titles), then to the `flexible` one; a
/// `whole` column (a case code) is never cut.
public struct TableColumn: Sendable {
    public let title: String
    public let width: Int
    public let flexible: Bool
    public let elastic: Bool
    public let whole: Bool
    public let alignRight: Bool

    public init(_ title: String, width: Int, flexible: Bool = false, elastic: Bool = false, whole: Bool = false,
                alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.elastic = elastic
        self.whole = whole
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

/// Draws a table: a header line (with the sort mark), then a window of rows, the selected one highlighted.
public struct Table {
    public let columns: [TableColumn]
    public var sortColumn: Int?

    public init(columns: [TableColumn], sortColumn: Int? = nil) {
        self.columns = columns
        self.sortColumn = sortColumn
    }

    /// Column widths for `width` display columns, given how wide each column's widest text is.
    func widths(for width: Int, natural: [Int]) -> [Int] {
        var widths = columns.enumerated().map { index, column in
            column.whole ? max(column.width, natural[safe: index] ?? 0) : column.width
        }
        var spare = width - widths.reduce(0, +) - max(0, columns.count - 1)
        // The cut elastic columns that need least first, so as many as possible are whole; the last
        // one that does not fit takes what is left.
        let cut = columns.indices.filter { columns[$0].elastic && (natural[safe: $0] ?? 0) > widths[$0] }
            .sorted { ((natural[$0] - widths[$0]), $0) < ((natural[$1] - widths[$1]), $1) }
        for index in cut where spare > 0 {
            let grow = min(spare, natural[index] - widths[index])
            widths[index] += grow
            spare -= grow
        }
        if spare > 0, let flexible = columns.firstIndex(where: \.flexible) { widths[flexible] += spare }
        return widths
    }

    func line(_ cells: [String], widths: [Int], total: Int) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let text = index < cells.count ? cells[index] : ""
            parts.append(text.fitted(to: width, ellipsis: true, alignRight: columns[index].alignRight))
        }
        return parts.joined(separator: " ").fitted(to: total, ellipsis: true)
    }

    /// Draws the header and `rows` (the window starting at the list's top) into the rectangle.
    public func render(on screen: Screen, top: Int, left: Int, height: Int, width: Int, rows: ArraySlice<TableRow>,
                       selected: Int?, focused: Bool, natural: [Int], emptyText: String) {
        guard height > 1, width > 0 else { return }
        let widths = widths(for: width, natural: natural)
        var headers = columns.map(\.title)
        if let sortColumn, headers.indices.contains(sortColumn) {
            // The mark always shows; a narrow column gives up the end of its title instead.
            headers[sortColumn] = headers[sortColumn].clipped(to: widths[sortColumn] - 1) + "^"
        }
        screen.draw(row: top, column: left, line(headers, widths: widths, total: width), role: .header)
        // An empty list says what to do next, over as many lines as that takes.
        let emptyLines = rows.isEmpty ? emptyText.wrapped(to: max(2, width - 2)).prefix(height - 1).map { "  " + $0 } : []
        for (offset, line) in emptyLines.enumerated() {
            screen.draw(row: top + 1 + offset, column: left, line.fitted(to: width), role: .muted)
        }
        for offset in emptyLines.count..<(height - 1) {
            let index = rows.startIndex + offset
            let row = top + 1 + offset
            guard index < rows.endIndex else {
                screen.draw(row: row, column: left, "".fitted(to: width), role: .normal)
                continue
            }
            let item = rows[index]
            let role: TextRole = index == selected && focused && !item.isHeading ? .selected : item.role
            let text = item.isHeading ? (item.cells.first ?? "").fitted(to: width) : line(item.cells, widths: widths, total: width)
            screen.draw(row: row, column: left, text, role: role)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
