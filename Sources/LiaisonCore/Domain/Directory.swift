import Foundation

/// The lists an administrator keeps for the station (名录): typed in on the administration screen or
/// imported from the sheets stations already keep. Nothing in them is deleted: a deputy at the end of
/// a term, a department merged away, a category no longer used is deactivated, so history stays.
public enum DirectoryList: String, CaseIterable, Sendable {
    case deputies
    case legalOfficers = "legal-officers"
    case departments
    case categories

    public var label: String {
        switch self {
        case .deputies: "代表"
        case .legalOfficers: "三官一员"
        case .departments: "承办单位"
        case .categories: "问题类别"
        }
    }

    /// The measure word a count of the list's rows takes (3 位代表, 2 个承办单位).
    public var measure: String {
        switch self {
        case .deputies, .legalOfficers: "位"
        case .departments, .categories: "个"
        }
    }

    /// Deputies and legal officers belong to the station; departments and categories are the district's.
    var belongsToStation: Bool { self == .deputies || self == .legalOfficers }

    /// A row's name and whether it is in use (bind id, and the station where the row belongs to one),
    /// and its activation (bind active, id, and the station likewise).
    var activationSQL: (state: String, update: String) {
        switch self {
        case .deputies:
            ("SELECT name, active FROM deputies WHERE id = ? AND station_id = ?",
             "UPDATE deputies SET active = ? WHERE id = ? AND station_id = ?")
        case .legalOfficers:
            ("SELECT name, active FROM legal_officers WHERE id = ? AND station_id = ?",
             "UPDATE legal_officers SET active = ? WHERE id = ? AND station_id = ?")
        case .departments: ("SELECT name, active FROM departments WHERE id = ?", "UPDATE departments SET active = ? WHERE id = ?")
        case .categories: ("SELECT name, active FROM categories WHERE id = ?", "UPDATE categories SET active = ? WHERE id = ?")
        }
    }
}

/// A value refused, with the field it belongs to, so a form says it beside that field and an import
/// names that column. `field` is the draft's property name.
public struct InvalidField: UserFacingError, Equatable {
    public let field: String
    public let message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var userMessage: String { message }
}

/// A row of one of the lists as stored, active or not.
public struct DirectoryRecord<Draft: Equatable & Sendable>: Equatable, Sendable {
    public let id: Int64
    public let draft: Draft
    public let active: Bool
    /// The name's pinyin initials where they are stored (deputies: a roster has thousands); nil for
    /// the short lists, whose initials are made when a list needs them.
    public let initials: String?
}

/// Which stored rows of a list to read: all, the first screenful, or one.
public struct RecordSelection: Sendable {
    let id: Int64?
    let limit: Int

    public static let all = RecordSelection(id: nil, limit: -1)
    public static func first(_ count: Int) -> RecordSelection { RecordSelection(id: nil, limit: count) }
    public static func one(_ id: Int64) -> RecordSelection { RecordSelection(id: id, limit: 1) }

    /// Binds `(?1 IS NULL OR id = ?1)` and `LIMIT ?2`.
    var arguments: [SQLBindable?] { [id, limit] }
}

/// The first lines of a long list and how many it has in all: a district's screens show a screenful at
/// once and the rest when no key waits.
public struct ListPart<Line: Sendable>: Sendable {
    public let lines: [Line]
    public let total: Int
}

/// The checks every list's text fields share. Every field here is one line: a line break or tab a
/// sheet's cell carried (Alt-Enter in Excel) becomes a space.
enum DraftCheck {
    /// Trimmed and required, at most `limit` characters.
    static func name(_ text: String, limit: Int) throws -> String {
        let line = try self.text(text, field: "name", limit: limit)
        guard !line.isEmpty else { throw InvalidField("name", "必填") }
        return line
    }

