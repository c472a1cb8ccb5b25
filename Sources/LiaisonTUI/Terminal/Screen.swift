/// What a piece of text means on screen; each terminal maps roles to colours or, without colour,
/// to bold, reverse and underline.
public enum TextRole: CaseIterable, Sendable {
    case normal
    case title
    case tab
    case activeTab
    case header
    case selected
    case overdue
    case dueSoon
    case muted
    case warning
    case hintKey
    case hint
    /// A form field's value, so the clerk sees where typing goes.
    case input
}

/// The drawing surface views render onto: ncurses on a terminal, an in-memory grid in tests.
/// Coordinates are zero-based rows and display columns.
public protocol Screen: AnyObject {
    var rows: Int { get }
    var columns: Int { get }
    /// Blanks the whole surface.
    func clear()
    /// Draws `text` starting at a column; the screen clips at its right edge and never wraps.
    func draw(row: Int, column: Int, _ text: String, role: TextRole)
    /// A horizontal rule in the terminal's line-drawing characters.
    func drawRule(row: Int, column: Int, length: Int, role: TextRole)
    /// A vertical rule in the terminal's line-drawing characters.
    func drawVerticalRule(column: Int, top: Int, height: Int, role: TextRole)
    /// Where the text cursor should blink (a field being edited), or nil to hide it.
    func placeCursor(row: Int, column: Int)
    func hideCursor()
    /// Makes what was drawn visible.
    func present()
}

extension Screen {
    /// Draws a whole row: clipped and padded to the screen width, so nothing is left over from before.
    public func drawRow(_ row: Int, _ text: String, role: TextRole = .normal) {
        draw(row: row, column: 0, text.fitted(to: columns), role: role)
    }
}
