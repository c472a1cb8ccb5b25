import Foundation

/// The text of a sheet a station saved from Excel or WPS: UTF-8 with or without a byte-order mark, or
/// GB18030 (what "CSV" means in a Chinese Excel), told apart by what the bytes are and decoded with the
/// system's iconv. Anything else is refused saying what it is, never decoded by a guess.
public struct SheetText: Equatable, Sendable {
    public enum Encoding: String, Sendable {
        case utf8WithBOM = "UTF-8（带 BOM）"
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    public let text: String
    public let encoding: Encoding

    /// Why a file is not a sheet this program reads.
    public enum Problem: UserFacingError, Equatable {
        case empty
        case workbook(String)
        case utf16
        case binary
        /// `marked`: the file begins with UTF-8's byte-order mark; otherwise it is mostly UTF-8.
        case badUTF8(line: Int, marked: Bool)
        case unknownEncoding(line: Int)
        case controlCharacter(line: Int)

        public var userMessage: String {
            let saveAs = "请在 Excel 或 WPS 中“另存为” CSV（逗号分隔）"
            switch self {
            case .empty: return "文件是空的"
            case .workbook(let kind): return "这是 Excel 工作簿（\(kind)），不是 CSV：\(saveAs)"
            case .utf16: return "这是 UTF-16 编码的文本（Excel 的“Unicode 文本”），不是 CSV：\(saveAs)"
            case .binary: return "不是文本文件（含有零字节），不是 CSV"
            case .badUTF8(let line, let marked):
                return "文件\(marked ? "标明" : "看来")是 UTF-8，第 \(line) 行却有不是 UTF-8 的字节（文件可能已损坏）"
            case .unknownEncoding(let line): return "既不是 UTF-8 也不是 GB18030 编码（第 \(line) 行无法识别）：\(saveAs)"
            case .controlCharacter(let line): return "第 \(line) 行有控制字符，不是 CSV 文本"
            }
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(decoding bytes: [UInt8]) throws {
        let starts = { (prefix: [UInt8]) in bytes.starts(with: prefix) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { throw Problem.workbook(".xlsx") }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { throw Problem.workbook(".xls") }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { throw Problem.utf16 }
        if bytes.contains(0) { throw Problem.binary }
        let body: ArraySlice<UInt8>
        if starts(SheetText.byteOrderMark) {
            body = bytes.dropFirst(3)
            guard let text = String(validating: body, as: UTF8.self) else {
                throw Problem.badUTF8(line: SheetText.line(ofFirstInvalidUTF8In: body), marked: true)
            }
            self.init(checked: text, encoding: .utf8WithBOM)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            self.init(checked: text, encoding: .utf8)
        } else {
            // Mostly UTF-8 with a bad byte or two is a damaged UTF-8 file, not a GB18030 one.
            let evidence = SheetText.utf8Evidence(bytes)
            if let firstBad = evidence.firstInvalid, evidence.valid >= 4 * evidence.invalid {
                throw Problem.badUTF8(line: SheetText.line(at: firstBad, in: bytes), marked: false)
            }
            if let latin = SheetText.latinByte(in: bytes) { throw Problem.unknownEncoding(line: SheetText.line(at: latin, in: bytes)) }
            self.init(checked: try SheetText.decodeGB18030(bytes), encoding: .gb18030)
        }
        if text.allSatisfy(\.isWhitespace) { throw Problem.empty }
        if let line = SheetText.lineOfControlCharacter(in: text) { throw Problem.controlCharacter(line: line) }
    }

    private init(checked text: String, encoding: Encoding) {
        self.text = text
        self.encoding = encoding
    }

    /// Strict GB18030 through iconv: a byte sequence GB18030 does not define fails the whole file.
    static func decodeGB18030(_ bytes: [UInt8]) throws -> String {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { throw Problem.unknownEncoding(line: 1) }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // Each GB18030 byte becomes at most 3 UTF-8 bytes (a 4-byte sequence at most 4).
        var output = [CChar](repeating: 0, count: bytes.count * 3 + 4)
        var inputLeft = input.count
        var outputLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft)
            }
        }
        guard result != -1, inputLeft == 0 else {
            let failedAt = bytes.count - inputLeft
            throw Problem.unknownEncoding(line: bytes[..<failedAt].filter { $0 == 0x0A }.count + 1)
        }
        let produced = output[..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
        guard let text = String(validating: produced, as: UTF8.self) else { throw Problem.unknownEncoding(line: 1) }
        return text
    }

    static func line(at offset: Int, in bytes: [UInt8]) -> Int { bytes[..<offset].filter { $0 == 0x0A }.count + 1 }

    /// How the bytes read as UTF-8: the multi-byte sequences that are valid, those that are not, and
    /// where the first bad one is.
    static func utf8Evidence(_ bytes: [UInt8]) -> (valid: Int, invalid: Int, firstInvalid: Int?) {
        var valid = 0, invalid = 0
        var firstInvalid: Int?
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            if length == 1 {
                index += 1
                continue
            }
            let end = index + length
            if length > 0, end <= bytes.count, bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index = end
            } else {
                invalid += 1
                if firstInvalid == nil { firstInvalid = index }
                index += 1
            }
        }
        return (valid, invalid, firstInvalid)
    }

