import Foundation

/// The points rule of one kind of duty (积分规则): the first entry of a year, each further one, and a
/// yearly cap (none when nil). Stations set their own (衡阳石鼓区 +5 per reception, 重庆江北区 +3 per
/// suggestion); an admin edits them.
public struct PointRule: Hashable, Sendable {
    public let kind: DutyKind
    public var first: Int
    public var further: Int
    public var cap: Int?

    public init(kind: DutyKind, first: Int, further: Int, cap: Int? = nil) {
        self.kind = kind
        self.first = first
        self.further = further
        self.cap = cap
    }

    public static let pointsRange = 0...100
    public static let capRange = 0...10000

    /// The year's points for `count` approved entries (reception days for a reception).
    public func points(for count: Int) -> Int {
        guard count > 0 else { return 0 }
        let earned = first + (count - 1) * further
        return cap.map { min($0, earned) } ?? earned
    }

    /// 首次 5 分，其后每次 3 分，全年至多 30 分.
    public var label: String {
        let unit = kind.countsByDay ? "天" : "次"
        let head = first == further ? "每\(unit) \(first) 分" : "首\(unit) \(first) 分，其后每\(unit) \(further) 分"
        return head + (cap.map { "，全年至多 \($0) 分" } ?? "")
    }

    func validated() throws -> PointRule {
        _ = try DraftCheck.number(first, field: "first", in: PointRule.pointsRange, unit: "分")
        _ = try DraftCheck.number(further, field: "further", in: PointRule.pointsRange, unit: "分")
        if let cap {
            guard cap >= 0 else { throw InvalidField("cap", "封顶不能是负数（不封顶就空着）") }
            _ = try DraftCheck.number(cap, field: "cap", in: PointRule.capRange, unit: "分")
        }
        return self
    }
}

/// A deputy's duty in a year as the station counts it, written once: only approved entries; receptions
/// by the day the deputy received at the station (进站接待不少于2次 counts days, not residents, though both
/// are kept); household visits by the households; points by the station's rules.
public struct DutyCredit: Hashable, Sendable {
    /// Approved entries per kind; reception days for a reception.
    public var counts = DutyCounts()
    public var householdVisits = 0
    public var visitsReceived = 0
    public var points = 0
    /// Applications still waiting for a supervisor.
    public var pending = 0

    public init() {}

    public var receptionDays: Int { counts[.reception] }

    /// The year's figures of each deputy, kept by the database's triggers: a column per kind (reception
    /// days for a reception), then households visited, residents received, applications waiting.
    static let sql = "SELECT deputy_id, \(DutyKind.allCases.map(\.rawValue).joined(separator: ", ")), households, received, pending "
        + "FROM duty_year WHERE year = ?"
}

/// A figure per kind of duty, none to begin with: an array rather than a dictionary, as a district counts
/// thousands of deputies at once.
public struct DutyCounts: Hashable, Sendable {
    private var figures = [Int](repeating: 0, count: DutyKind.allCases.count)

    public init() {}

    public subscript(kind: DutyKind) -> Int {
        get { figures[DutyKind.allCases.firstIndex(of: kind)!] }
        set { figures[DutyKind.allCases.firstIndex(of: kind)!] = newValue }
    }
}

/// One entry of the duty log as the deputy's detail and the approval list show it.
public struct DutyLogEntry: Hashable, Sendable {
    public let id: Int64
    public let deputyID: Int64
    public let deputyName: String
    public let day: Day
    public let kind: DutyKind
    public let households: Int?
    public let note: String
    public let status: DutyEntryStatus
    public let refusal: String

    static let columns = "l.id, l.deputy_id, d.name, l.day, l.kind, l.households, l.note, l.status, l.refusal"

    init(row: Statement) throws {
        id = row.int64(0)
        deputyID = row.int64(1)
        deputyName = row.string(2)
        day = try row.day(3)
        kind = try row.value(4)
        households = row.optionalInt64(5).map(Int.init)
        note = row.string(6)
        status = try row.value(7)
        refusal = row.string(8)
    }

