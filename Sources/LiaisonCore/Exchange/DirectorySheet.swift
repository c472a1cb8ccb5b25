import Foundation

/// A column of a list's sheet: the header an export writes and the other headers an import accepts
/// (rosters say 手机 or 电话 for 联系电话). `field` is the draft's property name, which a refused value
/// names, so the import can say which column it came from.
public struct SheetColumn: Sendable {
    public let field: String
    public let header: String
    let aliases: [String]
    /// The import refuses a header without it; a form marks it required.
    public let required: Bool

    init(_ field: String, _ header: String, aliases: [String] = [], required: Bool = false) {
        self.field = field
        self.header = header
        self.aliases = aliases
        self.required = required
    }

    /// Headers compared without spaces, a required mark or the width of their brackets.
    static func normalized(_ header: String) -> String {
        String(header.unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "（": return "("
            case "）": return ")"
            case "*", "＊": return nil
            default: return scalar.properties.isWhitespace ? nil : Character(scalar)
            }
        })
    }

    func matches(_ header: String) -> Bool { rank(of: header) != nil }

    /// 0 for the column's own header, then its other names in order of preference; nil for another.
    func rank(of header: String) -> Int? {
        let normalized = SheetColumn.normalized(header)
        return ([self.header] + aliases).firstIndex { SheetColumn.normalized($0) == normalized }
    }
}

/// What turning cells into drafts needs from the store: the area code for local numbers and the
/// departments by name (a category's default department).
struct SheetContext {
    let areaCode: String?
    let departmentIDs: [String: Int64]
    let departmentNames: [Int64: String]
}

/// A list's drafts as rows of a sheet: read from cells (over the stored draft, for the columns a sheet
/// lacks), written to cells, and matched to stored rows by a key.
protocol SheetRow: Equatable, Sendable {
    static var list: DirectoryList { get }
    static var columns: [SheetColumn] { get }
    /// Why two rows with the same key are one: 同名同电话.
    static var sameKeyMeans: String { get }
    /// The draft the cells give (keyed by field), over `base` for the columns the sheet does not have.
    static func parse(_ cells: [String: String], over base: Self?, context: SheetContext) throws -> Self
    func cells(context: SheetContext) -> [String: String]
    /// Two rows are the same record when their keys agree.
    var matchKey: String { get }
    /// What a line of the import's report calls the row (张三, 区住建委).
    var name: String { get }
    static func records(in store: LiaisonStore, _ selection: RecordSelection) throws -> [DirectoryRecord<Self>]
    /// Creates (id nil) or updates the row, with every check a form gets; returns its id. `audited`
    /// writes its own audit row (an import writes one for the file instead).
    @discardableResult
    func save(id: Int64?, in store: LiaisonStore, session: Session, audited: Bool) throws -> Int64
}

extension SheetRow {
    /// The cell of `field`, or what `base` has when the sheet has no such column.
    static func cell(_ cells: [String: String], _ field: String, else stored: @autoclosure () -> String) -> String {
        cells[field] ?? stored()
    }
}

extension DeputyDraft: SheetRow {
    static let list = DirectoryList.deputies
    static let columns = [
        SheetColumn("name", "姓名", aliases: ["代表姓名"], required: true),
        SheetColumn("gender", "性别"),
        SheetColumn("level", "级别", aliases: ["代表级别", "层级"], required: true),
        SheetColumn("sector", "界别"),
        SheetColumn("constituency", "选区", aliases: ["选举单位", "原选区"]),
        SheetColumn("group", "代表小组", aliases: ["小组", "所在小组", "所在代表小组"]),
        SheetColumn("phone", "联系电话", aliases: ["手机", "手机号", "手机号码", "电话", "联系方式"]),
        SheetColumn("workplace", "工作单位", aliases: ["单位", "工作单位及职务", "单位及职务"]),
    ]
    static let sameKeyMeans = "同名同电话"

