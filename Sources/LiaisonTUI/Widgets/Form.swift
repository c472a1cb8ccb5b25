import LiaisonCore

/// What a form field edits.
public enum FormInput: Sendable, Equatable {
    case text(TextField)
    /// A text area and how many rows it shows.
    case area(TextArea, rows: Int)
    case choice(ChoiceField)
    case date(DateField)

    /// The value as text, for required checks and for telling whether the form changed.
    var value: String {
        switch self {
        case .text(let field): field.text
        case .area(let area, _): area.text
        case .choice(let choice): choice.selectedValue ?? ""
        case .date(let date): date.text
        }
    }

    var rows: Int {
        if case .area(_, let rows) = self { return rows }
        return 1
    }

    /// A choice's typed text that matches no option, kept until the clerk mends or clears it.
    var unmatchedText: String? {
        if case .choice(let choice) = self { return choice.unmatchedText }
        return nil
    }

    /// The field's limit when the last key's text did not all fit.
    var overflowLimit: Int? {
        switch self {
        case .text(let field) where field.overflowed: field.limit
        case .area(let area, _) where area.buffer.overflowed: area.buffer.limit
        default: nil
        }
    }
}

public struct FormField: Sendable, Equatable {
    public let key: String
    public let label: String
    public let required: Bool
    public var input: FormInput
    /// Said beside the field while it has no error (不愿留填 无).
    public let hint: String
    public var error: String?
    /// Something the clerk should know about the value, said instead of the hint (此电话已登记为 夏秀英).
    public var notice: String?

    public init(_ key: String, _ label: String, _ input: FormInput, required: Bool = false, hint: String = "") {
        self.key = key
        self.label = label
        self.input = input
        self.required = required
        self.hint = hint
    }
}

/// Fields in order, one focused. Tab/Shift-Tab (and Enter, Up, Down where the field does not use them)
/// move the focus; Ctrl-S asks to save; Esc asks to cancel. The owner validates, writes the messages
/// beside the fields with `setError`, and keeps the form on screen when a save fails, so nothing typed
/// is lost. A form taller than its pane scrolls to keep the focused field in view.
public struct Form: Sendable, Equatable {
    public enum Event: Equatable {
        case ignored, handled, save, cancel, help
    }

