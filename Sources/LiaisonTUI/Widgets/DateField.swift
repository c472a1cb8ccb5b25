import LiaisonCore

/// A date typed as YYYY-MM-DD, with the key table's shortcuts: today, a day or a week either way.
/// The shortcuts start from today when the field does not hold a date yet.
public struct DateField: Sendable, Equatable {
    public private(set) var buffer: TextField
    public let today: Day

    public init(day: Day?, today: Day) {
        self.init(text: day?.iso ?? "", today: today)
    }

    public init(text: String, today: Day) {
        buffer = TextField(text: text, limit: 10)
        self.today = today
    }

    /// The date, or nil while the text is empty or not a real date.
    public var day: Day? { Day(iso: buffer.text) }
    public var text: String { buffer.text }

    public mutating func handle(_ key: Key) -> Bool {
        let from = day ?? today
        switch KeyTable.action(for: key, in: .dateField) {
        case .today?: set(today)
        case .nextDay?: set(from.adding(days: 1))
        // A dash while typing a date by hand is part of it.
        case .previousDay? where buffer.text.isEmpty || day != nil: set(from.adding(days: -1))
        case .nextWeek?: set(from.adding(days: 7))
        case .previousWeek?: set(from.adding(days: -7))
        default:
            // Only digits and dashes belong in a date; anything else is ignored rather than stored.
            switch key {
            case .character(let character) where !DateField.belongs(character): return true
            // A digit typed over a whole date starts a new one: the field is full, and the dash that
            // follows would otherwise move the date a day back.
            case .character(let character) where character.isNumber && day != nil: buffer.setText(String(character))
            case .paste(let paste): buffer.insert(String(paste.text.filter(DateField.belongs)))
            default: return buffer.handle(key)
            }
        }
        return true
    }

    private static func belongs(_ character: Character) -> Bool { character.isASCII && (character.isNumber || character == "-") }

    private mutating func set(_ day: Day) { buffer.setText(day.iso) }

    /// Why the text is not a date, for the message beside the field; nil when it is one or is empty.
    public var problem: String? {
        guard !buffer.text.isEmpty, day == nil else { return nil }
        let parts = buffer.text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ Int($0) != nil }) { return "没有这一天：\(buffer.text)" }
        return "日期格式为 年-月-日，如 \(today.iso)"
    }
}
