import Foundation

/// What an import did, or would do (`dryRun`): rows added, rows changed with what changed, rows the
/// file has as they are stored, and stored rows the file does not name (left as they are).
public struct ImportReport: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        /// The line of the file the row starts on.
        public let line: Int
        public let name: String
        /// What changed, as 级别 区 → 市; empty for a row added.
        public let changes: [String]
    }

    public let list: DirectoryList
    public let encoding: SheetText.Encoding
    public let added: [Line]
    public let changed: [Line]
    /// Rows added though a row of the same name is stored (a deputy whose phone changed, or another
    /// person of that name): `changes` holds the stored one's phone.
    public let sameName: [Line]
    public let unchanged: Int
    /// Active stored rows the file does not name: an import never deactivates.
    public let notInFile: Int
    /// Headers the import did not know, ignored.
    public let ignoredColumns: [String]
    public let dryRun: Bool

    /// 新增 280 位，修改 3 位，未变 17 位.
    public var summary: String {
        let measure = list.measure
        return "新增 \(added.count) \(measure)，修改 \(changed.count) \(measure)，未变 \(unchanged) \(measure)"
    }
}

/// Why an import was refused: the line and column of the first bad cell and what is wrong with it.
public struct ImportProblem: UserFacingError, Equatable {
    public let line: Int?
    public let column: String?
    public let reason: String

    public var userMessage: String {
        switch (line, column) {
        case let (line?, column?): "第 \(line) 行「\(column)」：\(reason)"
        case let (line?, nil): "第 \(line) 行：\(reason)"
        default: reason
        }
    }
}

/// A sheet's rows as cells keyed by field, read by its header: columns in any order, other names for
/// them (手机 for 联系电话), columns nothing reads named and ignored. A header without a required
/// column, or a row with more or fewer cells than the header, refuses the sheet.
struct SheetRows<Row: SheetRow> {
    let rows: [(line: Int, cells: [String: String])]
    let ignoredColumns: [String]
    /// Each field's column as the file heads it (手机 where the sheet says 手机): what a refusal names.
    let headers: [String: String]

    /// Rows above the header that a sheet may carry (a title such as 和平里街道人大代表名单, a date line),
    /// looked through for the header's name column.
    static var titleRows: Int { 5 }

    init(_ records: [CSV.Record]) throws {
        guard !records.isEmpty else { throw SheetText.Problem.empty }
        // The header is the first row naming the list's first column; rows above it are the sheet's title.
        let names = Row.columns[0]
        let start = records.prefix(SheetRows.titleRows + 1).firstIndex { $0.fields.contains { names.matches($0.trimmingSheetSpace) } }
        let records = records[(start ?? 0)...]
        let header = records[records.startIndex]
        if header.fields.count == 1, let separator = ["\t", ";", "；"].first(where: { header.fields[0].contains($0) }) {
            let name = separator == "\t" ? "制表符" : "分号"
            throw ImportProblem(line: header.line, column: nil, reason: "各列用\(name)分隔，不是逗号分隔的 CSV：请另存为 CSV（逗号分隔）")
        }
        // Each field's column: where a sheet has two names for one field (手机 and 电话), the one the
        // column lists first is read and the other named as left out; the same name twice is ambiguous.
        var chosen: [String: (index: Int, title: String, rank: Int)] = [:]
        var ignored: [String] = []
        for (index, text) in header.fields.enumerated() {
            let title = text.trimmingSheetSpace
            guard !title.isEmpty else { continue }
            guard let column = Row.columns.first(where: { $0.matches(title) }), let rank = column.rank(of: title) else {
                ignored.append(title)
                continue
            }
            guard let other = chosen[column.field] else {
                chosen[column.field] = (index, title, rank)
                continue
            }
            guard rank != other.rank else { throw ImportProblem(line: header.line, column: nil, reason: "表头有两列「\(title)」") }
            if rank < other.rank {
                chosen[column.field] = (index, title, rank)
                ignored.append("\(other.title)（用了「\(title)」）")
            } else {
                ignored.append("\(title)（用了「\(other.title)」）")
            }
        }
        let fields = Dictionary(uniqueKeysWithValues: chosen.map { ($0.value.index, $0.key) })
        let expected = Row.columns.map(\.header).joined(separator: ",")
        for column in Row.columns where column.required && !fields.values.contains(column.field) {
            throw ImportProblem(line: header.line, column: nil, reason: "表头缺少「\(column.header)」（第一行应是表头，如 \(expected)）")
        }
        guard records.count > 1 else { throw ImportProblem(line: nil, column: nil, reason: "只有表头，没有要导入的行") }
        rows = try records.dropFirst().map { record in
            let width = header.fields.count
            // Cells past the header's last column are allowed only when empty (a sheet's formatted blanks).
            guard record.fields.count == width
                    || (record.fields.count > width && record.fields[width...].allSatisfy(\.trimmingSheetSpace.isEmpty)) else {
                throw ImportProblem(line: record.line, column: nil,
                                    reason: "有 \(record.fields.count) 列，表头有 \(width) 列（单元格里的逗号要用引号括起来）")
            }
            var cells: [String: String] = [:]
            for (index, field) in fields where index < record.fields.count {
                cells[field] = ExcelText.unwrap(record.fields[index].trimmingSheetSpace)
            }
            return (record.line, cells)
        }
        ignoredColumns = ignored
        headers = chosen.mapValues(\.title)
    }
}