    /// Where a Latin-1 (or other single-byte) letter is, when every non-ASCII byte pair reads as GB18030
    /// only by taking an ASCII letter as its second byte (Müller as M黮ler): Chinese text in GB18030 has
    /// pairs of high bytes.
    static func latinByte(in bytes: [UInt8]) -> Int? {
        var pairs = 0, withASCII = 0
        var first: Int?
        var index = 0
        while index < bytes.count {
            guard bytes[index] >= 0x80 else {
                index += 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if (0x30...0x39).contains(next) {
                index += 4 // a four-byte GB18030 sequence
                continue
            }
            pairs += 1
            if next < 0x80 {
                withASCII += 1
                if first == nil { first = index }
            }
            index += 2
        }
        return pairs > 0 && withASCII == pairs ? first : nil
    }

    private static func line(ofFirstInvalidUTF8In bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[start...index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    /// A control character other than tab, CR and LF means the file is not text a sheet saved.
    private static func lineOfControlCharacter(in text: String) -> Int? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; continue }
            if scalar == "\t" || scalar == "\r" { continue }
            if scalar.value < 0x20 || scalar.value == 0x7F { return line }
        }
        return nil
    }
}

/// Reading and writing the files sheets come in and go out as.
public enum SheetFile {
    public static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw SheetFileProblem.missing(path) }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw SheetFileProblem.unreadable(path, directory: isDirectory.boolValue)
        }
        defer { try? handle.close() }
        do {
            // Nothing at all to read comes back as nil.
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw SheetFileProblem.unreadable(path, directory: false)
        }
    }

    /// A file written beside where it is going and synced, not yet under its name: `publish` puts it
    /// there (failing rather than replace a file that appeared meanwhile), so a reader never sees half
    /// a sheet and nothing of the user's is overwritten. Dropping it unpublished removes it.
    public final class Draft {
        let temporary: String
        public let path: String

        init(temporary: String, path: String) {
            self.temporary = temporary
            self.path = path
        }

        public func publish() throws {
            if link(temporary, path) != 0 {
                let error = errno
                if error == EEXIST { throw StoreOpenError.alreadyExists(path) }
                // FAT and exFAT (a USB stick) have no hard links: a rename, once the name is seen free.
                guard [EPERM, EOPNOTSUPP, ENOSYS, EXDEV].contains(error) else { throw SheetFileProblem.unwritable(path, errno: error) }
                if FileManager.default.fileExists(atPath: path) { throw StoreOpenError.alreadyExists(path) }
                guard rename(temporary, path) == 0 else { throw SheetFileProblem.unwritable(path, errno: errno) }
            }
        }

        /// Puts the file under its name, replacing whatever is there (asked for with --force).
        public func replace() throws {
            guard rename(temporary, path) == 0 else { throw SheetFileProblem.unwritable(path, errno: errno) }
        }

        // Once published the temporary name is a second link to the file (or gone, after a rename).
        deinit { unlink(temporary) }
    }

    /// Writes `bytes` to a file beside `path`, which must not exist yet.
    public static func draft(_ bytes: [UInt8], for path: String) throws -> Draft {
        try draft(for: path) { write in try write(bytes) }
    }

    /// Writes what `fill` hands its writer, piece by piece, to a file beside `path` (which must not exist
    /// yet), through a buffer: a million rows go out in constant memory.
    public static func draft(for path: String, replacing: Bool = false, _ fill: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> Draft {
        if !replacing, FileManager.default.fileExists(atPath: path) { throw StoreOpenError.alreadyExists(path) }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw SheetFileProblem.unwritable(path, errno: errno) }
        let draft = Draft(temporary: temporary, path: path)
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == buffer.count else { throw SheetFileProblem.unwritable(path, errno: written < 0 ? errno : ENOSPC) }
            buffer.removeAll(keepingCapacity: true)
        }
        try fill { bytes in
            buffer += bytes
            if buffer.count >= 1 << 20 { try flush() }
        }
        try flush()
        guard fsync(descriptor) == 0 else { throw SheetFileProblem.unwritable(path, errno: errno) }
        return draft
    }
}

/// A sheet file that could not be read or written.
public enum SheetFileProblem: UserFacingError, Equatable {
    case missing(String)
    case unreadable(String, directory: Bool)
    case unwritable(String, errno: Int32)

    public var userMessage: String {
        switch self {
        case .missing(let path): return "找不到文件：\(path)"
        case .unreadable(let path, let directory): return directory ? "这是一个目录，不是文件：\(path)" : "无法读取文件（没有权限？）：\(path)"
        case .unwritable(let path, let error):
            let reason: String
            switch error {
            case ENOENT, ENOTDIR: reason = "目录不存在"
            case EACCES, EPERM: reason = "没有写入权限"
            case ENOSPC, EDQUOT: reason = "磁盘已满"
            case EROFS: reason = "只读的磁盘"
            case EISDIR: reason = "这是一个目录"
            default: reason = String(cString: strerror(error))
            }
            return "无法写入文件（\(reason)）：\(path)"
        }
    }
}