    /// A person's name, without the spaces rosters pad two-character names with (王　五 is 王五): the
    /// same person must not come in twice by a space.
    static func personName(_ text: String, limit: Int = 20) throws -> String {
        let spaced = text.unicodeScalars.contains { $0.properties.isWhitespace }
        return try name(spaced ? String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace })) : text,
                        limit: limit)
    }

    private static let lineBreaks = Set("\r\n\t\u{2028}\u{2029}".unicodeScalars)

    static func text(_ text: String, field: String, limit: Int = 60) throws -> String {
        // Most cells have no break: they are not rebuilt (an import reads tens of thousands).
        let broken = text.unicodeScalars.contains { lineBreaks.contains($0) }
        let line = (broken ? String(String.UnicodeScalarView(text.unicodeScalars.map { lineBreaks.contains($0) ? " " : $0 })) : text)
            .trimmingSheetSpace
        guard line.count <= limit else { throw InvalidField(field, "太长（最多 \(limit) 个字）") }
        return line
    }

    /// A phone in its stored form, or empty when none is given. An office's (`office`: a department)
    /// may also be a service number (12345, 95598, 400-810-8888) or carry an extension (转801).
    static func phone(_ text: String, areaCode: String?, office: Bool = false) throws -> String {
        let trimmed = text.trimmingSheetSpace
        guard !trimmed.isEmpty else { return "" }
        switch PhoneNumber.normalize(trimmed, areaCode: areaCode) {
        case .success(let phone): return phone
        case .failure(let problem):
            if office, let phone = PhoneNumber.office(trimmed, areaCode: areaCode) { return phone }
            throw InvalidField("phone", "电话号码不对：" + problem.message)
        }
    }

    /// A whole number in `range`.
    static func number(_ value: Int, field: String, in range: ClosedRange<Int>, unit: String) throws -> Int {
        guard range.contains(value) else { throw InvalidField(field, "应为 \(range.lowerBound) 到 \(range.upperBound) \(unit)") }
        return value
    }
}

public struct DeputyDraft: Equatable, Sendable {
    public var name: String
    public var level: DeputyLevel
    public var gender: Gender
    public var sector: String
    public var constituency: String
    public var group: String
    public var phone: String
    public var workplace: String

    public init(name: String, level: DeputyLevel, gender: Gender = .unknown, sector: String = "",
                constituency: String = "", group: String = "", phone: String = "", workplace: String = "") {
        self.name = name
        self.level = level
        self.gender = gender
        self.sector = sector
        self.constituency = constituency
        self.group = group
        self.phone = phone
        self.workplace = workplace
    }

    /// Trimmed, the phone in its stored form; a value refused names its field.
    func validated(areaCode: String?) throws -> DeputyDraft {
        var draft = self
        draft.name = try DraftCheck.personName(name)
        draft.sector = try DraftCheck.text(sector, field: "sector")
        draft.constituency = try DraftCheck.text(constituency, field: "constituency")
        draft.group = try DraftCheck.text(group, field: "group")
        draft.phone = try DraftCheck.phone(phone, areaCode: areaCode)
        draft.workplace = try DraftCheck.text(workplace, field: "workplace", limit: 100)
        return draft
    }
}

public struct LegalOfficerDraft: Equatable, Sendable {
    public var name: String
    public var role: LegalOfficerRole
    public var organization: String
    public var phone: String

    public init(name: String, role: LegalOfficerRole, organization: String = "", phone: String = "") {
        self.name = name
        self.role = role
        self.organization = organization
        self.phone = phone
    }

    func validated(areaCode: String?) throws -> LegalOfficerDraft {
        var draft = self
        draft.name = try DraftCheck.personName(name)
        draft.organization = try DraftCheck.text(organization, field: "organization", limit: 100)
        draft.phone = try DraftCheck.phone(phone, areaCode: areaCode)
        return draft
    }
}

public struct DepartmentDraft: Equatable, Sendable {
    public var name: String
    public var kind: DepartmentKind
    public var contact: String
    public var phone: String

    public init(name: String, kind: DepartmentKind, contact: String = "", phone: String = "") {
        self.name = name
        self.kind = kind
        self.contact = contact
        self.phone = phone
    }

