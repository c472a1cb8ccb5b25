import Foundation

/// One seat on a reception day: a deputy or a legal officer.
public struct DutySeat: Hashable, Sendable {
    public let id: Int64
    public let day: Day
    public let name: String
    public let deputyID: Int64?
    public let legalOfficerID: Int64?
    public let legalOfficerRole: LegalOfficerRole?
    /// A deputy's level and sector, or a legal officer's organisation: what the notice says of them.
    public let deputyLevel: DeputyLevel?
    public let sector: String
    public let organization: String
    public let role: DutyRole
    /// Deactivated since they were rostered.
    public let inactive: Bool

    /// 张三（县区人大代表，教育界） or 李律师（律师，某律师事务所）, as the notice lists them.
    public var noticeText: String {
        if let level = deputyLevel {
            return "\(name)（\(level.label)人大代表" + (sector.isEmpty ? "" : "，\(sector)") + "）"
        }
        return "\(name)（\(legalOfficerRole?.label ?? "")" + (organization.isEmpty ? "" : "，\(organization)") + "）"
    }
}

/// A reception day (接待选民日): from the station's rule, added besides it, or moved from the rule's day;
/// or a day that is none but has someone rostered on it (confirmed), so they can be moved or taken off.
public struct ReceptionDaySlot: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        case rule, added
        case moved(from: Day)
        case notAReceptionDay
    }

    public let day: Day
    public let origin: Origin
    public let note: String

    /// 规定日 / 增加 / 由 12-15 调整 / 非接待日, as the roster says it.
    public var originLabel: String {
        switch origin {
        case .rule: "规定日"
        case .added: "增加"
        case .moved(let from): "由 \(from.iso.dropFirst(5)) 调整"
        case .notAReceptionDay: "非接待日"
        }
    }

    /// Added or moved by the station: a change that can be undone.
    public var isChange: Bool {
        switch origin {
        case .added, .moved: true
        case .rule, .notAReceptionDay: false
        }
    }
}

/// A reception day with who sits at the station.
public struct RosterDay: Hashable, Sendable {
    public let slot: ReceptionDaySlot
    public let seats: [DutySeat]
    /// The notice (公告) for it has been written since the day's seats last changed.
    public let noticeWritten: Bool
    /// A notice was written, but someone was rostered or taken off since: it must be written again.
    public let noticeOutdated: Bool
}

/// Why a roster entry needs a yes before it is saved.
public struct RosterConfirmation: UserFacingError, Equatable {
    public let question: String
    public var userMessage: String { question }
}

extension LiaisonStore {
    // MARK: Reception days

    /// 公告提前 5 个工作日: how soon before a reception day its notice is posted.
    public static let noticeWorkingDays = 5

