import Foundation

/// 姓氏笔画: the order official rosters print names in. Fewer strokes of the simplified character first;
/// equal counts by the strokes in writing order, 一 丨 丿 丶 乛, first stroke first; then the name's next
/// character. ICU's stroke collation counts traditional forms (毛 before 王, 陈 among eight strokes), so
/// the desk carries its own table (Resources/strokes/strokes.txt).
public struct StrokeOrder: Sendable {
    /// Each character's stroke count, then its strokes as 1–5 in writing order, by code point: a sort of
    /// two thousand names looks up six thousand characters.
    private let strokes: [UInt32: [UInt8]]

    public init(table text: String) {
        var strokes: [UInt32: [UInt8]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, parts[0].unicodeScalars.count == 1, let scalar = parts[0].unicodeScalars.first else { continue }
            let sequence = parts[1].utf8.map { $0 - UInt8(ascii: "0") }
            strokes[scalar.value] = [UInt8(sequence.count)] + sequence
        }
        self.strokes = strokes
    }

    /// The shipped table, read once.
    public static let shipped: StrokeOrder = {
        let url = ShippedResources.directory.appendingPathComponent("strokes/strokes.txt")
        return StrokeOrder(table: (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    /// A key whose order is the stroke order of names: per character its stroke count, then its strokes
    /// (the same count, so the same length), then 0. A character the table lacks (a Latin letter, a rare
    /// character) comes after every one it has, by its code.
    public func key(_ name: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(name.unicodeScalars.count * 14)
        for scalar in name.unicodeScalars {
            if let strokes = strokes[scalar.value] {
                key += strokes
            } else {
                key += [UInt8.max, UInt8(scalar.value >> 16 & 0xFF), UInt8(scalar.value >> 8 & 0xFF), UInt8(scalar.value & 0xFF)]
            }
            key.append(0)
        }
        return key
    }

    /// The key as text whose plain (binary) order is the same: each byte a character from U+0021 on.
    public func sortText(_ name: String) -> String {
        String(String.UnicodeScalarView(key(name).compactMap { Unicode.Scalar(UInt32($0) + 0x21) }))
    }

    /// Writes the key of every deputy that has none yet (rows a migration or a bulk load left empty).
    static func fillMissingKeys(in database: Database) throws {
        let missing = try database.fetchAll("SELECT id, name FROM deputies WHERE name_strokes IS NULL") { ($0.int64(0), $0.string(1)) }
        guard !missing.isEmpty else { return }
        try database.write {
            for (id, name) in missing {
                try database.execute("UPDATE deputies SET name_strokes = ? WHERE id = ?", [shipped.sortText(name), id])
            }
        }
    }

    public func strokeCount(of character: Character) -> Int? {
        character.unicodeScalars.first.flatMap { strokes[$0.value]?.first }.map(Int.init)
    }

}