/// One row an import adds (no id) or changes.
private struct PlannedRow<Row: SheetRow> {
    let line: Int
    let id: Int64?
    let row: Row
    let changes: [String]
    let reactivate: Bool
}

extension LiaisonStore {
    /// Imports a list from a sheet's bytes, all or nothing: the first bad row refuses the whole file and
    /// nothing is written. Rows are matched to stored ones by name (and phone, for people); changed
    /// fields are updated, a deactivated row named again is brought back, and importing the same file
    /// again changes nothing. A dry run reports the same and writes nothing.
    public func importSheet(_ list: DirectoryList, bytes: [UInt8], fileName: String, dryRun: Bool = false,
                            session: Session) throws -> ImportReport {
        try session.require(.manageDirectory)
        let sheet = try SheetText(decoding: bytes)
        return try importRows(list.rowType, CSV.parse(sheet.text), sheet.encoding, fileName, dryRun, session)
    }

    /// The list as a sheet (UTF-8 with a byte-order mark, so Excel opens it in Chinese), in the
    /// columns an import reads: the active rows, in the order the desk lists them. `write` takes the
    /// bytes with nothing locked (a file written beside its place, or stdout, however slowly it is
    /// read); `publish` runs in the transaction that writes the audit row and must be quick (putting
    /// the file under its name), so the log holds an export exactly when there was one. Returns the
    /// rows written.
    @discardableResult
    public func exportSheet(_ list: DirectoryList, fileName: String, session: Session, write: ([UInt8]) throws -> Void,
                            publish: () throws -> Void = {}) throws -> Int {
        try session.require(.manageDirectory)
        let (text, count) = try exportRows(list.rowType)
        try write(SheetText.byteOrderMark + Array(text.utf8))
        try database.write {
            try publish()
            try audit("export.\(list.rawValue)", subject: fileName, detail: "\(count) \(list.measure)\(list.label)", session: session)
        }
        return count
    }

    func sheetContext() throws -> SheetContext {
        let departments = try departmentRecords()
        return SheetContext(areaCode: areaCode,
                            departmentIDs: Dictionary(departments.map { ($0.draft.name, $0.id) }, uniquingKeysWith: { first, _ in first }),
                            departmentNames: Dictionary(uniqueKeysWithValues: departments.map { ($0.id, $0.draft.name) }))
    }

    private func exportRows<Row: SheetRow>(_ type: Row.Type) throws -> (String, Int) {
        let context = try sheetContext()
        let rows = try Row.records(in: self, .all).filter(\.active).map { record in
            let cells = record.draft.cells(context: context)
            return Row.columns.map { ExcelText.protect(cells[$0.field] ?? "") }
        }
        return (CSV.write([Row.columns.map(\.header)] + rows), rows.count)
    }

