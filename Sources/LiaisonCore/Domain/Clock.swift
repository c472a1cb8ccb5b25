import Foundation

/// A moment in the station's local time, to the second.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    public let secondOfDay: Int

    public init(day: Day, secondOfDay: Int = 9 * 3600) {
        precondition((0..<86_400).contains(secondOfDay))
        self.day = day
        self.secondOfDay = secondOfDay
    }

    public init(day: Day, hour: Int, minute: Int, second: Int = 0) {
        self.init(day: day, secondOfDay: hour * 3600 + minute * 60 + second)
    }

    /// Parses `YYYY-MM-DD HH:MM:SS` as stored in the database.
    public init?(stored text: String) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let day = Day(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]), (0..<60).contains(clock[2])
        else { return nil }
        self.init(day: day, hour: clock[0], minute: clock[1], second: clock[2])
    }

    /// A time of day as typed on `day`: 14:30, 9:00, 9点, 1430 or 14：30 (as an IME types it); nil when
    /// it is no time of day (25:00, 14:70, 下午).
    public init?(day: Day, clock text: String) {
        let typed = text.halfWidthDigits.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "点", with: ":")
        var parts = typed.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[1].isEmpty { parts[1] = "00" }
        if parts.count == 1, parts[0].count == 4 { parts = [String(parts[0].prefix(2)), String(parts[0].suffix(2))] }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) }), let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(day: day, hour: hour, minute: minute)
    }

    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `HH:MM`
    public var clockText: String { LocalTime.twoDigits(hour) + ":" + LocalTime.twoDigits(minute) }

    /// `YYYY-MM-DD HH:MM:SS`, the stored form; it sorts as time does.
    public var stored: String { day.iso + " " + clockText + ":" + LocalTime.twoDigits(second) }

    public var description: String { stored }

    public func adding(seconds: Int) -> LocalTime {
        let total = day.ordinal * 86_400 + secondOfDay + seconds
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        return LocalTime(day: Day(ordinal: days), secondOfDay: total - days * 86_400)
    }

    public func seconds(until other: LocalTime) -> Int {
        (other.day.ordinal - day.ordinal) * 86_400 + other.secondOfDay - secondOfDay
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        (lhs.day, lhs.secondOfDay) < (rhs.day, rhs.secondOfDay)
    }
}

extension LocalTime: SQLBindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        stored.bind(to: statement, at: index)
    }
}

extension Statement {
    public func localTime(_ column: Int32) throws -> LocalTime { try required(column, as: "时间", LocalTime.init(stored:)) }
    public func optionalLocalTime(_ column: Int32) throws -> LocalTime? { try optional(column, as: "时间", LocalTime.init(stored:)) }
}

/// Where "now" comes from. The core never reads the system clock itself, so "today" and
/// "overdue" can be tested at any date.
public protocol Clock: Sendable {
    func now() -> LocalTime
}

extension Clock {
    public var today: Day { now().day }
}

/// The machine's clock in its local time zone.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> LocalTime {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let day = Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
        return LocalTime(day: day, hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: min(59, Int(parts.tm_sec)))
    }
}

/// A clock that shows whatever time it is set to; tests and the demo generator move it by hand.
public final class ManualClock: Clock, @unchecked Sendable {
    private var current: LocalTime
    private let lock = NSLock()

    public init(_ time: LocalTime) { current = time }

    public func now() -> LocalTime { lock.withLock { current } }

    public func set(_ time: LocalTime) { lock.withLock { current = time } }

    public func advance(seconds: Int) { lock.withLock { current = current.adding(seconds: seconds) } }
}
