import Foundation

/// 姓氏笔画: the order official rosters print names in. Fewer strokes of the simplified character first;
/// equal counts by the strokes in writing order, 一 丨 丿 丶 乛, first stroke first; then the name's next
/// character. ICU's stroke collation counts traditional forms (毛 before 王, 陈 among eight strokes), so
/// the desk carries its own table (Resources/strokes/strokes.txt).
public struct StrokeOrder: Sendable {
    /// Each character's strokes as digits 1–5 in writing order.
    private let strokes: [Character: String]

    public init(table text: String) {
        var strokes: [Character: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let character = parts[0].first, parts[0].count == 1 else { continue }
            strokes[character] = String(parts[1])
        }
        self.strokes = strokes
    }

    /// The shipped table, read once.
    public static let shipped: StrokeOrder = {
        let url = ShippedResources.directory.appendingPathComponent("strokes/strokes.txt")
        return StrokeOrder(table: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    /// A key whose plain string order is the stroke order of names: per character its stroke count in
    /// two digits, then its strokes (the same count, so the same length). A character the table lacks
    /// (a Latin letter, a rare character) comes after every one it has, by its code.
    public func key(_ name: String) -> String {
        name.map { character in
            guard let strokes = strokes[character] else {
                return "99" + (character.unicodeScalars.first.map { String(format: "%06X", $0.value) } ?? "")
            }
            return String(format: "%02d", strokes.count) + strokes
        }.joined(separator: "0")
    }

    public func strokeCount(of character: Character) -> Int? { strokes[character]?.count }

    /// Names in stroke order, ties (the same name) in the order given.
    public func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.enumerated().map { (key(name($0.element)), $0.offset, $0.element) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
