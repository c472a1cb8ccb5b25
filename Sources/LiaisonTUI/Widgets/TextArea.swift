/// A multi-line text area: the editing of `TextField` with line breaks kept, soft-wrapped to its width
/// at character boundaries, and Up/Down moving between the wrapped lines.
public struct TextArea: Sendable, Equatable {
    public var buffer: TextField
    /// The first wrapped line shown, kept so the cursor stays in view.
    public private(set) var scroll = 0

    public init(text: String = "", limit: Int = 500) {
        buffer = TextField(text: text, limit: limit, multiline: true)
    }

    public var text: String { buffer.text }

    /// One wrapped line: the characters `start..<end` of the text.
    struct WrappedLine: Equatable {
        let start: Int
        let end: Int
    }

    /// The text broken into lines of at most `width` columns, at the text's own breaks and where a
    /// line is full. The cursor may sit at the end of a line, so a full line leaves its last column free.
    func lines(width: Int) -> [WrappedLine] {
        let characters = buffer.characters
        var lines: [WrappedLine] = []
        var start = 0
        var used = 0
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                lines.append(WrappedLine(start: start, end: index))
                start = index + 1
                used = 0
                continue
            }
            let characterWidth = DisplayWidth.width(of: character)
            if used + characterWidth > width - 1 && index > start {
                lines.append(WrappedLine(start: start, end: index))
                start = index
                used = 0
            }
            used += characterWidth
        }
        lines.append(WrappedLine(start: start, end: characters.count))
        return lines
    }

    /// The wrapped line and display column the cursor is in.
    func cursorPosition(width: Int) -> (line: Int, column: Int) {
        let all = lines(width: width)
        let cursor = buffer.cursor
        // A cursor on a wrap point belongs to the next line, where typing would appear.
        let line = all.lastIndex { $0.start <= cursor } ?? 0
        let column = DisplayWidth.width(of: String(buffer.characters[all[line].start..<cursor]))
        return (line, column)
    }

    /// Handles an editing key, Up and Down included; returns false for keys the area does not use.
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        switch key {
        case .up, .down:
            let all = lines(width: width)
            let (line, column) = cursorPosition(width: width)
            let target = key == .up ? line - 1 : line + 1
            guard all.indices.contains(target) else { return false }
            buffer.cursor = index(in: all[target], atColumn: column)
            return true
        default:
            return buffer.handle(key)
        }
    }

    /// The character index in `line` closest to `column` without passing it. The end of a line that
    /// wraps is the start of the next one, so there the cursor stops before the last character.
    private func index(in line: WrappedLine, atColumn column: Int) -> Int {
        var used = 0
        for index in line.start..<line.end {
            let width = DisplayWidth.width(of: buffer.characters[index])
            if used + width > column { return index }
            used += width
        }
        let wraps = line.end < buffer.characters.count && buffer.characters[line.end] != "\n"
        return wraps ? max(line.start, line.end - 1) : line.end
    }

    /// Draws `height` lines at the position; returns where the cursor is on screen.
    @discardableResult
    public mutating func render(on screen: Screen, top: Int, left: Int, width: Int, height: Int,
                                role: TextRole) -> (row: Int, column: Int) {
        let all = lines(width: width)
        let cursor = cursorPosition(width: width)
        if cursor.line < scroll { scroll = cursor.line }
        if cursor.line >= scroll + height { scroll = cursor.line - height + 1 }
        for offset in 0..<height {
            let index = scroll + offset
            let text = index < all.count ? String(buffer.characters[all[index].start..<all[index].end]) : ""
            screen.draw(row: top + offset, column: left, text.fitted(to: width), role: role)
        }
        return (top + cursor.line - scroll, left + cursor.column)
    }
}
