/// Comma-separated values as Excel and WPS write them (RFC 4180): a field in double quotes may hold
/// commas, line breaks and doubled quotes; lines end in CRLF, LF or CR. Records that are all blank
/// (the rows of commas a sheet leaves after formatted cells) are skipped.
public enum CSV {
    /// One record and the line of the file it starts on, for messages.
    public struct Record: Equatable, Sendable {
        public let line: Int
        public let fields: [String]
    }

    public struct Problem: UserFacingError, Equatable {
        public let line: Int
        public let reason: String
        public var userMessage: String { "第 \(line) 行：\(reason)" }
    }

    public static func parse(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var afterClosingQuote = false
        var quoteLine = 1
        var previousWasCR = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if fields.contains(where: { !$0.trimmingSheetSpace.isEmpty }) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        while let scalar = pending ?? scalars.next() {
            pending = nil
            let isCR = scalar == "\r"
            defer { previousWasCR = isCR }
            if scalar == "\n" || isCR {
                // CRLF is one line break: the CR already made it.
                if scalar == "\n" && previousWasCR { continue }
                line += 1
                if quoted {
                    field.append("\n")
                } else {
                    endRecord()
                    recordLine = line
                }
                continue
            }
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        pending = next
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\"" where field.allSatisfy(\.properties.isWhitespace) && !afterClosingQuote:
                field = String.UnicodeScalarView()
                quoted = true
                quoteLine = line
            default:
                if afterClosingQuote && !scalar.properties.isWhitespace {
                    throw Problem(line: line, reason: "引号外还有文字（引号里的内容之后应是逗号或换行）")
                }
                if !afterClosingQuote { field.append(scalar) }
            }
        }
        if quoted { throw Problem(line: quoteLine, reason: "引号没有配对（从这一行开始的引号到文件末尾都没有结束）") }
        if !fields.isEmpty || !field.isEmpty || afterClosingQuote { endRecord() }
        return records
    }

    /// Rows as Excel reads them back: fields quoted where they must be, lines ending in CRLF.
    public static func write(_ rows: [[String]]) -> String {
        var text = ""
        for row in rows { append(row, to: &text) }
        return text
    }

    /// One row added to `text`, without building the row apart (a million-row register goes by fast).
    public static func append(_ fields: [String], to text: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += quoted(field)
        }
        text += "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
            || field.first.map(\.isWhitespace) == true || field.last.map(\.isWhitespace) == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Excel reads a long run of digits (an 11-digit mobile) as a number, shows it as 1.38E+10 and saves
/// it back so; written as ="13812345678" it stays text in Excel and WPS. Imports read either form.
enum ExcelText {
    static func protect(_ value: String) -> String {
        // Bytes, not characters: a cell of 11 ASCII digits is 11 bytes, and counting bytes is cheap.
        value.utf8.count >= 11 && value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? "=\"\(value)\"" : value
    }

    /// Free text that Excel or WPS would run as a formula (= + - @ first) is shown as written instead.
    static func defused(_ value: String) -> String {
        guard let first = value.utf8.first, [0x3D, 0x2B, 0x2D, 0x40].contains(first) else { return value }
        return "'" + value
    }

    static func unwrap(_ cell: String) -> String {
        cell.count >= 3 && cell.hasPrefix("=\"") && cell.hasSuffix("\"") ? String(cell.dropFirst(2).dropLast()) : cell
    }
}

extension String {
    /// Full-width digits (１３８) made ASCII.
    public var halfWidthDigits: String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
        }))
    }

    /// Without the spaces a sheet's cell may carry at either end: ASCII, full-width and no-break spaces.
    var trimmingSheetSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
