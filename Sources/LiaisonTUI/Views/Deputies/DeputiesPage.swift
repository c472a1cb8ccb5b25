import LiaisonCore

/// 代表: every deputy attached to the station, with the selected deputy's cases and duty record.
final class DeputiesPage: Page {
    /// s cycles through them: pinyin, 姓氏笔画 (the official rosters' order), level.
    enum Sort: CaseIterable {
        case pinyin, strokes, level
        var column: Int { self == .level ? 1 : 0 }
        var label: String {
            switch self {
            case .pinyin: "按拼音"
            case .strokes: "按姓氏笔画"
            case .level: "按级别"
            }
        }
        var next: Sort { Sort.allCases[(Sort.allCases.firstIndex(of: self)! + 1) % Sort.allCases.count] }
    }

    let id = DeskScreenID.deputies
    private let store: LiaisonStore
    private var deputies: [Deputy] = []
    private(set) var sort = Sort.pinyin
    /// A district lists thousands: the first screenful in pinyin order comes at once, the rest when no
    /// key waits (as the board does). A reload loads as much as was loaded before.
    static let firstPart = 60
    private var loadedAll = false
    var hasMoreToLoad: Bool { !loadedAll }
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("姓名", width: 6, elastic: true), TableColumn("级别", width: 4), TableColumn("界别", width: 8, elastic: true),
        TableColumn("选区", width: 10, flexible: true, elastic: true), TableColumn("小组", width: 8, elastic: true),
    ], detailTitle: "代表详情", emptyText: AdminGuidance.missing(.deputies), sortColumn: sort.column) { [unowned self] id in
        try id.flatMap { id in self.deputies.first { String($0.id) == id } }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { rows }

    func reload() throws {
        deputies = try store.deputies(limit: loadedAll ? -1 : DeputiesPage.firstPart, inStrokeOrder: sort == .strokes)
        loadedAll = loadedAll || deputies.count < DeputiesPage.firstPart
        // None in use is not none at all when a term's deputies were deactivated.
        let deactivated = try deputies.isEmpty && !store.deputies(includeInactive: true, limit: 1).isEmpty
        rows.emptyText = deactivated ? AdminGuidance.allDeactivated(.deputies) : AdminGuidance.missing(.deputies)
        order()
    }

    func loadMore() throws {
        loadedAll = true
        try reload()
    }

    private func order() {
        let levels = DeputyLevel.allCases
        // Stable: within a level, or a name, the pinyin order the store returned.
        let ordered: [Deputy]
        switch sort {
        // Pinyin and strokes come in order from the store, a first screenful at once.
        case .pinyin, .strokes: ordered = deputies
        case .level:
            ordered = deputies.enumerated().sorted {
                (levels.firstIndex(of: $0.element.level) ?? 0, $0.offset) < (levels.firstIndex(of: $1.element.level) ?? 0, $1.offset)
            }.map(\.element)
        }
        rows.sortColumn = sort.column
        if !conditions.isEmpty { rows.emptyText = "没有符合条件的代表（c 清除条件）" }
        rows.setEntries(ordered.filter(meets).map { deputy in
            .row(String(deputy.id), [deputy.name, deputy.level.label, deputy.sector, deputy.constituency, deputy.group],
                 role: deputy.active ? .normal : .muted,
                 search: [deputy.name, deputy.sector, deputy.constituency, deputy.group, deputy.level.label], initials: [deputy.nameInitials])
        })
    }

    /// The conditions in force (F): level, sector, group, short of this year's quota; all must hold.
    struct Conditions: Equatable {
        var level: DeputyLevel?
        var sector: String?
        var group: String?
        var shortOfQuota = false
        var isEmpty: Bool { self == Conditions() }

        var label: String {
            [level?.label, sector, group, shortOfQuota ? "未达年度要求" : nil].compactMap { $0 }.joined(separator: "、")
        }
    }

    private var conditions = Conditions()
    /// This year's duty of every deputy and each level's quota, read when the conditions ask about quotas.
    private var credits: [Int64: DutyCredit] = [:]
    private var quotas: [DeputyLevel: AnnualQuota] = [:]

    func offers(_ action: Action) -> Bool { action != .clearFilter || !conditions.isEmpty }

    var status: DeskMessage? {
        rows.status ?? (conditions.isEmpty ? nil : DeskMessage("条件：\(conditions.label)（\(rows.shownRowCount) 位，c 清除）", .muted))
    }

    private func meets(_ deputy: Deputy) -> Bool {
        if let level = conditions.level, deputy.level != level { return false }
        if let sector = conditions.sector, deputy.sector != sector { return false }
        if let group = conditions.group, deputy.group != group { return false }
        if conditions.shortOfQuota {
            let credit = credits[deputy.id] ?? DutyCredit(receptionDays: 0, visitsReceived: 0, householdVisits: 0, points: 0)
            return (quotas[deputy.level] ?? .standard).shortfall(of: credit) != nil
        }
        return true
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .filterByConditions:
            return .push(try FormLayer(spec: DeputyFilterForm(store: store, conditions: conditions) { [self] chosen in
                conditions = chosen
                // Conditions look at every deputy.
                credits = chosen.shortOfQuota ? try store.dutyCredits(year: store.today.year) : [:]
                quotas = try store.settings().quotas
                if !loadedAll { try loadMore() } else { try reload() }
            }, share: rows.share))
        case .clearFilter:
            guard !conditions.isEmpty else { return .say("没有筛选条件", .muted) }
            conditions = Conditions()
            try reload()
            return .say("已清除筛选条件", .muted)
        case .cycleSort: break
        default: return rows.handle(action)
        }
        sort = sort.next
        // The order by level needs every deputy; the others come sorted from the store.
        if sort == .level && !loadedAll { try loadMore() } else { try reload() }
        return .say("代表名单已\(sort.label)排序")
    }

    func prepare(_ body: BodyArea) throws { try rows.prepare(body) }
    func render(on screen: Screen, body: BodyArea) { rows.render(on: screen, body: body) }

    private func detail(of deputy: Deputy) throws -> [DetailLine] {
        let profile = try store.deputyProfile(deputy)
        let duty = profile.dutyThisYear
        let quota = profile.quota
        var lines: [DetailLine] = [
            .heading("\(deputy.name)  \(deputy.level.label)人大代表"),
            DetailLine("界别 \(deputy.sector)"),
            DetailLine("选区 \(deputy.constituency)"),
            DetailLine("小组 \(deputy.group)  电话 \(deputy.phone)"),
            DetailLine(""),
            .heading("诉求"),
            DetailLine("未办结 \(profile.openCases) 件，逾期 \(profile.overdueCases) 件", role: profile.overdueCases > 0 ? .overdue : .normal),
            DetailLine(""),
            .heading("\(store.today.year) 年履职"),
            DetailLine("进站接待 \(duty.receptionDays) 天（不少于 \(quota.receptionDays) 天），接待群众 \(duty.visitsReceived) 人",
                       role: quota.receptionMet(by: duty) ? .normal : .dueSoon),
            DetailLine("走访选民 \(duty.householdVisits) 户（不少于 \(quota.householdVisits) 户）",
                       role: quota.householdVisitsMet(by: duty) ? .normal : .dueSoon),
            DetailLine("履职积分 \(duty.points) 分"),
        ]
        if !profile.recentDuty.isEmpty {
            lines += [DetailLine(""), .heading("履职登记")]
            // A reception's points come by the day, so its entries show none.
            lines += profile.recentDuty.map {
                DetailLine("\($0.day.iso.dropFirst(5)) \($0.kind.label) " + ($0.points > 0 ? "+\($0.points) " : "") + $0.note)
            }
        }
        return lines
    }
}
