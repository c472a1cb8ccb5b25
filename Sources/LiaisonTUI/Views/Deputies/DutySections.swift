import LiaisonCore

/// 积分申请: duty entries waiting for a supervisor, oldest first; `y` approves, `x` refuses with a reason.
final class DutyApplicationsSection: DeputySection {
    let title = "积分申请"
    let actions: Set<Action> = [.approveDutyEntry, .refuseDutyEntry]
    private let store: LiaisonStore
    private var session = Session.signedOut
    private var entries: [String: DutyLogEntry] = [:]
    private var part = FirstPart()
    var hasMoreToLoad: Bool { !part.loadedAll }
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("日期", width: 5), TableColumn("代表", width: 6, elastic: true), TableColumn("履职", width: 8, elastic: true),
        TableColumn("说明", width: 10, flexible: true, elastic: true),
    ], detailTitle: "申请", emptyText: "没有待审批的积分申请") { [unowned self] id in
        try id.flatMap { self.entries[$0] }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    func signedIn(_ session: Session) { self.session = session }

    func reload() throws {
        let waiting = try store.dutyApplications(limit: part.limit)
        part.loaded(waiting.count)
        entries = Dictionary(uniqueKeysWithValues: waiting.map { ("\($0.id)", $0) })
        rows.setEntries(waiting.map { entry in
            .row("\(entry.id)", [String(entry.day.iso.dropFirst(5)), entry.deputyName, entry.what, entry.note],
                 search: [entry.deputyName, entry.kind.label, entry.note])
        })
    }

    func count() throws -> Int? { try store.dutyApplicationCount() }

    func loadMore() throws {
        part.loadAll()
        try reload()
    }

    func offers(_ action: Action) -> Bool {
        (action == .approveDutyEntry || action == .refuseDutyEntry) && rows.selectedID != nil
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        guard action == .approveDutyEntry || action == .refuseDutyEntry else { return nil }
        guard let id = rows.selectedID, let entry = entries[id] else { return .say("没有待审批的积分申请", .muted) }
        if action == .approveDutyEntry {
            try store.decideDutyEntry(id: entry.id, approve: true, session: desk.session)
            return .saved("已认定：\(entry.deputyName) \(entry.day.iso.dropFirst(5)) \(entry.what)")
        }
        // 不予认定: the reason is what the deputy will read.
        let form = OneLineForm(title: "不予认定积分申请", key: "reason", label: "理由", hint: "如 无活动记录", sideTitle: "申请",
                               side: [DetailLine("\(entry.deputyName) \(entry.day.iso) \(entry.what)"), DetailLine(entry.note)]) { [store] reason in
            try store.decideDutyEntry(id: entry.id, approve: false, reason: reason, session: desk.session)
            return .done("已不予认定 \(entry.deputyName) 的申请：\(reason)")
        }
        return .push(try FormLayer(spec: form, share: rows.share))
    }

    private func detail(of entry: DutyLogEntry) throws -> [DetailLine] {
        let rule = try store.pointRules()[entry.kind]
        let credit = try store.dutyCredit(deputyID: entry.deputyID, year: entry.day.year)
        let count = credit.counts[entry.kind]
        var lines: [DetailLine] = [
            .heading("\(entry.deputyName)  \(entry.what)"),
            DetailLine("日期 \(entry.day.iso) \(entry.day.chineseWeekday)"),
        ]
        if !entry.note.isEmpty { lines.append(DetailLine("说明 \(entry.note)")) }
        if let rule {
            let gain = rule.points(for: count + 1) - rule.points(for: count)
            lines += [DetailLine(""), DetailLine("积分规则：\(rule.label)"),
                      DetailLine("\(entry.day.year) 年已认定 \(count) 次，认定后加 \(gain) 分（现 \(credit.points) 分）")]
        }
        return lines
    }
}

