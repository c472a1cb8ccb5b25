/// A text field that edits Chinese text correctly: it inserts and deletes whole characters,
/// keeps the cursor in the right display column, and knows the readline keys (Home/End, Ctrl-A/E/U/K/W).
/// A multi-line field (the buffer of `TextArea`) also keeps line breaks; then Home/End and Ctrl-U/K
/// work on the line the cursor is in.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    public internal(set) var cursor = 0
    public let limit: Int
    public let multiline: Bool
    /// Set when input was cut at the limit, for the message line.
    public private(set) var overflowed = false

    public init(text: String = "", limit: Int = 200, multiline: Bool = false) {
        self.limit = limit
        self.multiline = multiline
        insert(text)
        overflowed = false
    }

    public var text: String { String(characters) }

    /// Replaces the whole text, the cursor at its end (a returning resident's details filled in).
    public mutating func setText(_ text: String) {
        characters = []
        cursor = 0
        insert(text)
        overflowed = false
    }

    /// Characters that must never reach the database or the screen: controls and the bidi overrides
    /// that can make text display in a misleading order. Line breaks only where the field keeps them.
    func isAllowed(_ character: Character) -> Bool {
        if character == "\n" || character == "\r\n" { return multiline }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0: false
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: false
            default: true
            }
        }
    }

    /// Inserts typed or pasted text at the cursor, cut at the field's limit.
    public mutating func insert(_ text: String) {
        overflowed = false
        for character in text where isAllowed(character) {
            guard characters.count < limit else {
                overflowed = true
                return
            }
            characters.insert(character == "\r\n" ? "\n" : character, at: cursor)
            cursor += 1
        }
    }

    /// Handles an editing key; returns false for keys a field does not use.
    public mutating func handle(_ key: Key) -> Bool {
        overflowed = false
        switch key {
        case .character(let character): insert(String(character))
        case .enter where multiline: insert("\n")
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = lineStart
        case .end, .control("e"): cursor = lineEnd
        case .control("u"):
            let start = lineStart
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .control("k"): characters.removeSubrange(cursor..<lineEnd)
        case .control("w"):
            // Back over spaces, then over the word before them, never across a line break.
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " && characters[start - 1] != "\n" { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    /// Where the cursor's line starts and ends (the whole text in a one-line field).
    var lineStart: Int { characters[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0 }
    var lineEnd: Int { characters[cursor...].firstIndex(of: "\n") ?? characters.count }

    /// The visible part for `width` columns, scrolled so the cursor shows, and the cursor's column in it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let widths = characters.map { DisplayWidth.width(of: $0) }
        var start = 0
        // Scroll right until the text before the cursor (and the cursor cell) fits.
        while widths[start..<cursor].reduce(0, +) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for index in start..<characters.count {
            guard used + widths[index] <= width else { break }
            shown.append(characters[index])
            used += widths[index]
        }
        return (shown, widths[start..<cursor].reduce(0, +))
    }
}