    static func parse(_ cells: [String: String], over base: DeputyDraft?, context: SheetContext) throws -> DeputyDraft {
        let levelText = cell(cells, "level", else: base?.level.label ?? "")
        guard !levelText.isEmpty else { throw InvalidField("level", "必填（\(DeputyLevel.writtenChoices)）") }
        guard let level = DeputyLevel(written: levelText) else {
            throw InvalidField("level", "不认识的级别「\(levelText)」（应为 \(DeputyLevel.writtenChoices)）")
        }
        let genderText = cell(cells, "gender", else: base?.gender.label ?? "")
        guard let gender = Gender(written: genderText) else { throw InvalidField("gender", "不认识的性别「\(genderText)」（应为 男 或 女）") }
        return try DeputyDraft(
            name: cell(cells, "name", else: base?.name ?? ""), level: level, gender: gender,
            sector: cell(cells, "sector", else: base?.sector ?? ""),
            constituency: cell(cells, "constituency", else: base?.constituency ?? ""),
            group: cell(cells, "group", else: base?.group ?? ""), phone: cell(cells, "phone", else: base?.phone ?? ""),
            workplace: cell(cells, "workplace", else: base?.workplace ?? "")
        ).validated(areaCode: context.areaCode)
    }

    func cells(context: SheetContext) -> [String: String] {
        ["name": name, "gender": gender.label, "level": level.label, "sector": sector, "constituency": constituency,
         "group": group, "phone": phone, "workplace": workplace]
    }

    var matchKey: String { name + "\u{1F}" + phone }

    static func records(in store: LiaisonStore, _ selection: RecordSelection) throws -> [DirectoryRecord<DeputyDraft>] {
        try store.deputyRecords(selection)
    }

    func save(id: Int64?, in store: LiaisonStore, session: Session, audited: Bool) throws -> Int64 {
        try store.saveDeputy(id: id, self, session: session, audited: audited)
    }
}

extension LegalOfficerDraft: SheetRow {
    static let list = DirectoryList.legalOfficers
    static let columns = [
        SheetColumn("name", "姓名", required: true),
        SheetColumn("role", "身份", aliases: ["类别", "类型", "职业"], required: true),
        SheetColumn("organization", "单位", aliases: ["工作单位", "所在单位"]),
        SheetColumn("phone", "电话", aliases: ["联系电话", "手机", "手机号", "联系方式"]),
    ]
    static let sameKeyMeans = "同名同电话"

    static func parse(_ cells: [String: String], over base: LegalOfficerDraft?, context: SheetContext) throws -> LegalOfficerDraft {
        let roleText = cell(cells, "role", else: base?.role.label ?? "")
        guard !roleText.isEmpty else { throw InvalidField("role", "必填（\(LegalOfficerRole.writtenChoices)）") }
        guard let role = LegalOfficerRole(written: roleText) else {
            throw InvalidField("role", "不认识的身份「\(roleText)」（应为 \(LegalOfficerRole.writtenChoices)）")
        }
        return try LegalOfficerDraft(name: cell(cells, "name", else: base?.name ?? ""), role: role,
                                     organization: cell(cells, "organization", else: base?.organization ?? ""),
                                     phone: cell(cells, "phone", else: base?.phone ?? "")).validated(areaCode: context.areaCode)
    }

    func cells(context: SheetContext) -> [String: String] {
        ["name": name, "role": role.label, "organization": organization, "phone": phone]
    }

    var matchKey: String { name + "\u{1F}" + phone }

    static func records(in store: LiaisonStore, _ selection: RecordSelection) throws -> [DirectoryRecord<LegalOfficerDraft>] {
        try store.legalOfficerRecords(selection)
    }

    func save(id: Int64?, in store: LiaisonStore, session: Session, audited: Bool) throws -> Int64 {
        try store.saveLegalOfficer(id: id, self, session: session, audited: audited)
    }
}

extension DepartmentDraft: SheetRow {
    static let list = DirectoryList.departments
    static let columns = [
        SheetColumn("name", "名称", aliases: ["单位名称", "承办单位", "部门名称", "部门"], required: true),
        SheetColumn("kind", "类型", aliases: ["类别", "单位类型"]),
        SheetColumn("contact", "联系人"),
        SheetColumn("phone", "电话", aliases: ["联系电话", "手机", "联系方式"]),
    ]
    static let sameKeyMeans = "同名"

