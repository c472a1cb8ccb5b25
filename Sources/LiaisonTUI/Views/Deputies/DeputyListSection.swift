import LiaisonCore

/// 名单: every deputy attached to the station, with the selected deputy's cases, duty and the residents
/// they keep in touch with. `s` sorts by pinyin, surname strokes (the official rosters' order), level or
/// this year's points; `F` filters; `l` enters a duty entry; `o` opens one of their cases on the board.
final class DeputyListSection: DeputySection {
    enum Sort: CaseIterable {
        case pinyin, strokes, level, points
        /// The store's order; by points, the store gives stroke order and the section sorts by points.
        var stored: DeputyOrder {
            switch self {
            case .pinyin: .pinyin
            case .strokes, .points: .strokes
            case .level: .level
            }
        }
        var column: Int {
            switch self {
            case .pinyin, .strokes: 0
            case .level: 1
            case .points: 5
            }
        }
        var label: String {
            switch self {
            case .pinyin: "按拼音"
            case .strokes: "按姓氏笔画"
            case .level: "按级别"
            case .points: "按今年积分"
            }
        }
        var next: Sort { Sort.allCases[(Sort.allCases.firstIndex(of: self)! + 1) % Sort.allCases.count] }
    }

    let title = "名单"
    let actions: Set<Action> = [.cycleSort, .filterByConditions, .clearFilter, .logDutyEntry, .openCaseOnBoard]
    private let store: LiaisonStore
    private var session = Session.signedOut
    private var deputies: [Deputy] = []
    private(set) var sort = Sort.pinyin
    /// In pinyin, stroke or level order the first screenful comes at once; by points, every deputy.
    private var part = FirstPart()
    var hasMoreToLoad: Bool { !part.loadedAll }
    /// This year's duty of the deputies loaded, for the points column and the quota condition.
    private var credits: [Int64: DutyCredit] = [:]
    private var quotas: [DeputyLevel: AnnualQuota] = [:]
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("姓名", width: 6, elastic: true), TableColumn("级别", width: 4), TableColumn("界别", width: 8, elastic: true),
        TableColumn("选区", width: 10, flexible: true, elastic: true), TableColumn("小组", width: 8, elastic: true),
        TableColumn("积分", width: 4, alignRight: true),
    ], detailTitle: "代表详情", emptyText: AdminGuidance.missing(.deputies), sortColumn: sort.column) { [unowned self] id in
        try id.flatMap { id in self.deputies.first { String($0.id) == id } }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    func signedIn(_ session: Session) { self.session = session }

    func reload() throws {
        deputies = try store.deputies(limit: part.limit, order: sort.stored)
        part.loaded(deputies.count)
        credits = try store.dutyCredits(year: store.today.year, deputyIDs: part.loadedAll ? nil : deputies.map(\.id))
        quotas = try store.settings().quotas
        // None in use is not none at all when a term's deputies were deactivated.
        let deactivated = try deputies.isEmpty && !store.deputies(includeInactive: true, limit: 1).isEmpty
        rows.emptyText = deactivated ? AdminGuidance.allDeactivated(.deputies) : AdminGuidance.missing(.deputies)
        order()
    }

    func loadMore() throws {
        part.loadAll()
        try reload()
    }

    private func points(_ deputy: Deputy) -> Int { credits[deputy.id]?.points ?? 0 }

    private func order() {
        var ordered = deputies
        if sort == .points {
            // Stable: equal scores keep the stroke order the store returned.
            let scores = deputies.map(points)
            ordered = deputies.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.map { deputies[$0] }
        }
        rows.sortColumn = sort.column
        if !conditions.isEmpty { rows.emptyText = "没有符合条件的代表（c 清除条件）" }
        rows.setEntries(ordered.filter(meets).map { deputy in
            .row(String(deputy.id), [deputy.name, deputy.level.label, deputy.sector, deputy.constituency, deputy.group, String(points(deputy))],
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

    func offers(_ action: Action) -> Bool {
        switch action {
        case .cycleSort, .filterByConditions: true
        case .clearFilter: !conditions.isEmpty
        case .logDutyEntry: selected.map { session.role != .deputy || session.deputyID == $0.id } ?? false
        case .openCaseOnBoard: selected != nil
        default: false
        }
    }

    var status: DeskMessage? {
        rows.status ?? (conditions.isEmpty ? nil : DeskMessage("条件：\(conditions.label)（\(rows.shownRowCount) 位，c 清除）", .muted))
    }

    private var selected: Deputy? { rows.selectedID.flatMap { id in deputies.first { String($0.id) == id } } }

    private func meets(_ deputy: Deputy) -> Bool {
        if let level = conditions.level, deputy.level != level { return false }
        if let sector = conditions.sector, deputy.sector != sector { return false }
        if let group = conditions.group, deputy.group != group { return false }
        if conditions.shortOfQuota {
            return (quotas[deputy.level] ?? .standard(for: deputy.level)).shortfall(of: credits[deputy.id] ?? DutyCredit()) != nil
        }
        return true
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .filterByConditions:
            return .push(try FormLayer(spec: DeputyFilterForm(store: store, conditions: conditions) { [self] chosen in
                conditions = chosen
                // Conditions look at every deputy.
                if !part.loadedAll { try loadMore() } else { try reload() }
            }, share: rows.share))
        case .clearFilter:
            guard !conditions.isEmpty else { return .say("没有筛选条件", .muted) }
            conditions = Conditions()
            try reload()
            return .say("已清除筛选条件", .muted)
        case .cycleSort:
            sort = sort.next
            // The order by points needs every deputy; the others come sorted from the store.
            if sort == .points && !part.loadedAll { try loadMore() } else { try reload() }
            return .say("代表名单已\(sort.label)排序")
        case .logDutyEntry:
            guard let deputy = selected else { return .say("先选中一位代表", .warning) }
            return .push(try FormLayer(spec: DutyEntryForm(store: store, session: desk.session, deputy: deputy), share: rows.share))
        case .openCaseOnBoard:
            guard let deputy = selected else { return .say("先选中一位代表", .warning) }
            let cases = try store.openCases(ofDeputy: deputy.id)
            guard !cases.isEmpty else { return .say("\(deputy.name) 没有未办结的诉求", .muted) }
            return .push(PickLayer(title: "\(deputy.name) 的未办结诉求（\(cases.count) 件）", details: ["Enter 在督办页打开"],
                                   options: cases.map { ChoiceOption(value: "\($0.id)", label: "\($0.code) \($0.title)", note: $0.status.label) }) { option in
                Reaction(switchTo: .board, reveal: option.value)
            })
        default: return nil
        }
    }

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
            DetailLine("未办结 \(profile.openCases) 件，逾期 \(profile.overdueCases) 件" + (profile.openCases > 0 ? "（o 打开）" : ""),
                       role: profile.overdueCases > 0 ? .overdue : .normal),
            DetailLine(""),
            .heading("\(store.today.year) 年履职  积分 \(duty.points)"),
            DetailLine("进站接待 \(duty.receptionDays)/\(quota.receptionDays) 天，接待群众 \(duty.visitsReceived) 人",
                       role: quota.receptionMet(by: duty) ? .normal : .dueSoon),
            DetailLine("走访选民 \(duty.householdVisits)/\(quota.householdVisits) 户",
                       role: quota.householdVisitsMet(by: duty) ? .normal : .dueSoon),
        ]
        let others = DutyKind.entered.filter { $0 != .householdVisit && duty.counts[$0] > 0 }
        if !others.isEmpty { lines.append(DetailLine(others.map { "\($0.label) \(duty.counts[$0]) 次" }.joined(separator: "，"))) }
        if duty.pending > 0 { lines.append(DetailLine("待审批的积分申请 \(duty.pending) 条", role: .dueSoon)) }
        if !profile.recentDuty.isEmpty {
            lines += [DetailLine(""), .heading("履职登记")]
            lines += profile.recentDuty.map { entry in
                DetailLine("\(entry.day.iso.dropFirst(5)) \(entry.what)" + (entry.status == .approved ? "" : "（\(entry.status.label)）")
                           + (entry.note.isEmpty ? "" : " \(entry.note)"), role: entry.status == .refused ? .muted : .normal)
            }
        }
        if quota.contacts > 0 || !profile.contactAssignments.isEmpty {
            let today = store.today
            let contacted = profile.contactAssignments.filter { $0.contacted(inMonthOf: today) }.count
            lines += [DetailLine(""), .heading("联系群众  本月 \(contacted)/\(profile.contactAssignments.count) 人（应联系 \(quota.contacts) 人）")]
            lines += profile.contactAssignments.map { kept in
                DetailLine("\(kept.name) \(kept.maskedPhone) " + (kept.lastContact.map { "上次 \($0.iso.dropFirst(5))" } ?? "未联系过"),
                           role: kept.contacted(inMonthOf: today) ? .normal : .dueSoon)
            }
        }
        return lines
    }
}
