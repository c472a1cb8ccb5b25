/// A multi-line text area: the editing of `TextField` with line breaks kept, soft-wrapped to its width
/// by the rules of Chinese line breaking, and Up/Down moving between the wrapped lines.
public struct TextArea: Sendable, Equatable {
    public var buffer: TextField
    /// The first wrapped line shown, kept so the cursor stays in view (set by `layout`).
    public private(set) var scroll = 0
    /// The width the area was last laid out at: Up and Down move by the lines of that width.
    public private(set) var width = 48

    public init(text: String = "", limit: Int = 500) {
        buffer = TextField(text: text, limit: limit, multiline: true)
    }

    public var text: String { buffer.text }

    /// The text broken into lines of at most `width` columns, at the text's own breaks and where a line
    /// is full. The cursor may sit at the end of a line, so a full line leaves its last column free.
    func lines(width: Int) -> [Range<Int>] {
        let characters = buffer.characters
        var lines: [Range<Int>] = []
        var start = 0
        while true {
            let end = characters[start...].firstIndex(of: "\n") ?? characters.count
            lines += LineBreaking.lines(characters[start..<end], width: max(1, width - 1))
            guard end < characters.count else { break }
            start = end + 1
        }
        return lines
    }

    /// The wrapped line and display column the cursor is in.
    func cursorPosition(width: Int) -> (line: Int, column: Int) {
        let all = lines(width: width)
        let cursor = buffer.cursor
        // A cursor on a wrap point belongs to the next line, where typing would appear.
        let line = all.lastIndex { $0.lowerBound <= cursor } ?? 0
        let column = DisplayWidth.width(of: String(buffer.characters[all[line].lowerBound..<cursor]))
        return (line, column)
    }

    /// Handles an editing key, Up and Down included; returns false for keys the area does not use.
    public mutating func handle(_ key: Key) -> Bool {
        let action = KeyTable.action(for: key, in: .textArea)
        guard action == .lineUp || action == .lineDown else { return buffer.handle(key) }
        let all = lines(width: width)
        let (line, column) = cursorPosition(width: width)
        let target = action == .lineUp ? line - 1 : line + 1
        guard all.indices.contains(target) else { return false }
        buffer.cursor = index(in: all[target], atColumn: column)
        return true
    }

    /// The character index in `line` closest to `column` without passing it. The end of a line that
    /// wraps is the start of the next one, so there the cursor stops before the last character.
    private func index(in line: Range<Int>, atColumn column: Int) -> Int {
        var used = 0
        for index in line {
            let width = DisplayWidth.width(of: buffer.characters[index])
            if used + width > column { return index }
            used += width
        }
        let wraps = line.upperBound < buffer.characters.count && buffer.characters[line.upperBound] != "\n"
        return wraps ? max(line.lowerBound, line.upperBound - 1) : line.upperBound
    }

    /// Fits the area to `width` × `height`, scrolling just enough to keep the cursor's line in view.
    public mutating func layout(width: Int, height: Int) {
        self.width = width
        let line = cursorPosition(width: width).line
        if line < scroll { scroll = line }
        if line >= scroll + height { scroll = line - height + 1 }
        scroll = max(0, min(scroll, lines(width: width).count - 1))
    }

    /// Whether text lies above or below the lines shown.
    public func hiddenText(height: Int) -> (above: Bool, below: Bool) {
        (scroll > 0, scroll + height < lines(width: width).count)
    }

    /// Draws `height` lines at the position as laid out; returns where the cursor is on screen.
    @discardableResult
    public func render(on screen: Screen, top: Int, left: Int, height: Int, role: TextRole) -> (row: Int, column: Int) {
        let all = lines(width: width)
        for offset in 0..<height {
            let index = scroll + offset
            let text = index < all.count ? String(buffer.characters[all[index]]) : ""
            screen.draw(row: top + offset, column: left, text.fitted(to: width), role: role)
        }
        let cursor = cursorPosition(width: width)
        return (top + cursor.line - scroll, left + cursor.column)
    }
}
