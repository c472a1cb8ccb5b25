import LiaisonCore

/// A date typed as YYYY-MM-DD, with shortcuts: `t` today, `+` and `-` a day later or earlier,
/// PgUp/PgDn a week. The shortcuts start from today when the field does not hold a date yet.
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
        switch key {
        case .character("t"), .character("T"): set(today)
        case .character("+"), .character("="): set(Day(ordinal: (day ?? today).ordinal + 1))
        case .character("-") where !buffer.text.isEmpty && day != nil: set(Day(ordinal: day!.ordinal - 1))
        case .character("-") where buffer.text.isEmpty: set(Day(ordinal: today.ordinal - 1))
        case .pageDown: set(Day(ordinal: (day ?? today).ordinal + 7))
        case .pageUp: set(Day(ordinal: (day ?? today).ordinal - 7))
        case .character(let character) where !(character.isASCII && (character.isNumber || character == "-")):
            // Only digits and dashes belong in a date; anything else is ignored rather than stored.
            return true
        default: return buffer.handle(key)
        }
        return true
    }

    private mutating func set(_ day: Day) { buffer.setText(day.iso) }

    /// Why the text is not a date, for the message beside the field; nil when it is one or is empty.
    public var problem: String? {
        guard !buffer.text.isEmpty, day == nil else { return nil }
        return "日期格式为 年-月-日，如 \(today.iso)"
    }
}