    func validated(areaCode: String?) throws -> DepartmentDraft {
        var draft = self
        draft.name = try DraftCheck.name(name, limit: 40)
        draft.contact = try DraftCheck.text(contact, field: "contact")
        draft.phone = try DraftCheck.phone(phone, areaCode: areaCode, office: true)
        return draft
    }
}

public struct CategoryDraft: Equatable, Sendable {
    public var name: String
    public var defaultDepartmentID: Int64?
    public var dueWorkingDays: Int
    /// Where it comes in the lists the forms offer; a new one without it goes last (before 其他).
    public var position: Int?

    public init(name: String, defaultDepartmentID: Int64? = nil, dueWorkingDays: Int = 10, position: Int? = nil) {
        self.name = name
        self.defaultDepartmentID = defaultDepartmentID
        self.dueWorkingDays = dueWorkingDays
        self.position = position
    }

    func validated() throws -> CategoryDraft {
        var draft = self
        draft.name = try DraftCheck.name(name, limit: 20)
        draft.dueWorkingDays = try DraftCheck.number(dueWorkingDays, field: "days", in: TimeLimit.workingDays, unit: "个工作日")
        if let position { draft.position = try DraftCheck.number(position, field: "position", in: 1...999, unit: "") }
        return draft
    }
}

/// 其他: the category every station has, for what fits no other. It cannot be renamed or deactivated,
/// and the lists give it last.
public enum CatchAllCategory {
    public static let name = "其他"
    public static let cannotDeactivate = "「其他」类别总要有，不能停用"
}

public struct Deputy: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let level: DeputyLevel
    public let sector: String
    public let constituency: String
    public let group: String
    public let phone: String
    public let active: Bool
    /// Stored at creation: sorting and searching never recompute pinyin.
    public let namePinyin: String
    /// The initials of the name as a surname reads it, and of the common reading when they differ,
    /// separated by a space: a search may use either.
    public let nameInitials: String
}

extension Deputy {
    static let columns = "id, name, level, sector, constituency, station_group, phone, active, name_pinyin, "
        + "trim(name_initials || ' ' || name_initials_alt)"

    /// Keeps the memberwise initialiser, which an initialiser in the type's body would hide.
    init(row: Statement) throws {
        self.init(id: row.int64(0), name: row.string(1), level: try row.value(2), sector: row.string(3), constituency: row.string(4),
                  group: row.string(5), phone: row.string(6), active: row.bool(7), namePinyin: row.string(8), nameInitials: row.string(9))
    }
}

/// The orders the store lists deputies in: official rosters print by surname strokes (姓氏笔画), and by
/// level (全国 → 乡镇) then strokes.
public enum DeputyOrder: Sendable {
    case pinyin, strokes, level

    var sql: String {
        switch self {
        case .pinyin: "name_pinyin"
        case .strokes: "name_strokes, name_pinyin"
        case .level: "\(DeputyLevel.sqlOrder("level")), name_strokes, name_pinyin"
        }
    }
}

extension LiaisonStore {
    // MARK: Deputies

    @discardableResult
    public func createDeputy(_ draft: DeputyDraft, session: Session) throws -> Int64 {
        try saveDeputy(id: nil, draft, session: session, audited: true)
    }

    public func updateDeputy(id: Int64, _ draft: DeputyDraft, session: Session) throws {
        try saveDeputy(id: id, draft, session: session, audited: true)
    }