    /// Reception days in [first, last]: the rule's days (holidays and make-up days respected), less those
    /// moved, plus those added or moved to.
    public func receptionDays(from first: Day, through last: Day) throws -> [ReceptionDaySlot] {
        let changes = try database.fetchAll("""
            SELECT day, instead_of, note FROM reception_day_changes WHERE station_id = ?
            """, [station.id]) { (try $0.day(0), try $0.optionalDay(1), $0.string(2)) }
        let moved = Set(changes.compactMap(\.1))
        var slots: [ReceptionDaySlot] = []
        if let rule = station.receptionRule, first <= last {
            // A rule day may shift into the next or the previous month (the 1st before a holiday): one month either side.
            var (year, month, _) = first.adding(days: -31).components
            while Day.firstOfMonth(year: year, month: month) <= last.adding(days: 31) {
                let day = rule.receptionDay(year: year, month: month, calendar: calendar)
                if day >= first, day <= last, !moved.contains(day) {
                    slots.append(ReceptionDaySlot(day: day, origin: .rule, note: ""))
                }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
        }
        for (day, from, note) in changes where day >= first && day <= last && !slots.contains(where: { $0.day == day }) {
            slots.append(ReceptionDaySlot(day: day, origin: from.map { .moved(from: $0) } ?? .added, note: note))
        }
        return slots.sorted { $0.day < $1.day }
    }

    /// Adds a reception day besides the rule's, or moves the rule's day `insteadOf` to `day`. Days gone by
    /// are not changed: the roster of a past day is a record.
    public func changeReceptionDay(_ day: Day, insteadOf: Day? = nil, note: String = "", session: Session) throws {
        try session.require(.keepDutyRecords)
        let note = try DraftCheck.text(note, field: "note", limit: 60)
        guard day >= today else { throw InvalidField("day", "不能把接待日定在今天以前") }
        if let from = insteadOf, from < today { throw InvalidField("insteadOf", "\(from.iso) 已经过去，不能再调整") }
        try database.write {
            if try !receptionDays(from: day, through: day).isEmpty { throw InvalidField("day", "\(day.iso) 已是接待日") }
            if let from = insteadOf {
                guard try receptionDays(from: from, through: from).first?.origin == .rule else {
                    throw InvalidField("insteadOf", "\(from.iso) 不是本站规定的接待日")
                }
                if try database.scalarInt("SELECT count(*) FROM duty_roster WHERE station_id = ? AND day = ?", [station.id, from]) ?? 0 > 0 {
                    // The seats go with the day, so nobody is left rostered on a day that is no longer one.
                    try database.execute("UPDATE duty_roster SET day = ? WHERE station_id = ? AND day = ?", [day, station.id, from])
                }
            }
            try database.execute("INSERT INTO reception_day_changes(station_id, day, instead_of, note) VALUES (?, ?, ?, ?)",
                                 [station.id, day, insteadOf, note])
            try audit("roster.day", subject: day.iso, detail: insteadOf.map { "由 \($0.iso) 调整" } ?? "增加接待日", session: session)
        }
    }

    /// Undoes an added or moved reception day: an added one goes (refused while someone is rostered on
    /// it), a moved one goes back to the rule's day with its seats (refused where that day has since got
    /// seats or a change of its own, or is no longer the rule's, so nobody is merged or stranded).
    public func undoReceptionDayChange(_ day: Day, session: Session) throws {
        try session.require(.keepDutyRecords)
        guard day >= today else { throw DomainError.invalid("\(day.iso) 已经过去，不能再调整") }
        try database.write {
            guard let from = try database.fetchOne("SELECT instead_of FROM reception_day_changes WHERE station_id = ? AND day = ?",
                                                   [station.id, day], { try $0.optionalDay(0) }) else {
                throw DomainError.invalid("\(day.iso) 不是本站增加或调整的接待日（可能是另一终端刚改过）")
            }
            let seated = try database.scalarInt("SELECT count(*) FROM duty_roster WHERE station_id = ? AND day = ?", [station.id, day]) ?? 0
            if let from {
                guard from >= today else { throw DomainError.invalid("原定的 \(from.iso) 已经过去，不能改回") }
                let taken = try database.scalarInt("""
                    SELECT (SELECT count(*) FROM duty_roster WHERE station_id = ?1 AND day = ?2)
                         + (SELECT count(*) FROM reception_day_changes WHERE station_id = ?1 AND day = ?2)
                    """, [station.id, from]) ?? 0
                guard taken == 0 else { throw DomainError.invalid("原定的 \(from.iso) 已另有安排，不能改回") }
                try database.execute("UPDATE duty_roster SET day = ? WHERE station_id = ? AND day = ?", [from, station.id, day])
            } else if seated > 0 {
                throw DomainError.invalid("\(day.iso) 还排着 \(seated) 位，先移出值班表再取消这一天")
            }
            try database.execute("DELETE FROM reception_day_changes WHERE station_id = ? AND day = ?", [station.id, day])
            if let from, try receptionDays(from: from, through: from).first?.origin != .rule {
                throw DomainError.invalid("\(from.iso) 已不是本站规定的接待日，不能改回")
            }
            try audit("roster.day", subject: day.iso, detail: from.map { "改回 \($0.iso)" } ?? "取消增加的接待日", session: session)
        }
    }

    // MARK: Seats

    /// Rosters a deputy or a legal officer onto `day`. A day gone by, a day that is not a reception day, or
    /// someone already on it, needs `confirmed` (the desk asks first); an inactive person is refused.
    public func addToRoster(day: Day, deputyID: Int64? = nil, legalOfficerID: Int64? = nil, role: DutyRole = .receiving,
                            confirmed: Bool = false, session: Session) throws {
        try session.require(.keepDutyRecords)
        guard (deputyID == nil) != (legalOfficerID == nil) else { throw DomainError.invalid("值班人须是一位代表或一位三官一员") }
        try database.write {
            let table = deputyID != nil ? "deputies" : "legal_officers"
            guard let person = try database.fetchOne("SELECT name, active FROM \(table) WHERE id = ? AND station_id = ?",
                                                     [deputyID ?? legalOfficerID, station.id], { ($0.string(0), $0.bool(1)) }) else {
                throw DomainError.notFound(deputyID != nil ? "这位代表" : "这位三官一员")
            }
            guard person.1 else { throw InvalidField("person", "\(person.0) 已停用，不能排班") }
            if !confirmed {
                // A day gone by is recorded after the fact only on purpose.
                if day < today {
                    throw RosterConfirmation(question: "\(day.iso) 已经过去，仍要补记 \(person.0) 在这一天值班吗？")
                }
                if try receptionDays(from: day, through: day).isEmpty {
                    throw RosterConfirmation(question: "\(day.iso) 不是接待日，仍要把 \(person.0) 排在这一天吗？")
                }
                let column = deputyID != nil ? "deputy_id" : "legal_officer_id"
                if try database.scalarInt("SELECT count(*) FROM duty_roster WHERE station_id = ? AND day = ? AND \(column) = ?",
                                          [station.id, day, deputyID ?? legalOfficerID]) ?? 0 > 0 {
                    throw RosterConfirmation(question: "\(person.0) 已排在 \(day.iso)，仍要再排一次吗？")
                }
            }
            try database.execute(
                "INSERT INTO duty_roster(station_id, day, deputy_id, legal_officer_id, role) VALUES (?, ?, ?, ?, ?)",
                [station.id, day, deputyID, legalOfficerID, role])
            try audit("roster.seat", subject: day.iso, detail: "排 \(person.0)", session: session)
        }
    }

    public func removeFromRoster(seatID: Int64, session: Session) throws {
        try session.require(.keepDutyRecords)
        try database.write {
            guard let seat = try database.fetchOne("""
                SELECT r.day, coalesce(d.name, o.name) FROM duty_roster r LEFT JOIN deputies d ON d.id = r.deputy_id
                LEFT JOIN legal_officers o ON o.id = r.legal_officer_id WHERE r.id = ? AND r.station_id = ?
                """, [seatID, station.id], { ($0.string(0), $0.string(1)) }) else {
                throw DomainError.invalid("这一位已不在值班表上（可能是另一终端刚改过）")
            }
            try database.execute("DELETE FROM duty_roster WHERE id = ?", [seatID])
            try audit("roster.seat", subject: seat.0, detail: "移出 \(seat.1)", session: session)
        }
    }

    /// The duty roster (值班表) of `day`: who sits at the station, deputies first, then legal officers.
    public func dutyRoster(on day: Day) throws -> [DutySeat] {
        try dutyRoster(from: day, through: day)[day] ?? []
    }

    /// Every seat in [first, last], by day.
    public func dutyRoster(from first: Day, through last: Day) throws -> [Day: [DutySeat]] {
        let seats = try database.fetchAll("""
            SELECT r.id, r.day, coalesce(d.name, o.name), r.deputy_id, r.legal_officer_id, o.role, d.level,
                   coalesce(d.sector, ''), coalesce(o.organization, ''), r.role, coalesce(d.active, o.active)
            FROM duty_roster r
            LEFT JOIN deputies d ON d.id = r.deputy_id
            LEFT JOIN legal_officers o ON o.id = r.legal_officer_id
            WHERE r.station_id = ? AND r.day BETWEEN ? AND ?
            ORDER BY r.day, r.deputy_id IS NULL, \(DutyRole.sqlOrder("r.role")) DESC, r.id
            """, [station.id, first, last]) { row in
            DutySeat(id: row.int64(0), day: try row.day(1), name: row.string(2), deputyID: row.optionalInt64(3),
                     legalOfficerID: row.optionalInt64(4), legalOfficerRole: try row.optionalValue(5), deputyLevel: try row.optionalValue(6),
                     sector: row.string(7), organization: row.string(8), role: try row.value(9), inactive: !row.bool(10))
        }
        return Dictionary(grouping: seats, by: \.day)
    }

    /// The reception days of a month with their seats.
    public func rosterMonth(year: Int, month: Int) throws -> [RosterDay] {
        let first = Day.firstOfMonth(year: year, month: month)
        let last = first.adding(days: Day.daysIn(year: year, month: month) - 1)
        let seats = try dutyRoster(from: first, through: last)
        let notices = try noticeStates(from: first, through: last)
        // A seat on a day that is no longer a reception day still shows, so it can be moved or removed.
        var slots = try receptionDays(from: first, through: last)
        for day in seats.keys where !slots.contains(where: { $0.day == day }) {
            slots.append(ReceptionDaySlot(day: day, origin: .notAReceptionDay, note: ""))
        }
        return slots.sorted { $0.day < $1.day }.map {
            RosterDay(slot: $0, seats: seats[$0.day] ?? [], noticeWritten: notices[$0.day] == true, noticeOutdated: notices[$0.day] == false)
        }
    }

    /// What the roster should look at again in `year`: someone on a coming day twice, someone rostered on a
    /// coming day since deactivated (days gone by are a record, not a task), and the active deputies with
    /// no reception day all year.
    public func rosterWarnings(year: Int) throws -> [String] {
        let (first, last) = Day.yearBounds(year)
        let seats = try dutyRoster(from: first, through: last).values.joined()
        var warnings: [String] = []
        var seen: Set<String> = []
        for seat in seats.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) where seat.day >= today {
            let key = "\(seat.day.iso)/\(seat.deputyID.map { "d\($0)" } ?? "o\(seat.legalOfficerID ?? 0)")"
            if !seen.insert(key).inserted { warnings.append("\(seat.name) 在 \(seat.day.iso) 排了两次") }
            if seat.inactive, seen.insert("inactive/" + key).inserted { warnings.append("\(seat.name) 已停用，仍排在 \(seat.day.iso)") }
        }
        let rostered = Set(seats.compactMap(\.deputyID))
        let missing = try deputies().filter { !rostered.contains($0.id) }
        if !missing.isEmpty {
            let names = missing.prefix(5).map(\.name).joined(separator: "、") + (missing.count > 5 ? " 等" : "")
            warnings.append("\(year) 年没有排进站接待的代表 \(missing.count) 位：\(names)")
        }
        return warnings
    }

