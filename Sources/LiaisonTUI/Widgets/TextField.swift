/// A text field that edits Chinese text correctly: it inserts and deletes whole characters, keeps the
/// cursor in the right display column, and knows the readline keys of the key table's editing scope.
/// A multi-line field (the buffer of `TextArea`) also keeps line breaks; then the line keys work on the
/// line the cursor is in.
public struct TextField: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    public internal(set) var cursor = 0
    public let limit: Int
    public let multiline: Bool
    /// Set when the last key's text did not all fit, for the message line.
    public private(set) var overflowed = false
    /// A value put in by the program that no key has touched yet: a form shows a long one from its
    /// start (`Form.layout`).
    public private(set) var isUntouched = false

    /// A PIN: each character is drawn as *, never as itself.
    public let secret: Bool

    public init(text: String = "", limit: Int = 200, multiline: Bool = false, secret: Bool = false) {
        self.limit = limit
        self.multiline = multiline
        self.secret = secret
        setText(text)
    }

    public var text: String { String(characters) }

    /// The text as the screen may show it.
    public var shownText: String { secret ? String(repeating: "*", count: characters.count) : text }

    private func shown(_ index: Int) -> Character { secret ? "*" : characters[index] }

    /// What the message line says when text did not all fit.
    static func overflowMessage(_ limit: Int) -> String { "这一项最多 \(limit) 个字，多出的没有收下" }

    /// Replaces the whole text, the cursor at its end (a prefill, a date set by a shortcut, a default
    /// brought in), so Backspace and Ctrl-U work on it as on typed text.
    public mutating func setText(_ text: String) {
        characters = []
        cursor = 0
        insert(text)
        overflowed = false
        isUntouched = !text.isEmpty
    }

    /// Puts the cursor at the start of an untouched value, so a value longer than its field shows its
    /// beginning, not its tail.
    mutating func showStart() {
        if isUntouched { cursor = 0 }
    }

    /// Characters that must never reach the database or the screen: controls and the bidi overrides
    /// that can make text display in a misleading order. Line breaks only where the field keeps them.
    func isAllowed(_ character: Character) -> Bool {
        if character == "\n" { return multiline }
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x20, 0x7F..<0xA0: false
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: false
            default: true
            }
        }
    }

    /// Inserts typed or pasted text at the cursor, cut at the field's limit. Terminals send a pasted
    /// line break as a carriage return. Reading stops at the limit, so a huge paste costs no more than
    /// a full field.
    public mutating func insert(_ text: String) {
        overflowed = false
        let room = limit - characters.count
        var accepted: [Character] = []
        for original in text {
            let character: Character = original == "\r" || original == "\r\n" ? "\n" : original
            guard isAllowed(character) else { continue }
            guard accepted.count < room else {
                overflowed = true
                break
            }
            accepted.append(character)
        }
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
    }

    /// Handles an editing key, typing or a paste; returns false for keys a field does not use.
    public mutating func handle(_ key: Key) -> Bool {
        overflowed = false
        isUntouched = false
        switch key {
        case .character(let character):
            insert(String(character))
            return true
        case .paste(let paste):
            insert(paste.text)
            overflowed = overflowed || paste.truncated
            return true
        case .enter where multiline:
            insert("\n")
            return true
        default: break
        }
        switch KeyTable.action(for: key, in: .textEditing) {
        case .deleteBackward?:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward?:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .cursorLeft?: cursor = max(0, cursor - 1)
        case .cursorRight?: cursor = min(characters.count, cursor + 1)
        case .lineStart?: cursor = lineStart
        case .lineEnd?: cursor = lineEnd
        case .deleteToLineStart?:
            let start = lineStart
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .deleteToLineEnd?: characters.removeSubrange(cursor..<lineEnd)
        case .deleteWord?:
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
        // Scroll right until the text before the cursor (and the cursor cell) fits.
        var start = cursor
        var before = 0
        while start > 0 {
            let next = DisplayWidth.width(of: shown(start - 1))
            if before + next > width - 1 { break }
            before += next
            start -= 1
        }
        var shown = ""
        var used = 0
        for index in start..<characters.count {
            let next = DisplayWidth.width(of: self.shown(index))
            guard used + next <= width else { break }
            shown.append(self.shown(index))
            used += next
        }
        return (shown, before)
    }
}