    public let title: String
    public private(set) var fields: [FormField]
    public private(set) var focus = 0
    private let initialValues: [String]
    /// The fields whose values the last key changed: typing, or a choice taking its match as focus left.
    public private(set) var lastEdited: [String] = []
    /// The field's limit when the last key brought more text than fitted, changed or not.
    public private(set) var lastOverflow: Int?
    /// Why the last key could not move on (text in a choice that matches nothing).
    public private(set) var lastRefusal: String?
    /// Set by `layout`: the label column, a one-line value's column, a text area's width, the first row shown.
    private var labelWidth = 8
    private var valueWidth = 30
    private var sideWidth = 12
    private var scroll = 0
    private var height = 20

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        initialValues = fields.map(\.input.value)
    }

    /// Whether anything differs from how the form opened, a choice's typed text included; Esc asks
    /// before discarding it.
    public var isDirty: Bool {
        fields.map(\.input.value) != initialValues || fields.contains { $0.input.unmatchedText != nil }
    }
    public var focusedKey: String { fields[focus].key }
    public var focusedInput: FormInput { fields[focus].input }

    private func index(_ key: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { preconditionFailure("no form field \(key)") }
        return index
    }

    public subscript(key: String) -> FormInput {
        get { fields[index(key)].input }
        set { fields[index(key)].input = newValue }
    }

    public func text(_ key: String) -> String { self[key].value.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A number field's text with full-width digits (３１) made ASCII, as an IME types them.
    public func number(_ key: String) -> String { text(key).halfWidthDigits }

    public func chosenOption(_ key: String) -> ChoiceOption? {
        if case .choice(let field) = self[key] { return field.selectedOption }
        return nil
    }

    public func choice(_ key: String) -> String? { chosenOption(key)?.value }

    /// A date field's day; nil when it is empty or not a date (the form itself says which).
    public func day(_ key: String) -> Day? {
        if case .date(let field) = self[key] { return field.day }
        return nil
    }

    public mutating func setText(_ key: String, _ text: String) {
        switch self[key] {
        case .text(var field):
            field.setText(text)
            self[key] = .text(field)
        case .area(var area, let rows):
            area.buffer.setText(text)
            self[key] = .area(area, rows: rows)
        case .choice(var choice):
            choice.select(value: text.isEmpty ? nil : text)
            self[key] = .choice(choice)
        case .date(let date):
            self[key] = .date(DateField(text: text, today: date.today))
        }
    }

    /// Takes what was typed into `other` for every field both forms have (a form rebuilt around data
    /// another terminal changed keeps the clerk's work).
    public mutating func take(_ other: Form) {
        for index in fields.indices {
            if let typed = other.fields.first(where: { $0.key == fields[index].key }) { fields[index].input = typed.input }
        }
    }

    public mutating func setError(_ key: String, _ message: String?) { fields[index(key)].error = message }
    public mutating func setNotice(_ key: String, _ notice: String?) { fields[index(key)].notice = notice }
    public mutating func clearErrors() { for index in fields.indices { fields[index].error = nil } }
    public var firstError: (label: String, message: String)? {
        fields.lazy.compactMap { field in field.error.map { (field.label, $0) } }.first
    }

    public mutating func focus(on key: String) {
        guard leaveFocusedField() else { return }
        focus = index(key)
    }

    /// Marks what any form refuses: an empty required field (必填), a date that is not a date, and a
    /// choice's typed text that matches no option.
    public mutating func markInvalidFields() {
        for index in fields.indices where fields[index].error == nil {
            let input = fields[index].input
            if let text = input.unmatchedText {
                fields[index].error = Form.unmatched(text)
            } else if fields[index].required && input.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fields[index].error = "必填"
            } else if case .date(let date) = input, let problem = date.problem {
                fields[index].error = problem
            }
        }
    }

    static func unmatched(_ text: String) -> String { "没有「\(text)」这一项，请改正或删去" }

    /// Focuses the first field with a message, if any.
    public mutating func focusFirstError() {
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }

    public mutating func handle(_ key: Key) -> Event {
        // Only the focused field changes on a key (leaving it may commit a choice), so only it is compared.
        let index = focus
        let before = (fields[index].input.value, fields[index].input.unmatchedText)
        lastRefusal = nil
        let event = handleKey(key)
        switch key {
        case .character, .paste: lastOverflow = fields[index].input.overflowLimit
        default: lastOverflow = nil
        }
        lastEdited = fields[index].input.value != before.0 ? [fields[index].key] : []
        // A message goes once the field changes: a new value, or the unmatched text mended.
        if !lastEdited.isEmpty || (before.1 != nil && fields[index].input.unmatchedText != before.1) {
            fields[index].error = nil
        }
        return event
    }

    private mutating func handleKey(_ key: Key) -> Event {
        if handleInField(key) { return .handled }
        switch KeyTable.action(for: key, in: .form) {
        case .nextField?: move(by: 1)
        case .previousField?: move(by: -1)
        case .save?:
            _ = leaveFocusedField()
            return .save
        case .cancel?: return .cancel
        case .help?: return .help
        default: return .ignored
        }
        return .handled
    }

    private mutating func handleInField(_ key: Key) -> Bool {
        switch fields[focus].input {
        case .text(var field):
            guard field.handle(key) else { return false }
            fields[focus].input = .text(field)
        case .area(var area, let rows):
            guard area.handle(key) else { return false }
            fields[focus].input = .area(area, rows: rows)
        case .choice(var choice):
            guard choice.handle(key) else { return false }
            fields[focus].input = .choice(choice)
        case .date(var date):
            guard date.handle(key) else { return false }
            fields[focus].input = .date(date)
        }
        return true
    }

    private mutating func move(by delta: Int) {
        guard leaveFocusedField() else { return }
        focus = (focus + delta + fields.count) % fields.count
    }

    /// A choice field that was being typed into takes its first match when focus leaves it; text that
    /// matches nothing keeps the focus there, and the field says why.
    private mutating func leaveFocusedField() -> Bool {
        guard case .choice(var choice) = fields[focus].input else { return true }
        guard choice.commit() else {
            fields[focus].error = Form.unmatched(choice.unmatchedText ?? "")
            lastRefusal = fields[focus].label + " " + (fields[focus].error ?? "")
            return false
        }
        fields[focus].input = .choice(choice)
        return true
    }

    // MARK: Layout and drawing

    /// The first row of each field below the title, and the rows all fields take.
    private var fieldRows: (starts: [Int], total: Int) {
        var starts: [Int] = []
        var row = 0
        for field in fields {
            starts.append(row)
            row += field.input.rows
        }
        return (starts, row)
    }

    /// Fits the form to `width` × `height` (title row included) and scrolls so the focused field, and
    /// its open list where there is room, are in view.
    public mutating func layout(width: Int, height: Int) {
        self.height = height
        labelWidth = (fields.map { $0.label.displayWidth }.max() ?? 4) + 3
        sideWidth = width >= 50 ? 18 : 12
        valueWidth = max(8, width - labelWidth - sideWidth - 1)
        let visible = max(1, height - 1)
        for index in fields.indices {
            switch fields[index].input {
            case .area(var area, let rows):
                area.layout(width: width - labelWidth, height: rows)
                fields[index].input = .area(area, rows: rows)
            case .text(var field) where field.text.displayWidth >= valueWidth:
                field.showStart()
                fields[index].input = .text(field)
            default: break
            }
        }
        let (starts, total) = fieldRows
        let first = starts[focus]
        var last = first + fields[focus].input.rows
        if case .choice(let choice) = fields[focus].input, choice.isOpen { last += min(ChoiceField.listHeight, choice.matches.count) }
        if last - scroll > visible { scroll = last - visible }
        if first < scroll { scroll = first }
        scroll = max(0, min(scroll, max(0, total - visible), first))
    }

    /// Draws the form as laid out: labels (required ones marked `*`), values, and beside each value its
    /// error (or its hint); the title says when fields lie above or below. Returns where the cursor belongs.
    public func render(on screen: Screen, top: Int, left: Int, width: Int) -> (row: Int, column: Int)? {
        let (starts, total) = fieldRows
        let visible = max(1, height - 1)
        var titleLine = " " + title
        let above = starts.filter { $0 < scroll }.count
        let below = starts.indices.filter { starts[$0] + fields[$0].input.rows > scroll + visible }.count
        if above > 0 { titleLine += "  上面还有 \(above) 项" }
        if below > 0 { titleLine += "  下面还有 \(below) 项" }
        screen.draw(row: top, column: left, titleLine.fitted(to: width), role: .header)
        var cursor: (row: Int, column: Int)?
        var openList: (row: Int, choice: ChoiceField)?
        let valueLeft = left + labelWidth
        for (index, field) in fields.enumerated() {
            let focused = index == focus
            let label = (focused ? ">" : " ") + field.label + (field.required ? "*" : "")
            let firstRow = top + 1 + starts[index] - scroll
            let rows = (0..<field.input.rows).map { firstRow + $0 }.filter { $0 > top && $0 <= top + visible }
            guard let row = rows.first else { continue }
            for (offset, line) in rows.enumerated() {
                screen.draw(row: line, column: left, (offset == 0 && line == firstRow ? label : "").fitted(to: labelWidth),
                            role: focused ? .header : .normal)
            }
            guard row == firstRow else { continue } // a field cut at the top is drawn only when whole
            switch field.input {
            case .text(let text):
                cursor = drawLine(text, focused: focused, on: screen, row: row, left: valueLeft) ?? cursor
            case .date(let date):
                cursor = drawLine(date.buffer, focused: focused, on: screen, row: row, left: valueLeft) ?? cursor
            case .area(let area, let areaRows):
                // A text area takes the side column too; its message and what lies hidden go under its label.
                let shownRows = min(areaRows, rows.count)
                let at = area.render(on: screen, top: row, left: valueLeft, height: shownRows, role: .input)
                if focused && at.row < row + shownRows { cursor = at }
                let hidden = area.hiddenText(height: areaRows)
                var notes: [(String, TextRole)] = []
                if let error = field.error { notes.append((error, .warning)) }
                if hidden.above { notes.append(("上面还有", .muted)) }
                if hidden.below { notes.append(("下面还有", .muted)) }
                for (offset, note) in notes.prefix(shownRows - 1).enumerated() {
                    screen.draw(row: row + 1 + offset, column: left, (" " + note.0).fitted(to: labelWidth, ellipsis: true), role: note.1)
                }
                continue
            case .choice(let choice):
                let at = choice.render(on: screen, row: row, column: valueLeft, width: valueWidth, role: .input)
                if focused {
                    cursor = at.map { (row, $0) }
                    if choice.isOpen { openList = (row + 1, choice) }
                }
            }
            let side = field.error.map { (" " + $0, TextRole.warning) } ?? field.notice.map { (" " + $0, TextRole.dueSoon) }
                ?? (" " + field.hint, TextRole.muted)
            screen.draw(row: row, column: valueLeft + valueWidth, side.0.fitted(to: width - labelWidth - valueWidth, ellipsis: true),
                        role: side.1)
        }
        let used = max(0, total - scroll)
        if used < visible {
            for blank in (used + 1)...visible { screen.draw(row: top + blank, column: left, "".fitted(to: width), role: .normal) }
        }
        // The open list goes over the fields below, drawn last.
        if let openList {
            openList.choice.renderList(on: screen, top: openList.row, column: valueLeft, width: valueWidth,
                                       maxRows: top + height - openList.row)
        }
        return cursor
    }

    /// A one-line value: the focused one scrolled to its cursor (returned), the others from their start.
    private func drawLine(_ field: TextField, focused: Bool, on screen: Screen, row: Int, left: Int) -> (row: Int, column: Int)? {
        guard focused else {
            screen.draw(row: row, column: left, field.shownText.fitted(to: valueWidth, ellipsis: true), role: .input)
            return nil
        }
        let (shown, column) = field.visible(width: valueWidth)
        screen.draw(row: row, column: left, shown.fitted(to: valueWidth), role: .input)
        return (row, left + column)
    }
}
