import Foundation

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
        // A phone pasted into the name with it (from a WeChat message) would be shown whole on every list.
        // Spaces, hyphens and brackets between the digits (138-0000-1111) do not hide it.
        let separators = Set(" 　-－—()（）.")
        let digitsRun = String(trimmed.halfWidthDigits.filter { !separators.contains($0) })
        if digitsRun.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).contains(where: { $0.count >= 5 }) {
            throw DomainError.invalid("\(what)里有一串数字，像是电话号码：电话请填在电话一栏")
        }
        return trimmed
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
