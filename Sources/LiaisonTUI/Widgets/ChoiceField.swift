import LiaisonCore

/// One thing a choice field offers.
public struct ChoiceOption: Sendable, Equatable {
    /// What the caller gets back: an id or an enum's raw value.
    public let value: String
    public let label: String
    /// Shown after the label in the list, muted (a deputy's cases in hand).
    public let note: String
    /// Lower-case label plus pinyin initials, so `zql` finds 张乾林.
    let searchKey: String

    public init(value: String, label: String, note: String = "", initials: String? = nil) {
        self.value = value
        self.label = label
        self.note = note
        searchKey = (label + "\u{1F}" + (initials ?? Pinyin.initials(label))).lowercased()
    }
}

/// A field that picks one of a list: typing filters it (Chinese substring or pinyin initials), Up and
/// Down move through the matches, Enter takes one. Down on a closed field opens the whole list.
public struct ChoiceField: Sendable, Equatable {
    public let options: [ChoiceOption]
    public private(set) var selected: Int?
    public private(set) var query = TextField(limit: 20)
    public private(set) var isOpen = false
    public private(set) var matches: [Int] = []
    public private(set) var highlighted = 0
    /// How many matches the open list shows at once.
    public static let listHeight = 6

    public init(options: [ChoiceOption], selectedValue: String? = nil) {
        self.options = options
        selected = selectedValue.flatMap { value in options.firstIndex { $0.value == value } }
    }

    public var selectedValue: String? { selected.map { options[$0].value } }
    /// The match the open list has highlighted, if any.
    public var highlightedOption: ChoiceOption? { matches.indices.contains(highlighted) ? options[matches[highlighted]] : nil }
    public var selectedOption: ChoiceOption? { selected.map { options[$0] } }

    public mutating func select(value: String?) {
        selected = value.flatMap { value in options.firstIndex { $0.value == value } }
        close()
    }

    public mutating func handle(_ key: Key) -> Bool {
        switch KeyTable.action(for: key, in: .choiceField) {
        case .openOrNextOption?:
            if isOpen {
                highlighted = min(highlighted + 1, max(0, matches.count - 1))
            } else {
                open()
            }
            return true
        case .previousOption? where isOpen:
            highlighted = max(0, highlighted - 1)
            return true
        case .pickOption? where isOpen:
            pickHighlighted()
            return true
        case .closeList? where isOpen:
            // Esc first takes back what was typed (the list stays open, as in the picker), then closes.
            if query.text.isEmpty {
                close()
            } else {
                query.setText("")
                filter()
            }
            return true
        case .clearChoice? where !isOpen:
            // Backspace on a closed field clears the choice (every choice here may be left empty).
            guard selected != nil else { return false }
            selected = nil
            return true
        default:
            guard query.handle(key) else { return false }
            isOpen = true
            filter()
            return true
        }
    }

    /// Typed text that matches no option: focus may not leave with it, or it would be lost unseen.
    public var unmatchedText: String? {
        isOpen && !query.text.isEmpty && matches.isEmpty ? query.text : nil
    }

    /// Focus is leaving: a typed query takes its first match, as a clerk expects from typing a name and
    /// pressing Tab. Returns false, and keeps the text, when it matches nothing.
    public mutating func commit() -> Bool {
        if unmatchedText != nil { return false }
        if isOpen && !query.text.isEmpty { pickHighlighted() } else { close() }
        return true
    }

    /// Shows the whole list, the chosen option highlighted.
    public mutating func open() {
        isOpen = true
        filter()
        highlighted = selected.flatMap { matches.firstIndex(of: $0) } ?? 0
    }

    private mutating func filter() {
        let needle = query.text.lowercased()
        matches = options.indices.filter { needle.isEmpty || options[$0].searchKey.contains(needle) }
        highlighted = 0
    }

    private mutating func pickHighlighted() {
        if matches.indices.contains(highlighted) { selected = matches[highlighted] }
        close()
    }

    private mutating func close() {
        isOpen = false
        query.setText("")
        matches = []
        highlighted = 0
    }

    /// The field's line: the query while open, otherwise the chosen label. Returns the cursor column
    /// while open.
    public func render(on screen: Screen, row: Int, column: Int, width: Int, role: TextRole) -> Int? {
        if isOpen {
            let (text, cursor) = query.visible(width: width - 2)
            screen.draw(row: row, column: column, ("> " + text).fitted(to: width), role: role)
            return column + 2 + cursor
        }
        let text = selectedOption?.label ?? "（未选）"
        screen.draw(row: row, column: column, text.fitted(to: width, ellipsis: true),
                    role: selected == nil ? .muted : role)
        return nil
    }

    /// The open list under the field, the highlighted match in the selection colour.
    public func renderList(on screen: Screen, top: Int, column: Int, width: Int, maxRows: Int) {
        let height = min(ChoiceField.listHeight, maxRows)
        guard isOpen, height > 0 else { return }
        guard !matches.isEmpty else {
            screen.draw(row: top, column: column, " 没有匹配的选项".fitted(to: width), role: .warning)
            return
        }
        // Scroll just enough to keep the highlighted match in the list.
        let first = max(0, min(highlighted - height + 1, matches.count - height))
        for position in first..<min(matches.count, first + height) {
            let option = options[matches[position]]
            let label = " " + option.label + (option.note.isEmpty ? "" : "  " + option.note)
            screen.draw(row: top + position - first, column: column, label.fitted(to: width, ellipsis: true),
                        role: position == highlighted ? .selected : .tab)
        }
    }
}
