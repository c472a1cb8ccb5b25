/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, as the lower-case letter: `.control("l")` is Ctrl-L.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    case resize
    /// Text the terminal delivered as one bracketed paste.
    case paste(Paste)
}

/// One bracketed paste: its text, and whether the terminal sent more than the desk keeps.
public struct Paste: Hashable, Sendable {
    /// Far more than any field holds; the rest of a huge paste is read from the terminal and dropped.
    public static let limit = 256 * 1024
    public let text: String
    public let truncated: Bool

    public init(_ text: String, truncated: Bool = false) {
        self.text = text
        self.truncated = truncated
    }

    /// By length only: a key is hashed on every lookup in the key table, and hashing megabytes of text
    /// there would cost more than the paste itself.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        hasher.combine(truncated)
    }
}