    /// 走访选民 3 户, as a line says the entry.
    public var what: String { kind.label + (households.map { " \($0) 户" } ?? "") }
}

/// A duty entry as typed: by a clerk or a supervisor for any deputy, by a deputy for themself.
public struct DutyEntryDraft: Sendable {
    public var deputyID: Int64
    public var day: Day
    public var kind: DutyKind
    public var households: Int?
    public var note: String

    public init(deputyID: Int64, day: Day, kind: DutyKind, households: Int? = nil, note: String = "") {
        self.deputyID = deputyID
        self.day = day
        self.kind = kind
        self.households = households
        self.note = note
    }

    public static let householdsRange = 1...500
    public static let noteLimit = 200
}

/// One line of the year's points ranking: ties share a rank (1, 2, 2, 4).
public struct RankedDeputy: Hashable, Sendable {
    public let rank: Int
    public let deputy: Deputy
    public let credit: DutyCredit
}

/// A deputy short of any quota this year, with what is missing (for 述职评议).
public struct QuotaShortfall: Hashable, Sendable {
    public let deputy: Deputy
    public let credit: DutyCredit
    public let quota: AnnualQuota
    public let missing: String
}

extension LiaisonStore {
    // MARK: The rules

    public func pointRules() throws -> [DutyKind: PointRule] {
        let rows = try database.fetchAll("SELECT kind, first_points, further_points, yearly_cap FROM duty_point_rules") { row in
            PointRule(kind: try row.value(0), first: row.int(1), further: row.int(2), cap: row.optionalInt64(3).map(Int.init))
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.kind, $0) })
    }

    /// Saves one kind's rule; a refused value names its field (first, further, cap). Counted points change
    /// for the whole year, as the ranking reads them.
    public func updatePointRule(_ rule: PointRule, session: Session) throws {
        try session.require(.manageDirectory)
        let rule = try rule.validated()
        try database.write {
            let before = try pointRules()[rule.kind]
            try database.execute("""
                INSERT OR REPLACE INTO duty_point_rules(kind, first_points, further_points, yearly_cap) VALUES (?, ?, ?, ?)
                """, [rule.kind, rule.first, rule.further, rule.cap])
            try audit("points.update", subject: rule.kind.label, detail: "\(before?.label ?? "") → \(rule.label)", session: session)
        }
    }

    // MARK: Entries

    /// Adds an entry: an application (积分申请) until a supervisor approves it. A deputy may add only their own.
    @discardableResult
    public func addDutyEntry(_ draft: DutyEntryDraft, session: Session) throws -> Int64 {
        try session.require(.applyForDuty)
        if session.role == .deputy, session.deputyID != draft.deputyID { throw DomainError.invalid("代表只能登记自己的履职") }
        guard draft.kind != .reception else {
            throw InvalidField("kind", "进站接待由接待台在代表接待群众时自动登记，每个接待日一次")
        }
        guard draft.day <= today else { throw InvalidField("day", "不能登记今天以后的履职") }
        var households: Int?
        if draft.kind == .householdVisit {
            guard let count = draft.households else { throw InvalidField("households", "走访选民须填走访户数") }
            households = try DraftCheck.number(count, field: "households", in: DutyEntryDraft.householdsRange, unit: "户")
        }
        let note = try DraftCheck.text(draft.note, field: "note", limit: DutyEntryDraft.noteLimit)
        return try database.write {
            guard let active = try database.fetchOne("SELECT active FROM deputies WHERE id = ? AND station_id = ?",
                                                     [draft.deputyID, station.id], { $0.bool(0) }) else {
                throw DomainError.notFound("这位代表")
            }
            guard active else { throw InvalidField("deputy", "这位代表已停用，不能再登记履职") }
            try database.execute("""
                INSERT INTO duty_log(deputy_id, day, kind, households, note, status, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, 'applied', ?, ?)
                """, [draft.deputyID, draft.day, draft.kind, households, note, session.operatorID, clock.now()])
            return database.lastInsertedRowID
        }
    }

    /// An entry the station credits itself, approved as written: a meeting a deputy attended, the demo
    /// station's past.
    func creditDuty(deputyID: Int64, day: Day, kind: DutyKind, households: Int? = nil, note: String, meetingID: Int64? = nil) throws {
        try database.write {
            try database.execute("""
                INSERT INTO duty_log(deputy_id, day, kind, households, note, meeting_id, entered_at, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [deputyID, day, kind, households, note, meetingID, clock.now(), clock.now()])
        }
    }

    /// Approves an application, or refuses it with a reason. One a supervisor on another terminal
    /// decided a moment ago is not decided twice.
    public func decideDutyEntry(id: Int64, approve: Bool, reason: String = "", session: Session) throws {
        try session.require(.approveDuty)
        let reason = try DraftCheck.text(reason, field: "reason", limit: 100)
        if !approve, reason.isEmpty { throw DomainError.reasonRequired("不予认定积分申请") }
        try database.write {
            try database.execute("""
                UPDATE duty_log SET status = ?, decided_by = ?, decided_at = ?, refusal = ?
                WHERE id = ? AND status = 'applied' AND deputy_id IN (SELECT id FROM deputies WHERE station_id = ?)
                """, [approve ? DutyEntryStatus.approved : .refused, session.operatorID, clock.now(), approve ? "" : reason, id, station.id])
            guard database.changes == 1 else { throw DomainError.invalid("这条申请已经审批过了（可能是另一终端），请刷新") }
        }
    }

    /// Applications waiting for a supervisor, oldest first.
    public func dutyApplications(limit: Int = -1) throws -> [DutyLogEntry] {
        try database.fetchAll("""
            SELECT \(DutyLogEntry.columns) FROM duty_log l JOIN deputies d ON d.id = l.deputy_id
            WHERE l.status = 'applied' AND d.station_id = ? ORDER BY l.day, l.id LIMIT ?
            """, [station.id, limit]) { try DutyLogEntry(row: $0) }
    }

    /// How many applications wait, for the section line.
    public func dutyApplicationCount() throws -> Int {
        try database.scalarInt("""
            SELECT count(*) FROM duty_log l JOIN deputies d ON d.id = l.deputy_id WHERE l.status = 'applied' AND d.station_id = ?
            """, [station.id]) ?? 0
    }

    /// A deputy's latest entries, every state.
    public func dutyLog(deputyID: Int64, limit: Int = 8) throws -> [DutyLogEntry] {
        try database.fetchAll("""
            SELECT \(DutyLogEntry.columns) FROM duty_log l JOIN deputies d ON d.id = l.deputy_id
            WHERE l.deputy_id = ? AND d.station_id = ? ORDER BY l.day DESC, l.id DESC LIMIT ?
            """, [deputyID, station.id, limit]) { try DutyLogEntry(row: $0) }
    }

    // MARK: Counting

    /// The duty in `year` of every deputy who has any, by deputy; `deputyIDs` for those alone. Looked up by
    /// the station's own deputies (a join on the station here would cost the first frame more than the read).
    public func dutyCredits(year: Int, deputyIDs: [Int64]? = nil) throws -> [Int64: DutyCredit] {
        let rules = try pointRules()
        var sql = DutyCredit.sql
        var arguments: [SQLBindable?] = [year]
        if let deputyIDs {
            sql += " AND deputy_id IN (\(Array(repeating: "?", count: deputyIDs.count).joined(separator: ",")))"
            arguments += deputyIDs.map { $0 as SQLBindable? }
        }
        let kinds = DutyKind.allCases
        let points = kinds.map { rules[$0] }
        return Dictionary(uniqueKeysWithValues: try database.fetchAll(sql, arguments) { row in
            var credit = DutyCredit()
            for (index, kind) in kinds.enumerated() {
                let count = row.int(Int32(index + 1))
                credit.counts[kind] = count
                credit.points += points[index]?.points(for: count) ?? 0
            }
            let after = Int32(kinds.count + 1)
            credit.householdVisits = row.int(after)
            credit.visitsReceived = row.int(after + 1)
            credit.pending = row.int(after + 2)
            return (row.int64(0), credit)
        })
    }

    /// A deputy's duty in a year, as the quota and the points count it.
    public func dutyCredit(deputyID: Int64, year: Int) throws -> DutyCredit {
        try dutyCredits(year: year, deputyIDs: [deputyID])[deputyID] ?? DutyCredit()
    }

    /// The year's points ranking of the active deputies, most first; ties share a rank and come in stroke
    /// order. Ranks count every deputy; only the first `limit` lines are read out.
    public func pointsRanking(year: Int, limit: Int = -1) throws -> ListPart<RankedDeputy> {
        let credits = try dutyCredits(year: year)
        let everyone = try deputyLevels()
        let points = everyone.map { credits[$0.id]?.points ?? 0 }
        let order = everyone.indices.sorted { points[$0] != points[$1] ? points[$0] > points[$1] : $0 < $1 }
        var ranks: [Int] = []
        for (place, index) in order.enumerated() {
            ranks.append(place > 0 && points[order[place - 1]] == points[index] ? ranks[place - 1] : place + 1)
        }
        let shown = limit < 0 ? order[...] : order.prefix(limit)
        let records = try deputies(ids: shown.map { everyone[$0].id })
        return ListPart(lines: zip(ranks, shown).compactMap { rank, index in
            let id = everyone[index].id
            return records[id].map { RankedDeputy(rank: rank, deputy: $0, credit: credits[id] ?? DutyCredit()) }
        }, total: everyone.count)
    }

    /// The active deputies short of any quota in `year`, in stroke order, with what each lacks; the first
    /// `limit` of them, and how many in all.
    public func quotaShortfalls(year: Int, limit: Int = -1) throws -> ListPart<QuotaShortfall> {
        let credits = try dutyCredits(year: year)
        let quotas = try settings().quotas
        let short = try deputyLevels().compactMap { id, level -> (Int64, AnnualQuota, String)? in
            let quota = quotas[level] ?? .standard(for: level)
            return quota.shortfall(of: credits[id] ?? DutyCredit()).map { (id, quota, $0) }
        }
        let shown = limit < 0 ? short[...] : short.prefix(limit)
        let records = try deputies(ids: shown.map(\.0))
        return ListPart(lines: shown.compactMap { id, quota, missing in
            records[id].map { QuotaShortfall(deputy: $0, credit: credits[id] ?? DutyCredit(), quota: quota, missing: missing) }
        }, total: short.count)
    }

    // MARK: For the 人大工委

    /// The ranking as CSV rows with its header.
    public func pointsRankingRows(year: Int) throws -> [[String]] {
        let kinds = DutyKind.allCases
        return [["名次", "姓名", "级别", "界别", "履职积分"] + kinds.map(\.label) + ["走访户数"]]
            + (try pointsRanking(year: year)).lines.map { line in
                [String(line.rank), line.deputy.name, line.deputy.level.label, line.deputy.sector, String(line.credit.points)]
                    + kinds.map { String(line.credit.counts[$0]) } + [String(line.credit.householdVisits)]
            }
    }

    /// The deputies short of a quota as CSV rows with their header.
    public func quotaShortfallRows(year: Int) throws -> [[String]] {
        [["姓名", "级别", "界别", "进站接待（天）", "要求（天）", "走访选民（户）", "要求（户）", "差额"]]
            + (try quotaShortfalls(year: year)).lines.map { line in
                [line.deputy.name, line.deputy.level.label, line.deputy.sector, String(line.credit.receptionDays),
                 String(line.quota.receptionDays), String(line.credit.householdVisits), String(line.quota.householdVisits), line.missing]
            }
    }

    /// Writes rows as CSV in UTF-8 with a byte-order mark (WPS and Excel open it as Chinese) through
    /// `write`, then records in the audit log where it went.
    public func exportDutyReport(_ rows: [[String]], title: String, fileName: String, session: Session,
                                 write: ([UInt8]) throws -> Void) throws {
        try write(SheetText.byteOrderMark + Array(CSV.write(rows).utf8))
        try database.write { try audit("duty.export", subject: fileName, detail: "\(title) \(rows.count - 1) 行", session: session) }
    }
}