    /// Same name and phone is the same deputy: a second one is refused beside the name.
    @discardableResult
    func saveDeputy(id: Int64?, _ draft: DeputyDraft, session: Session, audited: Bool) throws -> Int64 {
        try session.require(.manageDirectory)
        let draft = try draft.validated(areaCode: areaCode)
        let reading = Pinyin.name(draft.name)
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM deputies WHERE station_id = ? AND name = ? AND phone = ? AND id IS NOT ?",
                                      [station.id, draft.name, draft.phone, id]) != nil {
                throw InvalidField("name", "已有同名同电话的代表 \(draft.name)" + (draft.phone.isEmpty ? "（都没有电话，请填电话以区分）" : ""))
            }
            let values: [SQLBindable?] = [draft.name, reading.syllables, reading.initials, reading.otherInitials, draft.gender,
                                          draft.level, draft.sector, draft.constituency, draft.group, draft.phone, draft.workplace,
                                          StrokeOrder.shipped.sortText(draft.name)]
            guard let id else {
                try database.execute("""
                    INSERT INTO deputies(name, name_pinyin, name_initials, name_initials_alt, gender, level, sector,
                                         constituency, station_group, phone, workplace, name_strokes, station_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values + [station.id, clock.now()])
                let created = database.lastInsertedRowID
                try noteSaved(.deputies, id: nil, name: draft.name, audited: audited, session: session)
                return created
            }
            try database.execute("""
                UPDATE deputies SET name = ?, name_pinyin = ?, name_initials = ?, name_initials_alt = ?, gender = ?, level = ?,
                                    sector = ?, constituency = ?, station_group = ?, phone = ?, workplace = ?, name_strokes = ?
                WHERE id = ? AND station_id = ?
                """, values + [id, station.id])
            guard database.changes == 1 else { throw DomainError.notFound("这位代表") }
            try noteSaved(.deputies, id: id, name: draft.name, audited: audited, session: session)
            return id
        }
    }

    /// The station's deputies in `order`; `limit` takes only the first ones (a first screenful).
    public func deputies(includeInactive: Bool = false, limit: Int = -1, order: DeputyOrder = .pinyin) throws -> [Deputy] {
        try database.fetchAll("""
            SELECT \(Deputy.columns) FROM deputies WHERE station_id = ? AND (active = 1 OR ?) ORDER BY \(order.sql) LIMIT ?
            """, [station.id, includeInactive, limit], Deputy.init(row:))
    }

    /// The active deputies' ids and levels in stroke order: what a ranking or a check of every deputy needs
    /// before it knows which few it will show.
    public func deputyLevels(deputyID: Int64? = nil) throws -> [(id: Int64, level: DeputyLevel)] {
        try database.fetchAll("""
            SELECT id, level FROM deputies WHERE station_id = ?1 AND active = 1 AND (?2 IS NULL OR id = ?2) ORDER BY \(DeputyOrder.strokes.sql)
            """, [station.id, deputyID]) { ($0.int64(0), try $0.value(1)) }
    }

    /// The deputies of `ids`, by id (all of the station's when `ids` is every active one).
    func deputies(ids: [Int64]) throws -> [Int64: Deputy] {
        // Hundreds are read faster in one pass than looked up one by one.
        let found = ids.count > 500 ? try deputies() : try database.fetchAll("""
            SELECT \(Deputy.columns) FROM deputies WHERE station_id = ? AND id IN (\(Array(repeating: "?", count: ids.count).joined(separator: ",")))
            """, [station.id] + ids.map { $0 as SQLBindable? }, Deputy.init(row:))
        return Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
    }

    /// The deputies as the administration screen edits them, active ones first, in pinyin order.
    public func deputyRecords(_ selection: RecordSelection = .all) throws -> [DirectoryRecord<DeputyDraft>] {
        try database.fetchAll("""
            SELECT id, name, level, gender, sector, constituency, station_group, phone, workplace, active,
                   trim(name_initials || ' ' || name_initials_alt) FROM deputies
            WHERE (?1 IS NULL OR id = ?1) AND station_id = ?3 ORDER BY active DESC, name_pinyin, id LIMIT ?2
            """, selection.arguments + [station.id]) { row in
            DirectoryRecord(id: row.int64(0), draft: DeputyDraft(
                name: row.string(1), level: try row.value(2), gender: try row.value(3), sector: row.string(4),
                constituency: row.string(5), group: row.string(6), phone: row.string(7), workplace: row.string(8)),
                            active: row.bool(9), initials: row.string(10))
        }
    }

    // MARK: Legal officers

    @discardableResult
    public func createLegalOfficer(_ draft: LegalOfficerDraft, session: Session) throws -> Int64 {
        try saveLegalOfficer(id: nil, draft, session: session, audited: true)
    }

    public func updateLegalOfficer(id: Int64, _ draft: LegalOfficerDraft, session: Session) throws {
        try saveLegalOfficer(id: id, draft, session: session, audited: true)
    }

    @discardableResult
    func saveLegalOfficer(id: Int64?, _ draft: LegalOfficerDraft, session: Session, audited: Bool) throws -> Int64 {
        try session.require(.manageDirectory)
        let draft = try draft.validated(areaCode: areaCode)
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM legal_officers WHERE station_id = ? AND name = ? AND phone = ? AND id IS NOT ?",
                                      [station.id, draft.name, draft.phone, id]) != nil {
                throw InvalidField("name", "已有同名同电话的\(draft.role.label) \(draft.name)")
            }
            let values: [SQLBindable?] = [draft.name, draft.role, draft.organization, draft.phone]
            guard let id else {
                try database.execute(
                    "INSERT INTO legal_officers(name, role, organization, phone, station_id) VALUES (?, ?, ?, ?, ?)",
                    values + [station.id])
                let created = database.lastInsertedRowID
                try noteSaved(.legalOfficers, id: nil, name: draft.name, audited: audited, session: session)
                return created
            }
            try database.execute("UPDATE legal_officers SET name = ?, role = ?, organization = ?, phone = ? WHERE id = ? AND station_id = ?",
                                 values + [id, station.id])
            guard database.changes == 1 else { throw DomainError.notFound("这位三官一员") }
            try noteSaved(.legalOfficers, id: id, name: draft.name, audited: audited, session: session)
            return id
        }
    }

    public func legalOfficerRecords(_ selection: RecordSelection = .all) throws -> [DirectoryRecord<LegalOfficerDraft>] {
        try database.fetchAll("""
            SELECT id, name, role, organization, phone, active FROM legal_officers
            WHERE (?1 IS NULL OR id = ?1) AND station_id = ?3 ORDER BY active DESC, \(LegalOfficerRole.sqlOrder("role")), id LIMIT ?2
            """, selection.arguments + [station.id]) { row in
            DirectoryRecord(id: row.int64(0), draft: LegalOfficerDraft(
                name: row.string(1), role: try row.value(2), organization: row.string(3), phone: row.string(4)),
                            active: row.bool(5), initials: nil)
        }
    }

    // MARK: Departments

    @discardableResult
    public func createDepartment(_ draft: DepartmentDraft, session: Session) throws -> Int64 {
        try saveDepartment(id: nil, draft, session: session, audited: true)
    }

    public func updateDepartment(id: Int64, _ draft: DepartmentDraft, session: Session) throws {
        try saveDepartment(id: id, draft, session: session, audited: true)
    }

    @discardableResult
    func saveDepartment(id: Int64?, _ draft: DepartmentDraft, session: Session, audited: Bool) throws -> Int64 {
        try session.require(.manageDirectory)
        let draft = try draft.validated(areaCode: areaCode)
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM departments WHERE name = ? AND id IS NOT ?", [draft.name, id]) != nil {
                throw InvalidField("name", "已有承办单位「\(draft.name)」")
            }
            let values: [SQLBindable?] = [draft.name, draft.kind, draft.contact, draft.phone]
            guard let id else {
                try database.execute("INSERT INTO departments(name, kind, contact, phone) VALUES (?, ?, ?, ?)", values)
                let created = database.lastInsertedRowID
                try noteSaved(.departments, id: nil, name: draft.name, audited: audited, session: session)
                return created
            }
            try database.execute("UPDATE departments SET name = ?, kind = ?, contact = ?, phone = ? WHERE id = ?", values + [id])
            guard database.changes == 1 else { throw DomainError.notFound("这个承办单位") }
            try noteSaved(.departments, id: id, name: draft.name, audited: audited, session: session)
            return id
        }
    }

    public func departmentRecords(_ selection: RecordSelection = .all) throws -> [DirectoryRecord<DepartmentDraft>] {
        try database.fetchAll("""
            SELECT id, name, kind, contact, phone, active FROM departments WHERE (?1 IS NULL OR id = ?1)
            ORDER BY active DESC, \(DepartmentKind.sqlOrder("kind")), id LIMIT ?2
            """, selection.arguments) { row in
            DirectoryRecord(id: row.int64(0), draft: DepartmentDraft(
                name: row.string(1), kind: try row.value(2), contact: row.string(3), phone: row.string(4)),
                            active: row.bool(5), initials: nil)
        }
    }

    // MARK: Categories

    @discardableResult
    public func createCategory(_ draft: CategoryDraft, session: Session) throws -> Int64 {
        try saveCategory(id: nil, draft, session: session, audited: true)
    }

    public func updateCategory(id: Int64, _ draft: CategoryDraft, session: Session) throws {
        try saveCategory(id: id, draft, session: session, audited: true)
    }

    @discardableResult
    func saveCategory(id: Int64?, _ draft: CategoryDraft, session: Session, audited: Bool) throws -> Int64 {
        try session.require(.manageDirectory)
        let draft = try draft.validated()
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM categories WHERE name = ? AND id IS NOT ?", [draft.name, id]) != nil {
                throw InvalidField("name", "已有类别「\(draft.name)」")
            }
            if let departmentID = draft.defaultDepartmentID,
               try database.scalarInt("SELECT 1 FROM departments WHERE id = ?", [departmentID]) == nil {
                throw InvalidField("department", "没有这个承办单位")
            }
            guard let id else {
                let position = try draft.position ?? database.scalarInt("SELECT coalesce(max(position), 0) + 1 FROM categories WHERE name <> ?",
                                                                        [CatchAllCategory.name]) ?? 1
                try database.execute(
                    "INSERT INTO categories(name, default_department_id, default_due_working_days, position) VALUES (?, ?, ?, ?)",
                    [draft.name, draft.defaultDepartmentID, draft.dueWorkingDays, position])
                let created = database.lastInsertedRowID
                try noteSaved(.categories, id: nil, name: draft.name, audited: audited, session: session)
                return created
            }
            guard let stored = try database.scalarString("SELECT name FROM categories WHERE id = ?", [id]) else {
                throw DomainError.notFound("这个类别")
            }
            if stored == CatchAllCategory.name && draft.name != stored {
                throw InvalidField("name", "「\(CatchAllCategory.name)」类别总要有，不能改名")
            }
            try database.execute("""
                UPDATE categories SET name = ?, default_department_id = ?, default_due_working_days = ?,
                                      position = coalesce(?, position)
                WHERE id = ?
                """, [draft.name, draft.defaultDepartmentID, draft.dueWorkingDays, draft.position, id])
            try noteSaved(.categories, id: id, name: draft.name, audited: audited, session: session)
            return id
        }
    }

    /// Every category as the administration screen edits them, in the order the forms offer them.
    public func categoryRecords(_ selection: RecordSelection = .all) throws -> [DirectoryRecord<CategoryDraft>] {
        try database.fetchAll("""
            SELECT id, name, default_department_id, default_due_working_days, position, active FROM categories
            WHERE (?1 IS NULL OR id = ?1) ORDER BY active DESC, name = ?3, position, id LIMIT ?2
            """, selection.arguments + [CatchAllCategory.name]) { row in
            DirectoryRecord(id: row.int64(0), draft: CategoryDraft(
                name: row.string(1), defaultDepartmentID: row.optionalInt64(2), dueWorkingDays: row.int(3), position: row.int(4)),
                            active: row.bool(5), initials: nil)
        }
    }

    // MARK: Every list

    /// The audit row of a row typed in or changed; an import writes one for its whole file instead.
    func noteSaved(_ list: DirectoryList, id: Int64?, name: String, audited: Bool, detail: String = "", session: Session) throws {
        guard audited else { return }
        try audit("\(list.rawValue).\(id == nil ? "create" : "update")", subject: name, detail: detail, session: session)
    }

    /// Deactivates a row (a deputy at the end of the term) or brings it back; nothing is deleted.
    public func setActive(_ list: DirectoryList, id: Int64, _ active: Bool, session: Session) throws {
        try setActive(list, id: id, active, session: session, audited: true)
    }

    /// A row's name and whether it is in use; nil when the station has no such row.
    private func state(_ list: DirectoryList, id: Int64) throws -> (name: String, active: Bool)? {
        try database.fetchOne(list.activationSQL.state, [id] + (list.belongsToStation ? [station.id] : [])) { ($0.string(0), $0.bool(1)) }
    }

    /// The name of a row a workflow is about to use (the deputy a resident is handed to, the department
    /// a case goes to), refused when it has been deactivated (on another terminal, since the form opened).
    @discardableResult
    func requireInUse(_ list: DirectoryList, id: Int64) throws -> String {
        guard let (name, active) = try state(list, id: id) else { throw DomainError.notFound("这一条\(list.label)") }
        guard active else { throw DomainError.invalid("\(list.label) \(name) 已停用，请另选") }
        return name
    }

    func setActive(_ list: DirectoryList, id: Int64, _ active: Bool, session: Session, audited: Bool) throws {
        try session.require(.manageDirectory)
        try database.write {
            let scope: [SQLBindable?] = list.belongsToStation ? [station.id] : []
            guard let name = try state(list, id: id)?.name else { throw DomainError.notFound("这一条\(list.label)") }
            if list == .categories, !active, name == CatchAllCategory.name {
                throw DomainError.invalid(CatchAllCategory.cannotDeactivate)
            }
            try database.execute(list.activationSQL.update, [active, id] + scope)
            if audited { try audit("\(list.rawValue).\(active ? "restore" : "deactivate")", subject: name, session: session) }
        }
    }
}

extension LiaisonStore {
    /// The active categories whose new cases go to this department by default.
    public func categories(defaultingTo departmentID: Int64) throws -> [String] {
        try database.fetchAll("SELECT name FROM categories WHERE default_department_id = ? AND active = 1 ORDER BY position, id",
                              [departmentID]) { $0.string(0) }
    }
}

/// A category as the forms offer it, with what a new case in it defaults to.
public struct CategoryEntry: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let defaultDepartmentID: Int64?
    public let dueWorkingDays: Int
}

/// A department or a legal officer as a choice list offers it.
public struct DirectoryEntry: Hashable, Sendable {
    public let id: Int64
    public let name: String
    /// What kind it is, or the officer's role and organisation.
    public let note: String
    /// Legal officers only: on today's duty roster.
    public let onDuty: Bool
}

extension LiaisonStore {
    /// The active categories in the forms' order, 其他 last.
    public func categories() throws -> [CategoryEntry] {
        try database.fetchAll("""
            SELECT id, name, default_department_id, default_due_working_days FROM categories WHERE active = 1
            ORDER BY name = ?, position, id
            """, [CatchAllCategory.name]) { row in
            CategoryEntry(id: row.int64(0), name: row.string(1), defaultDepartmentID: row.optionalInt64(2), dueWorkingDays: row.int(3))
        }
    }

    public func departments() throws -> [DirectoryEntry] {
        try database.fetchAll("SELECT id, name, kind FROM departments WHERE active = 1 ORDER BY \(DepartmentKind.sqlOrder("kind")), id") { row in
            DirectoryEntry(id: row.int64(0), name: row.string(1), note: try row.value(2, as: DepartmentKind.self).label, onDuty: false)
        }
    }

    /// The station's legal officers (三官一员), those on duty on `day` first.
    public func legalOfficers(onDutyOn day: Day) throws -> [DirectoryEntry] {
        try database.fetchAll("""
            SELECT o.id, o.name, o.role, o.organization,
                   EXISTS (SELECT 1 FROM duty_roster r WHERE r.station_id = ?1 AND r.day = ?2 AND r.legal_officer_id = o.id)
            FROM legal_officers o WHERE o.station_id = ?1 AND o.active = 1
            ORDER BY 5 DESC, o.id
            """, [station.id, day]) { row in
            let role = try row.value(2, as: LegalOfficerRole.self).label
            return DirectoryEntry(id: row.int64(0), name: row.string(1), note: "\(role) \(row.string(3))", onDuty: row.bool(4))
        }
    }
}
