/// An in-memory terminal for tests: a grid of cells that knows wide characters.
/// A wide character fills its cell and marks the next as its continuation; writing over either half clears both.
public final class GridScreen: Screen {
    struct Cell: Equatable {
        var character: Character = " "
        var role: TextRole = .normal
        /// The right half of a wide character.
        var isContinuation = false
    }

    public private(set) var rows: Int
    public private(set) var columns: Int
    private var cells: [[Cell]]
    public private(set) var cursor: (row: Int, column: Int)?
    public private(set) var presentCount = 0

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    public func resize(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        cells = Array(repeating: Array(repeating: Cell(), count: columns), count: rows)
    }

    public func clear() {
        for row in 0..<rows { for column in 0..<columns { cells[row][column] = Cell() } }
    }

    private func blank(row: Int, column: Int) {
        guard column >= 0, column < columns else { return }
        let cell = cells[row][column]
        cells[row][column] = Cell()
        if cell.isContinuation, column > 0 {
            cells[row][column - 1] = Cell()
        } else if column + 1 < columns, cells[row][column + 1].isContinuation {
            cells[row][column + 1] = Cell()
        }
    }

    public func draw(row: Int, column: Int, _ text: String, role: TextRole) {
        guard row >= 0, row < rows else { return }
        var position = column
        for original in text {
            let character = DisplayWidth.drawable(original)
            let width = DisplayWidth.width(of: character)
            if width == 0 { continue }
            // A character that would cross the right edge is not drawn: the terminal would wrap it.
            guard position + width <= columns else { break }
            if position >= 0 {
                blank(row: row, column: position)
                if width == 2 { blank(row: row, column: position + 1) }
                cells[row][position] = Cell(character: character, role: role)
                if width == 2 { cells[row][position + 1] = Cell(character: " ", role: role, isContinuation: true) }
            }
            position += width
        }
    }

    public func drawRule(row: Int, column: Int, length: Int, role: TextRole) {
        draw(row: row, column: column, String(repeating: "─", count: max(0, min(length, columns - column))), role: role)
    }

    public func drawVerticalRule(column: Int, top: Int, height: Int, role: TextRole) {
        for row in top..<min(rows, top + height) { draw(row: row, column: column, "│", role: role) }
    }

    public func placeCursor(row: Int, column: Int) { cursor = (row, column) }
    public func hideCursor() { cursor = nil }
    public func present() { presentCount += 1 }

    /// One row's text, trailing spaces removed.
    public func text(row: Int) -> String {
        var line = ""
        for cell in cells[row] where !cell.isContinuation { line.append(cell.character) }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole screen as text, one line per row: what snapshot tests compare.
    public var text: String { (0..<rows).map(text(row:)).joined(separator: "\n") }

    public func role(row: Int, column: Int) -> TextRole { cells[row][column].role }

    /// Roles along a row, for checking where highlights fall.
    public func roles(row: Int) -> [TextRole] { cells[row].map(\.role) }

    /// The display columns each row occupies: every row must be exactly the screen width.
    public func rowWidth(_ row: Int) -> Int {
        cells[row].reduce(0) { $0 + ($1.isContinuation ? 0 : DisplayWidth.width(of: $1.character)) }
    }
}
