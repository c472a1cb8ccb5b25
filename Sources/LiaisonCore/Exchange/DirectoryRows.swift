/// The lists as the administration screen shows and edits them: each row as the cells of its sheet
/// (plus a category's position), so a form checks and saves exactly as an import does.
public struct DirectoryRow: Equatable, Sendable {
    public let id: Int64
    /// Keyed by field (`name`, `level`, `phone` …), written as a sheet writes them (级别 区).
    public let cells: [String: String]
    public let active: Bool
    /// The name's pinyin initials, for a filter.
    public let initials: String

    public var name: String { cells["name"] ?? "" }
}

extension DirectoryList {
    var rowType: any SheetRow.Type {
        switch self {
        case .deputies: DeputyDraft.self
        case .legalOfficers: LegalOfficerDraft.self
        case .departments: DepartmentDraft.self
        case .categories: CategoryDraft.self
        }
    }

    /// The list's columns, in the order its sheet has them.
    public var columns: [SheetColumn] { rowType.columns }
}

extension LiaisonStore {
    /// How many rows of each list are in use.
    public func activeCounts() throws -> [DirectoryList: Int] {
        let counts = try database.fetchOne("""
            SELECT (SELECT count(*) FROM deputies WHERE station_id = ?1 AND active = 1),
                   (SELECT count(*) FROM legal_officers WHERE station_id = ?1 AND active = 1),
                   (SELECT count(*) FROM departments WHERE active = 1), (SELECT count(*) FROM categories WHERE active = 1)
            """, [station.id]) { [$0.int(0), $0.int(1), $0.int(2), $0.int(3)] } ?? [0, 0, 0, 0]
        return Dictionary(uniqueKeysWithValues: zip(DirectoryList.allCases, counts))
    }

    /// The list's rows (`selection` of them), active ones first, in the order the desk lists them.
    public func rows(of list: DirectoryList, _ selection: RecordSelection = .all) throws -> [DirectoryRow] {
        try rows(list.rowType, selection)
    }

    private func rows<Row: SheetRow>(_ type: Row.Type, _ selection: RecordSelection) throws -> [DirectoryRow] {
        let context = try sheetContext()
        return try Row.records(in: self, selection).map {
            DirectoryRow(id: $0.id, cells: $0.draft.cells(context: context), active: $0.active,
                         initials: $0.initials ?? Pinyin.initials($0.draft.name))
        }
    }

    /// Creates (id nil) or updates a row from cells as a form gives them, over the stored row for what
    /// the cells leave out; a refused value names its field. `expected` is the row as the form opened
    /// on it: when another terminal changed it since, the save is refused rather than undo that change.
    /// Returns the row's id.
    @discardableResult
    public func saveRow(_ list: DirectoryList, id: Int64?, cells: [String: String], expected: DirectoryRow? = nil,
                        session: Session) throws -> Int64 {
        try saveRow(list.rowType, id: id, cells: cells, expected: expected, session: session)
    }

    private func saveRow<Row: SheetRow>(_ type: Row.Type, id: Int64?, cells: [String: String], expected: DirectoryRow?,
                                        session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        return try database.write {
            let context = try sheetContext()
            let stored = try id.map { id in
                guard let record = try Row.records(in: self, .one(id)).first else { throw DomainError.notFound("这一条\(Row.list.label)") }
                if let expected, record.draft.cells(context: context) != expected.cells || record.active != expected.active {
                    throw DomainError.changedOnAnotherTerminal("\(Row.list.label) \(record.draft.name)")
                }
                return record.draft
            }
            let saved = try Row.parse(cells.mapValues(\.trimmingSheetSpace), over: stored, context: context)
                .save(id: id, in: self, session: session, audited: false)
            // The audit says what the edit changed, as stored (级别 乡镇 → 区), as an import's report does.
            guard let now = try Row.records(in: self, .one(saved)).first?.draft else { throw DomainError.notFound("这一条\(Row.list.label)") }
            let changes = stored.map { changedCells(from: $0.cells(context: context), to: now.cells(context: context), Row.columns) } ?? []
            try noteSaved(Row.list, id: id, name: now.name, audited: true, detail: changes.joined(separator: "，"), session: session)
            return saved
        }
    }

    /// What a field may be, written as the list writes it, for a form's choice: levels, genders,
    /// roles, kinds, the departments by name; nil for a field typed freely.
    public func choices(for field: String, in list: DirectoryList) throws -> [String]? {
        switch (list, field) {
        case (.deputies, "level"): DeputyLevel.allCases.map(\.label)
        case (.deputies, "gender"): [Gender.male, .female].map(\.label)
        case (.legalOfficers, "role"): LegalOfficerRole.allCases.map(\.label)
        case (.departments, "kind"): DepartmentKind.allCases.map(\.label)
        case (.categories, "department"): try departmentRecords().filter(\.active).map(\.draft.name)
        default: nil
        }
    }
}