    // MARK: The notice (公告)

    /// The days in [first, last] with a notice written: true where it was written after the day's seats
    /// and the day itself last changed, false where it is out of date.
    private func noticeStates(from first: Day, through last: Day) throws -> [Day: Bool] {
        let rows = try database.fetchAll("""
            SELECT n.subject, max(n.id) > coalesce((SELECT max(c.id) FROM audit_log c
                                                    WHERE c.action IN ('roster.seat', 'roster.day') AND c.subject = n.subject), 0)
            FROM audit_log n WHERE n.action = 'roster.notice' AND n.subject BETWEEN ? AND ? GROUP BY n.subject
            """, [first.iso, last.iso]) { (Day(iso: $0.string(0)), $0.bool(1)) }
        return Dictionary(rows.compactMap { day, current in day.map { ($0, current) } }, uniquingKeysWith: { $1 })
    }

    /// The next reception day whose notice is due (within five working days) and not yet written, or
    /// out of date: the title line reminds of it.
    public func rosterNoticeDue() throws -> Day? {
        let horizon = calendar.adding(workingDays: LiaisonStore.noticeWorkingDays, to: today)
        let days = try receptionDays(from: today.adding(days: 1), through: horizon).map(\.day)
        let notices = try noticeStates(from: today, through: horizon)
        return days.first { notices[$0] != true }
    }

