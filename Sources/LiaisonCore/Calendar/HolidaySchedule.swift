import Foundation

/// One year's published holiday schedule, in the plain text format of `Resources/calendar/*.txt`:
/// `year 2026`, then `holiday 2026-02-15..2026-02-23 春节` and `workday 2026-02-14 春节调休` lines.
public struct HolidaySchedule: Sendable, Equatable {
    public let year: Int
    public let entries: [HolidayEntry]
    public let source: String

    public struct ParseError: UserFacingError, Equatable {
        public let line: Int
        public let reason: String
        public var userMessage: String { "节假日文件第 \(line) 行：\(reason)" }
    }

    public init(parsing text: String, source: String = "") throws {
        var year: Int?
        var entries: [HolidayEntry] = []
        var seen: Set<Day> = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            func fail(_ reason: String) -> ParseError { ParseError(line: lineNumber, reason: reason) }
            if fields[0] == "year" {
                guard fields.count == 2, let value = Int(fields[1]), (1949...9999).contains(value) else {
                    throw fail("年份应写作 year 2027")
                }
                guard year == nil else { throw fail("一个文件只能写一个年份") }
                year = value
                continue
            }
            guard let declared = year else { throw fail("第一条记录前须先写 year 年份") }
            guard let kind = WorkingCalendar.Kind(rawValue: String(fields[0])) else {
                throw fail("应以 holiday（放假）或 workday（调休上班）开头")
            }
            guard fields.count >= 3 else { throw fail("缺少日期或名称") }
            let span = fields[1].components(separatedBy: "..")
            guard span.count <= 2, let first = Day(iso: span[0]), let last = Day(iso: span.last!) else {
                throw fail("日期应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD")
            }
            guard first <= last, first.days(until: last) < 31 else { throw fail("日期区间不合理") }
            guard first.year == declared, last.year == declared else { throw fail("日期不在 \(declared) 年内") }
            if kind == .workday && first != last { throw fail("调休上班日应逐日写出") }
            let name = fields[2...].joined(separator: " ")
            var day = first
            while day <= last {
                guard seen.insert(day).inserted else { throw fail("\(day.iso) 重复出现") }
                if kind == .workday && !day.isWeekend { throw fail("\(day.iso) 本是工作日，不必调休") }
                entries.append(HolidayEntry(day: day, kind: kind, name: name))
                day = day.adding(days: 1)
            }
        }
        guard let year else { throw ParseError(line: 1, reason: "文件中没有 year 年份") }
        self.year = year
        self.entries = entries
        self.source = source
    }

    /// The schedules that ship with the program, one file per year.
    public static func shipped() throws -> [HolidaySchedule] {
        let directory = ShippedResources.directory.appendingPathComponent("calendar")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return try HolidaySchedule(parsing: text, source: name)
        }
    }

    /// Adds the shipped years the file lacks, in one transaction; a year already there (perhaps imported
    /// by an admin with corrections) is left as it is.
    static func addMissingShippedYears(to database: Database) throws {
        let known = Set(try database.fetchAll("SELECT year FROM calendar_years") { $0.int(0) })
        let missing = try shipped().filter { !known.contains($0.year) }
        guard !missing.isEmpty else { return }
        try database.write { for schedule in missing { try schedule.save(into: database) } }
    }

    /// Replaces this year's entries in the database, all or nothing.
    public func save(into database: Database) throws {
        let (first, last) = Day.yearBounds(year)
        try database.write {
            try database.execute("DELETE FROM holidays WHERE day BETWEEN ? AND ?", [first, last])
            for entry in entries {
                try database.execute("INSERT INTO holidays(day, kind, name) VALUES (?, ?, ?)",
                                     [entry.day, entry.kind.rawValue, entry.name])
            }
            try database.execute("INSERT OR REPLACE INTO calendar_years(year, source) VALUES (?, ?)", [year, source])
        }
    }
}

extension WorkingCalendar {
    /// The calendar as the database holds it (shipped years plus any an admin added).
    public static func load(from database: Database) throws -> WorkingCalendar {
        let entries = try database.fetchAll("SELECT day, kind, name FROM holidays") { row in
            HolidayEntry(day: try row.day(0), kind: try row.value(1), name: row.string(2))
        }
        let years = try database.fetchAll("SELECT year FROM calendar_years") { $0.int(0) }
        return WorkingCalendar(entries: entries, knownYears: Set(years))
    }
}

extension WorkingCalendar.Kind: SQLBindable {}
