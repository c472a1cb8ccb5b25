import Foundation

/// The first 100 bytes of an SQLite file, read without opening it through SQLite,
/// so that a file that is not ours can be refused before anything could write to it.
struct FileHeader {
    static let magic = Array("SQLite format 3\0".utf8)

    enum Inspection: Equatable {
        case absent
        case empty
        case notSQLite
        case sqlite(userVersion: Int, applicationID: Int32)
    }

    static func inspect(path: String) -> Inspection {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return FileManager.default.fileExists(atPath: path) ? .notSQLite : .absent
        }
        defer { try? handle.close() }
        let bytes = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if bytes.isEmpty { return .empty }
        guard bytes.count == 100, Array(bytes[0..<16]) == magic else { return .notSQLite }
        return .sqlite(userVersion: Int(bigEndian(bytes, at: 60)), applicationID: bigEndian(bytes, at: 68))
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int32 {
        let value = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: value)
    }
}