    private func importRows<Row: SheetRow>(_ type: Row.Type, _ records: [CSV.Record], _ encoding: SheetText.Encoding,
                                           _ fileName: String, _ dryRun: Bool, _ session: Session) throws -> ImportReport {
        let sheet = try SheetRows<Row>(records)
        // A refusal names the column as the file heads it; a field the file lacks, by its own header.
        let headers = Dictionary(uniqueKeysWithValues: Row.columns.map { ($0.field, sheet.headers[$0.field] ?? $0.header) })
        let context = try sheetContext()
        let stored = try Row.records(in: self, .all)
        let byKey = Dictionary(stored.map { ($0.draft.matchKey, $0) }, uniquingKeysWith: { first, _ in first })

        var plan: [PlannedRow<Row>] = []
        var unchanged = 0
        var seen: [String: Int] = [:]
        for (line, cells) in sheet.rows {
            do {
                let fresh = try Row.parse(cells, over: nil, context: context)
                if let earlier = seen[fresh.matchKey] {
                    throw ImportProblem(line: line, column: nil,
                                        reason: "与第 \(earlier) 行重复（\(Row.sameKeyMeans)：\(fresh.name)）")
                }
                seen[fresh.matchKey] = line
                guard let existing = byKey[fresh.matchKey] else {
                    plan.append(PlannedRow(line: line, id: nil, row: fresh, changes: [], reactivate: false))
                    continue
                }
                let row = try Row.parse(cells, over: existing.draft, context: context)
                var changes = changedCells(from: existing.draft.cells(context: context), to: row.cells(context: context), Row.columns)
                if !existing.active { changes.append("恢复在用") }
                if changes.isEmpty {
                    unchanged += 1
                } else {
                    plan.append(PlannedRow(line: line, id: existing.id, row: row, changes: changes, reactivate: !existing.active))
                }
            } catch let error as InvalidField {
                throw ImportProblem(line: line, column: headers[error.field], reason: error.message)
            }
        }
        let named = Set(seen.keys)
        let report = ImportReport(
            list: Row.list, encoding: encoding,
            added: plan.filter { $0.id == nil }.map { ImportReport.Line(line: $0.line, name: $0.row.name, changes: []) },
            changed: plan.filter { $0.id != nil }.map { ImportReport.Line(line: $0.line, name: $0.row.name, changes: $0.changes) },
            sameName: plan.filter { $0.id == nil }.compactMap { step in
                let namesakes = stored.filter { $0.active && $0.draft.name == step.row.name }
                guard !namesakes.isEmpty else { return nil }
                let phones = namesakes.map { $0.draft.cells(context: context)["phone"].flatMap { $0.isEmpty ? nil : $0 } ?? "无电话" }
                return ImportReport.Line(line: step.line, name: step.row.name, changes: phones)
            },
            unchanged: unchanged, notInFile: stored.filter { $0.active && !named.contains($0.draft.matchKey) }.count,
            ignoredColumns: sheet.ignoredColumns, dryRun: dryRun)
        guard !dryRun else { return report }
        try database.write {
            for step in plan {
                do {
                    try step.row.save(id: step.id, in: self, session: session, audited: false)
                    if step.reactivate, let id = step.id { try setActive(Row.list, id: id, true, session: session, audited: false) }
                } catch let error as InvalidField {
                    throw ImportProblem(line: step.line, column: headers[error.field], reason: error.message)
                } catch let error as UserFacingError {
                    throw ImportProblem(line: step.line, column: nil, reason: error.userMessage)
                }
            }
            try audit("import.\(Row.list.rawValue)", subject: fileName, detail: "\(report.summary)；编码 \(encoding.rawValue)", session: session)
        }
        return report
    }

    /// 级别 区 → 市, for each column whose value differs; a long value shows its start.
    func changedCells(from old: [String: String], to new: [String: String], _ columns: [SheetColumn]) -> [String] {
        let shown = { (value: String) in value.isEmpty ? "（空）" : value.count > 15 ? value.prefix(14) + "…" : value }
        return columns.compactMap { column in
            let before = old[column.field] ?? "", after = new[column.field] ?? ""
            guard before != after else { return nil }
            return "\(column.header) \(shown(before)) → \(shown(after))"
        }
    }
}
