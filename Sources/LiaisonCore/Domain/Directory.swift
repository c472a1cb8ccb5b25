import Foundation

public struct DeputyDraft: Sendable {
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

public struct ResidentDraft: Sendable {
    public var name: String
    public var phone: String?
    public var phoneRefused: Bool
    public var idNumber: String?
    public var address: String
    public var community: String

    public init(name: String, phone: String? = nil, phoneRefused: Bool = false, idNumber: String? = nil,
                address: String = "", community: String = "") {
        self.name = name
        self.phone = phone
        self.phoneRefused = phoneRefused
        self.idNumber = idNumber
        self.address = address
        self.community = community
    }
}

extension ResidentDraft {
    /// The ID number in its stored form, nil when none was typed; a number that is none is refused
    /// saying why.
    func validatedIDNumber(today: Day) throws -> String? {
        guard let typed = idNumber?.trimmingCharacters(in: .whitespaces), !typed.isEmpty else { return nil }
        switch IDCardNumber.validate(typed, today: today) {
        case .success(let valid): return valid
        case .failure(let problem): throw DomainError.invalid("身份证号码不对：" + problem.message)
        }
    }
}

public struct Resident: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let phone: String?
    public let idNumber: String?
    public let address: String
    public let community: String

    /// What lists show: never the whole number.
    public var maskedPhone: String { PhoneNumber.masked(phone) }
}