    static func parse(_ cells: [String: String], over base: DepartmentDraft?, context: SheetContext) throws -> DepartmentDraft {
        let name = cell(cells, "name", else: base?.name ?? "")
        let kindText = cell(cells, "kind", else: base?.kind.label ?? "")
        // A blank type is what the name shows (区住建委 is a government department).
        guard let kind = kindText.isEmpty ? DepartmentKind.guess(fromName: name) : DepartmentKind(written: kindText) else {
            throw InvalidField("kind", "不认识的类型「\(kindText)」（应为 \(DepartmentKind.writtenChoices)，或空着按名称判断）")
        }
        return try DepartmentDraft(name: name, kind: kind, contact: cell(cells, "contact", else: base?.contact ?? ""),
                                   phone: cell(cells, "phone", else: base?.phone ?? "")).validated(areaCode: context.areaCode)
    }

    func cells(context: SheetContext) -> [String: String] {
        ["name": name, "kind": kind.label, "contact": contact, "phone": phone]
    }

    var matchKey: String { name }

    static func records(in store: LiaisonStore, _ selection: RecordSelection) throws -> [DirectoryRecord<DepartmentDraft>] {
        try store.departmentRecords(selection)
    }

    func save(id: Int64?, in store: LiaisonStore, session: Session, audited: Bool) throws -> Int64 {
        try store.saveDepartment(id: id, self, session: session, audited: audited)
    }
}

extension CategoryDraft: SheetRow {
    static let list = DirectoryList.categories
    static let columns = [
        SheetColumn("name", "名称", aliases: ["类别", "类别名称", "问题类别"], required: true),
        SheetColumn("department", "默认承办单位", aliases: ["承办单位"]),
        SheetColumn("days", "办理时限（工作日）", aliases: ["办理时限", "时限", "工作日", "办理时限（天）"]),
    ]
    static let sameKeyMeans = "同名"

    static func parse(_ cells: [String: String], over base: CategoryDraft?, context: SheetContext) throws -> CategoryDraft {
        var departmentID = base?.defaultDepartmentID
        if let department = cells["department"] {
            if department.isEmpty {
                departmentID = nil
            } else {
                guard let id = context.departmentIDs[department] else {
                    throw InvalidField("department", "没有承办单位「\(department)」（先导入或添加这个承办单位）")
                }
                departmentID = id
            }
        }
        var days = base?.dueWorkingDays ?? 10
        if let text = cells["days"], !text.isEmpty {
            guard let number = CategoryDraft.workingDays(text) else { throw InvalidField("days", "「\(text)」不是工作日天数（应为整数，如 10）") }
            days = number
        }
        // Where it comes in the lists: only the administration form has this cell, a sheet never does.
        var position = base?.position
        if let text = cells["position"], !text.isEmpty {
            guard let number = Int(text.halfWidthDigits) else { throw InvalidField("position", "应为整数") }
            position = number
        }
        return try CategoryDraft(name: cell(cells, "name", else: base?.name ?? ""), defaultDepartmentID: departmentID,
                                 dueWorkingDays: days, position: position).validated()
    }

    /// 10, １０, 10天, 10个工作日.
    static func workingDays(_ text: String) -> Int? {
        var word = text.halfWidthDigits
        if let suffix = ["个工作日", "工作日", "天"].first(where: { word.hasSuffix($0) }) { word.removeLast(suffix.count) }
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(word)
    }

    func cells(context: SheetContext) -> [String: String] {
        ["name": name, "department": defaultDepartmentID.flatMap { context.departmentNames[$0] } ?? "", "days": String(dueWorkingDays),
         "position": position.map(String.init) ?? ""]
    }

    var matchKey: String { name }

    static func records(in store: LiaisonStore, _ selection: RecordSelection) throws -> [DirectoryRecord<CategoryDraft>] {
        try store.categoryRecords(selection)
    }

    func save(id: Int64?, in store: LiaisonStore, session: Session, audited: Bool) throws -> Int64 {
        try store.saveCategory(id: id, self, session: session, audited: audited)
    }
}