/// The year's points ranking (履职积分排名), ties sharing a rank; `E` writes it as CSV for the 人大工委.
final class PointsRankingSection: DeputySection {
    let title = "积分排名"
    let actions: Set<Action> = [.exportReport]
    private let store: LiaisonStore
    private var ranked: [String: RankedDeputy] = [:]
    private var part = FirstPart()
    var hasMoreToLoad: Bool { !part.loadedAll }
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("名次", width: 4, alignRight: true), TableColumn("姓名", width: 6, elastic: true), TableColumn("级别", width: 4),
        TableColumn("积分", width: 4, alignRight: true), TableColumn("进站", width: 4, alignRight: true),
        TableColumn("走访", width: 4, alignRight: true), TableColumn("界别", width: 8, flexible: true, elastic: true),
    ], detailTitle: "积分构成", emptyText: AdminGuidance.missing(.deputies)) { [unowned self] id in
        try id.flatMap { self.ranked[$0] }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    func reload() throws {
        let ranking = try store.pointsRanking(year: store.today.year, limit: part.limit)
        part.loaded(ranking.lines.count)
        ranked = Dictionary(uniqueKeysWithValues: ranking.lines.map { ("\($0.deputy.id)", $0) })
        rows.setEntries([.heading("\(store.today.year) 年履职积分排名（\(ranking.total) 位）")] + ranking.lines.map { line in
            .row("\(line.deputy.id)", [String(line.rank), line.deputy.name, line.deputy.level.label, String(line.credit.points),
                                       "\(line.credit.receptionDays)天", "\(line.credit.householdVisits)户", line.deputy.sector],
                 search: [line.deputy.name, line.deputy.sector], initials: [line.deputy.nameInitials])
        })
    }

    func loadMore() throws {
        part.loadAll()
        try reload()
    }

    func offers(_ action: Action) -> Bool { action == .exportReport }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        guard action == .exportReport else { return nil }
        let year = store.today.year
        return try DutyReports.export(try store.pointsRankingRows(year: year), title: "\(year)年履职积分排名", store: store, session: desk.session)
    }

    private func detail(of line: RankedDeputy) throws -> [DetailLine] {
        let rules = try store.pointRules()
        var lines: [DetailLine] = [.heading("第 \(line.rank) 名  \(line.deputy.name)  \(line.credit.points) 分")]
        for kind in DutyKind.allCases {
            let count = line.credit.counts[kind]
            guard count > 0, let rule = rules[kind] else { continue }
            lines.append(DetailLine("\(kind.label) \(count) \(kind == .reception ? "天" : "次")：\(rule.points(for: count)) 分", indent: 2))
        }
        if line.credit.pending > 0 { lines.append(DetailLine("另有待审批的申请 \(line.credit.pending) 条，未计入", role: .dueSoon)) }
        lines += [DetailLine(""), DetailLine("积分相同的名次相同；只计已认定的登记。", role: .muted)]
        return lines
    }
}

/// 未达年度要求: the deputies short of any quota this year with what is missing (for 述职评议); `E` writes CSV.
final class QuotaShortfallSection: DeputySection {
    let title = "未达要求"
    let actions: Set<Action> = [.exportReport]
    private let store: LiaisonStore
    private var lines: [String: QuotaShortfall] = [:]
    private var part = FirstPart()
    var hasMoreToLoad: Bool { !part.loadedAll }
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("姓名", width: 6, elastic: true), TableColumn("级别", width: 4), TableColumn("进站", width: 6, alignRight: true),
        TableColumn("走访", width: 6, alignRight: true), TableColumn("差额", width: 12, flexible: true, elastic: true),
    ], detailTitle: "年度要求", emptyText: "今年每位代表都已达到年度要求") { [unowned self] id in
        id.flatMap { self.lines[$0] }.map(Self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    func reload() throws {
        let short = try store.quotaShortfalls(year: store.today.year, limit: part.limit)
        part.loaded(short.lines.count)
        lines = Dictionary(uniqueKeysWithValues: short.lines.map { ("\($0.deputy.id)", $0) })
        rows.setEntries([.heading("\(store.today.year) 年未达年度要求（\(short.total) 位）")] + short.lines.map { line in
            .row("\(line.deputy.id)", [line.deputy.name, line.deputy.level.label, "\(line.credit.receptionDays)/\(line.quota.receptionDays)天",
                                       "\(line.credit.householdVisits)/\(line.quota.householdVisits)户", line.missing],
                 role: .dueSoon, search: [line.deputy.name, line.deputy.sector], initials: [line.deputy.nameInitials])
        })
    }

    func loadMore() throws {
        part.loadAll()
        try reload()
    }

    func offers(_ action: Action) -> Bool { action == .exportReport }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        guard action == .exportReport else { return nil }
        let year = store.today.year
        return try DutyReports.export(try store.quotaShortfallRows(year: year), title: "\(year)年未达年度要求代表", store: store,
                                      session: desk.session)
    }

    private static func detail(of line: QuotaShortfall) -> [DetailLine] {
        [.heading("\(line.deputy.name)  \(line.deputy.level.label)人大代表"),
         DetailLine("进站接待 \(line.credit.receptionDays) 天，要求不少于 \(line.quota.receptionDays) 天"),
         DetailLine("走访选民 \(line.credit.householdVisits) 户，要求不少于 \(line.quota.householdVisits) 户"),
         DetailLine(line.missing, role: .dueSoon), DetailLine(""),
         DetailLine("年度要求按本站设置中这一级代表的要求；只计已认定的登记。", role: .muted)]
    }
}

/// The CSV the ranking and the shortfall write beside the database.
enum DutyReports {
    static func export(_ rows: [[String]], title: String, store: LiaisonStore, session: Session) throws -> Reaction {
        let file = "\(title)-\(BesideDatabase.stamp(store)).csv"
        if let failed = try BesideDatabase.write(file, store: store, export: { path, write in
            try store.exportDutyReport(rows, title: title, fileName: path, session: session, write: write)
        }) { return failed }
        return .say("已写入数据库所在目录：\(file)（\(rows.count - 1) 行，UTF-8 带 BOM，Excel/WPS 可直接打开）")
    }
}
