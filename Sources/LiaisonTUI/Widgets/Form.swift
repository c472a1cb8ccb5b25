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
/// beside the fields with `setError`, and keeps the form on screen when a save fails, so nothing typed is lost.
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
    /// The widths at the last render: a one-line value's column, and a text area's, in which Up and
    /// Down move by wrapped lines.
    private var valueWidth = 30
    private var areaWidth = 48

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        initialValues = fields.map(\.input.value)
    }

    /// Whether anything differs from how the form opened; Esc asks before discarding it.
    public var isDirty: Bool { fields.map(\.input.value) != initialValues }
    public var focusedKey: String { fields[focus].key }

    private func index(_ key: String) -> Int {
        guard let index = fields.firstIndex(where: { $0.key == key }) else { preconditionFailure("no form field \(key)") }
        return index
    }

    public subscript(key: String) -> FormInput {
        get { fields[index(key)].input }
        set { fields[index(key)].input = newValue }
    }

    public func text(_ key: String) -> String { self[key].value.trimmingCharacters(in: .whitespacesAndNewlines) }

    public func chosenOption(_ key: String) -> ChoiceOption? {
        if case .choice(let field) = self[key] { return field.selectedOption }
        return nil
    }

    public func choice(_ key: String) -> String? { chosenOption(key)?.value }

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

    public mutating func setError(_ key: String, _ message: String?) { fields[index(key)].error = message }
    public mutating func clearErrors() { for index in fields.indices { fields[index].error = nil } }
    public var firstError: (label: String, message: String)? {
        fields.first { $0.error != nil }.map { ($0.label, $0.error!) }
    }

    public mutating func focus(on key: String) {
        leaveFocusedField()
        focus = index(key)
    }

    /// Marks what any form refuses: an empty required field (必填) and a date that is not a date.
    public mutating func markInvalidFields() {
        for index in fields.indices {
            if fields[index].required && fields[index].input.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fields[index].error = fields[index].error ?? "必填"
            } else if case .date(let date) = fields[index].input, let problem = date.problem {
                fields[index].error = fields[index].error ?? problem
            }
        }
    }

    /// Focuses the first field with a message; true when there is none.
    @discardableResult
    public mutating func focusFirstError() -> Bool {
        guard let first = fields.firstIndex(where: { $0.error != nil }) else { return true }
        focus(on: fields[first].key)
        return false
    }

    public mutating func handle(_ key: Key) -> Event {
        let before = fields.map(\.input.value)
        let event = handleKey(key)
        lastEdited = fields.indices.filter { fields[$0].input.value != before[$0] }.map { fields[$0].key }
        for key in lastEdited { fields[index(key)].error = nil }
        return event
    }

    private mutating func handleKey(_ key: Key) -> Event {
        if handleInField(key) { return .handled }
        switch KeyTable.action(for: key, in: .form) {
        case .nextField?: move(by: 1)
        case .previousField?: move(by: -1)
        case .save?:
            leaveFocusedField()
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
            guard area.handle(key, width: areaWidth) else { return false }
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
        leaveFocusedField()
        focus = (focus + delta + fields.count) % fields.count
    }

    /// A choice field that was being typed into takes its first match when focus leaves it.
    private mutating func leaveFocusedField() {
        if case .choice(var choice) = fields[focus].input {
            choice.commit()
            fields[focus].input = .choice(choice)
        }
    }

    /// Rows the fields take, title included.
    public var height: Int { 1 + fields.reduce(0) { $0 + $1.input.rows } }

    /// Draws the form: labels (required ones marked `*`), values, and beside each value its error
    /// (or its hint). Returns where the cursor belongs.
    @discardableResult
    public mutating func render(on screen: Screen, top: Int, left: Int, width: Int, height: Int) -> (row: Int, column: Int)? {
        let labelWidth = (fields.map { $0.label.displayWidth }.max() ?? 4) + 3
        let sideWidth = width >= 50 ? 18 : 12
        valueWidth = max(8, width - labelWidth - sideWidth - 1)
        areaWidth = width - labelWidth
        screen.draw(row: top, column: left, (" " + title).fitted(to: width), role: .header)
        var row = top + 1
        var cursor: (row: Int, column: Int)?
        var openList: (row: Int, choice: ChoiceField)?
        for (index, field) in fields.enumerated() {
            let focused = index == focus
            let label = (focused ? ">" : " ") + field.label + (field.required ? "*" : "")
            for extra in 0..<field.input.rows where row + extra < top + height {
                screen.draw(row: row + extra, column: left, (extra == 0 ? label : "").fitted(to: labelWidth),
                            role: focused ? .header : .normal)
            }
            let valueLeft = left + labelWidth
            switch field.input {
            case .text(let text):
                cursor = drawLine(text, focused: focused, on: screen, row: row, left: valueLeft) ?? cursor
            case .date(let date):
                cursor = drawLine(date.buffer, focused: focused, on: screen, row: row, left: valueLeft) ?? cursor
            case .area(var area, let rows):
                // A text area takes the side column too; its message goes under its label instead.
                let at = area.render(on: screen, top: row, left: valueLeft, width: areaWidth,
                                     height: min(rows, top + height - row), role: .input)
                fields[index].input = .area(area, rows: rows)
                if focused { cursor = at }
                if let error = field.error, rows > 1 {
                    screen.draw(row: row + 1, column: left, (" " + error).fitted(to: labelWidth, ellipsis: true), role: .warning)
                }
                row += rows
                continue
            case .choice(let choice):
                let at = choice.render(on: screen, row: row, column: valueLeft, width: valueWidth, role: .input)
                if focused {
                    cursor = at.map { (row, $0) }
                    if choice.isOpen { openList = (row + 1, choice) }
                }
            }
            let side = field.error.map { (" " + $0, TextRole.warning) } ?? (" " + field.hint, TextRole.muted)
            screen.draw(row: row, column: valueLeft + valueWidth, side.0.fitted(to: width - labelWidth - valueWidth, ellipsis: true),
                        role: field.error == nil ? side.1 : .warning)
            row += field.input.rows
        }
        for blank in row..<(top + height) { screen.draw(row: blank, column: left, "".fitted(to: width), role: .normal) }
        // The open list goes over the fields below, drawn last.
        if let openList {
            openList.choice.renderList(on: screen, top: openList.row, column: left + labelWidth, width: valueWidth,
                                       maxRows: top + height - openList.row)
        }
        return cursor
    }

    /// A one-line value: the focused one scrolled to its cursor (returned), the others from their start.
    private func drawLine(_ field: TextField, focused: Bool, on screen: Screen, row: Int, left: Int) -> (row: Int, column: Int)? {
        guard focused else {
            screen.draw(row: row, column: left, field.text.fitted(to: valueWidth, ellipsis: true), role: .input)
            return nil
        }
        let (shown, column) = field.visible(width: valueWidth)
        screen.draw(row: row, column: left, shown.fitted(to: valueWidth), role: .input)
        return (row, left + column)
    }
}