    /// The notice for the station's board, ready to print, of the seats on `day` (read now unless given).
    public func rosterNotice(day: Day, seats: [DutySeat]? = nil, hours: String, place: String) throws -> String {
        let seats = try (seats ?? dutyRoster(on: day)).filter { !$0.inactive }
        let deputies = seats.filter { $0.deputyID != nil }
        let officers = seats.filter { $0.legalOfficerID != nil }
        guard !deputies.isEmpty else { throw DomainError.invalid("\(day.iso) 还没有排代表，不能写公告") }
        let (year, month, date) = day.components
        var lines = [
            "\(station.name)", "接待选民公告", "",
            "    为密切人大代表同人民群众的联系，倾听群众意见和建议，\(station.name)定于下列时间开展代表接待选民活动，欢迎辖区群众前来反映情况、提出意见建议。",
            "",
            "接待时间：\(year)年\(month)月\(date)日（\(day.chineseWeekday)）\(hours)",
            "接待地点：\(place)",
            "", "接待代表：",
        ]
        lines += deputies.map { "    " + $0.noticeText }
        if !officers.isEmpty {
            lines += ["", "法律服务（三官一员）："]
            lines += officers.map { "    " + $0.noticeText }
        }
        let (nowYear, nowMonth, nowDate) = today.components
        lines += ["", "联系电话：\(station.phone)", "", "\(station.name)", "\(nowYear)年\(nowMonth)月\(nowDate)日", ""]
        return lines.joined(separator: "\n")
    }

    /// Hands the notice's text to `write`, then records that it was written (the reminder stops).
    public func exportRosterNotice(day: Day, hours: String, place: String, fileName: String, session: Session,
                                   write: ([UInt8]) throws -> Void) throws {
        try session.require(.keepDutyRecords)
        let hours = try DraftCheck.text(hours, field: "hours", limit: 30)
        let place = try DraftCheck.text(place, field: "place", limit: 100)
        guard !hours.isEmpty else { throw InvalidField("hours", "必填") }
        guard !place.isEmpty else { throw InvalidField("place", "必填") }
        try write(Array(try rosterNotice(day: day, hours: hours, place: place).utf8))
        try database.write { try audit("roster.notice", subject: day.iso, detail: fileName, session: session) }
    }
}