extension LiaisonStore {
    private func requireName(_ name: String, _ what: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw DomainError.invalid("\(what)不能为空") }
        return trimmed
    }

    @discardableResult
    public func createDeputy(_ draft: DeputyDraft, session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        let name = try requireName(draft.name, "代表姓名")
        let reading = Pinyin.name(name)
        return try database.write {
            try database.execute("""
                INSERT INTO deputies(station_id, name, name_pinyin, name_initials, name_initials_alt, gender, level, sector,
                                     constituency, station_group, phone, workplace, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [station.id, name, reading.syllables, reading.initials, reading.otherInitials, draft.gender, draft.level,
                      draft.sector, draft.constituency, draft.group, draft.phone, draft.workplace, clock.now()])
            return database.lastInsertedRowID
        }
    }

    /// The station's deputies in pinyin order; `limit` takes only the first ones (a first screenful).
    public func deputies(includeInactive: Bool = false, limit: Int = -1) throws -> [Deputy] {
        try database.fetchAll("""
            SELECT id, name, level, sector, constituency, station_group, phone, active, name_pinyin,
                   trim(name_initials || ' ' || name_initials_alt) FROM deputies
            WHERE station_id = ? AND (active = 1 OR ?) ORDER BY name_pinyin LIMIT ?
            """, [station.id, includeInactive, limit]) { row in
            Deputy(id: row.int64(0), name: row.string(1), level: try row.value(2), sector: row.string(3),
                   constituency: row.string(4), group: row.string(5), phone: row.string(6), active: row.bool(7),
                   namePinyin: row.string(8), nameInitials: row.string(9))
        }
    }

    @discardableResult
    public func createLegalOfficer(name: String, role: LegalOfficerRole, organization: String, phone: String = "",
                                   session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        let name = try requireName(name, "姓名")
        return try database.write {
            try database.execute(
                "INSERT INTO legal_officers(station_id, name, role, organization, phone) VALUES (?, ?, ?, ?, ?)",
                [station.id, name, role, organization, phone])
            return database.lastInsertedRowID
        }
    }

    @discardableResult
    public func createDepartment(name: String, kind: DepartmentKind, contact: String = "", phone: String = "",
                                 session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        let name = try requireName(name, "承办单位名称")
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM departments WHERE name = ?", [name]) != nil {
                throw DomainError.invalid("承办单位「\(name)」已存在")
            }
            try database.execute("INSERT INTO departments(name, kind, contact, phone) VALUES (?, ?, ?, ?)",
                                 [name, kind, contact, phone])
            return database.lastInsertedRowID
        }
    }

    @discardableResult
    public func createCategory(name: String, defaultDepartmentID: Int64? = nil, dueWorkingDays: Int = 10,
                               session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        let name = try requireName(name, "类别名称")
        guard dueWorkingDays > 0 else { throw DomainError.invalid("办理时限须为正数个工作日") }
        return try database.write {
            if try database.scalarInt("SELECT 1 FROM categories WHERE name = ?", [name]) != nil {
                throw DomainError.invalid("类别「\(name)」已存在")
            }
            let position = try database.scalarInt("SELECT coalesce(max(position), 0) + 1 FROM categories") ?? 1
            try database.execute(
                "INSERT INTO categories(name, default_department_id, default_due_working_days, position) VALUES (?, ?, ?, ?)",
                [name, defaultDepartmentID, dueWorkingDays, position])
            return database.lastInsertedRowID
        }
    }

    /// The stored form of a phone as typed, with the station's area code for a local number; a number
    /// that is none is refused saying what is wrong with it.
    public func normalizedPhone(_ typed: String) throws -> String {
        switch PhoneNumber.normalize(typed, areaCode: areaCode) {
        case .success(let phone): return phone
        case .failure(let problem): throw DomainError.invalid("电话号码不对：" + problem.message)
        }
    }

    /// Finds the resident with this name and phone, or records a new one. Residents are people, not
    /// phone numbers: someone else on a phone already registered (a son for his mother, a couple) is a
    /// new resident sharing it; the same name on the same phone is the same person.
    /// Returns the id and whether a new resident was created.
    @discardableResult
    public func findOrCreateResident(_ draft: ResidentDraft, session: Session) throws -> (id: Int64, created: Bool) {
        try session.require(.receiveResidents)
        let name = try requireName(draft.name, "姓名")
        var phone: String?
        if let typed = draft.phone?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            phone = try normalizedPhone(typed)
        } else if !draft.phoneRefused {
            throw DomainError.invalid("请填写电话，或注明本人拒绝留电话")
        }
        let idNumber = try draft.validatedIDNumber(today: today)
        let reading = Pinyin.name(name)
        return try database.write {
            if let phone, let existing = try database.scalarInt("SELECT id FROM residents WHERE name = ? AND phone = ?", [name, phone]) {
                return (Int64(existing), false)
            }
            try database.execute("""
                INSERT INTO residents(name, name_initials, name_initials_alt, phone, phone_refused, id_number, address, community,
                                      created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [name, reading.initials, reading.otherInitials, phone, phone == nil, idNumber, draft.address, draft.community,
                      clock.now()])
            return (database.lastInsertedRowID, true)
        }
    }

    /// The resident with this name on this phone (stored form), if registered.
    public func resident(named name: String, phone: String) throws -> Resident? {
        try database.fetchOne("SELECT id, name, phone, id_number, address, community FROM residents WHERE name = ? AND phone = ?",
                              [name, phone], Resident.init(row:))
    }

    /// Everyone registered with this phone (as stored): a family may share one.
    public func residents(withPhone phone: String) throws -> [Resident] {
        try database.fetchAll("SELECT id, name, phone, id_number, address, community FROM residents WHERE phone = ? ORDER BY id",
                              [phone], Resident.init(row:))
    }

    public func resident(id: Int64) throws -> Resident? {
        try database.fetchOne("SELECT id, name, phone, id_number, address, community FROM residents WHERE id = ?", [id],
                              Resident.init(row:))
    }

    /// A returning resident's details as the clerk typed them this time: an address or ID number given
    /// now replaces the stored one; what was left empty keeps what was stored. Returns the id.
    func updateDetails(ofResident id: Int64, from draft: ResidentDraft) throws -> Int64 {
        let idNumber = try draft.validatedIDNumber(today: today)
        try database.execute("""
            UPDATE residents SET id_number = coalesce(?, id_number), address = coalesce(nullif(?, ''), address),
                                 community = coalesce(nullif(?, ''), community)
            WHERE id = ?
            """, [idNumber, draft.address.trimmingCharacters(in: .whitespaces),
                  draft.community.trimmingCharacters(in: .whitespaces), id])
        guard database.changes > 0 else { throw DomainError.notFound("居民") }
        return id
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
    public func categories() throws -> [CategoryEntry] {
        try database.fetchAll("""
            SELECT id, name, default_department_id, default_due_working_days FROM categories WHERE active = 1
            ORDER BY position, id
            """) { row in
            CategoryEntry(id: row.int64(0), name: row.string(1), defaultDepartmentID: row.optionalInt64(2), dueWorkingDays: row.int(3))
        }
    }

    public func departments() throws -> [DirectoryEntry] {
        try database.fetchAll("SELECT id, name, kind FROM departments WHERE active = 1 ORDER BY kind, id") { row in
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
