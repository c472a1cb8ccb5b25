import Foundation

/// A resident's detail that screens show masked (PIPL; GB/T 35273): the whole value only after the
/// reveal key, for a role allowed it, each time written to the audit log.
public enum ResidentField: String, Sendable, CaseIterable {
    case phone, idNumber

    public var label: String {
        switch self {
        case .phone: "电话"
        case .idNumber: "身份证号"
        }
    }

    public var permission: Permission {
        switch self {
        case .phone: .revealPhone
        case .idNumber: .revealIDNumber
        }
    }
}

/// 王某: what is left of a name once its resident asked to be forgotten. Compound surnames keep both
/// characters (欧阳某).
public enum AnonymousName {
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕",
        "端木", "万俟", "澹台", "呼延", "独孤", "南宫", "西门", "申屠", "公羊", "闻人", "赫连", "淳于", "太史", "第五",
    ]

    public static func of(_ name: String) -> String {
        let two = String(name.prefix(2))
        return (name.count > 2 && compoundSurnames.contains(two) ? two : String(name.prefix(1))) + "某"
    }
}

extension LiaisonStore {
    /// The whole stored value of one resident's phone or ID number, for the one who asked, audited
    /// (who, when, whose, which field) in the same transaction; nil when none is stored.
    public func reveal(_ field: ResidentField, ofResident id: Int64, session: Session) throws -> String? {
        try session.require(field.permission)
        return try database.write {
            guard let (phone, idNumber) = try database.fetchOne(
                "SELECT phone, id_number FROM residents WHERE id = ?", [id], { ($0.optionalString(0), $0.optionalString(1)) })
            else { throw DomainError.notFound("这位居民") }
            let value = field == .phone ? phone : idNumber
            guard let value else { return nil }
            // By record, not by name: the log cannot be changed, and the resident may later ask to be forgotten.
            try audit("reveal.\(field.rawValue)", subject: "居民 #\(id)", detail: field.label, session: session)
            return value
        }
    }

    /// Forgets who a resident is, at their request: the name becomes 王某, the phone, ID number and
    /// address are removed. Their visits and cases stay, so every count and figure is as before.
    public func anonymizeResident(id: Int64, session: Session) throws {
        try session.require(.anonymize)
        try database.write {
            guard let (name, done) = try database.fetchOne("SELECT name, anonymized_at FROM residents WHERE id = ?", [id],
                                                            { ($0.string(0), $0.optionalString(1) != nil) })
            else { throw DomainError.notFound("这位居民") }
            guard !done else { throw DomainError.invalid("这位居民已经匿名化") }
            let anonymous = AnonymousName.of(name)
            let reading = Pinyin.name(anonymous)
            try database.execute("""
                UPDATE residents SET name = ?, name_initials = ?, name_initials_alt = ?, phone = NULL, phone_refused = 0,
                                     id_number = NULL, address = '', anonymized_at = ?
                WHERE id = ?
                """, [anonymous, reading.initials, reading.otherInitials, clock.now(), id])
            // Nobody can reach them now: no deputy is left behind every month for a contact they cannot make.
            try database.execute("UPDATE contact_assignments SET ended_on = ? WHERE resident_id = ? AND ended_on IS NULL", [today, id])
            // The audit names the record, not the person it no longer names.
            try audit("resident.anonymize", subject: "居民 #\(id)", detail: anonymous, session: session)
        }
    }
}
