import LiaisonCore

/// 联系群众: the deputies asked to keep in touch with residents every month (county 5, township 3 by
/// default), those behind this month first; the detail lists their residents. `u` gives a deputy a
/// resident, `U` ends one, `t` logs a contact (a raised problem may become a case at once).
final class ContactSection: DeputySection {
    let title = "联系群众"
    let actions: Set<Action> = [.assignResident, .endAssignment, .logContact]
    private let store: LiaisonStore
    private var session = Session.signedOut
    private var standings: [String: ContactStanding] = [:]
    private var part = FirstPart()
    var hasMoreToLoad: Bool { !part.loadedAll }
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("姓名", width: 6, elastic: true), TableColumn("级别", width: 4), TableColumn("本月", width: 6, alignRight: true),
        TableColumn("情况", width: 12, flexible: true, elastic: true),
    ], detailTitle: "联系名单", emptyText: "没有需要联系群众的代表（本站设置中各级代表每月联系人数）") { [unowned self] id in
        try id.flatMap { self.standings[$0] }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    func signedIn(_ session: Session) { self.session = session }

    /// A deputy signed in sees themself.
    private var onlyDeputy: Int64? { session.role == .deputy ? session.deputyID ?? -1 : nil }

    func reload() throws {
        let today = store.today
        let (part, behindCount) = try store.contactStandings(deputyID: onlyDeputy, limit: self.part.limit)
        self.part.loaded(part.lines.count)
        standings = Dictionary(uniqueKeysWithValues: part.lines.map { ("\($0.deputy.id)", $0) })
        var entries: [ListEntry] = []
        for (heading, group) in [("\(today.month) 月未联系到位（\(behindCount)）", part.lines.filter(\.isBehind)),
                                 ("已联系到位（\(part.total - behindCount)）", part.lines.filter { !$0.isBehind })]
        where !group.isEmpty {
            entries.append(.heading(heading, role: group.first?.isBehind == true ? .dueSoon : .header))
            entries += group.map { standing in
                .row("\(standing.deputy.id)", [standing.deputy.name, standing.deputy.level.label, "\(standing.contacted)/\(standing.assigned)",
                                               standing.isBehind ? standing.missing : "本月已联系"],
                     role: standing.isBehind ? .dueSoon : .normal, search: [standing.deputy.name], initials: [standing.deputy.nameInitials])
            }
        }
        rows.setEntries(entries)
    }

    func count() throws -> Int? {
        try store.contactStandings(deputyID: onlyDeputy, limit: 0).behind
    }

    func loadMore() throws {
        part.loadAll()
        try reload()
    }

    private var selected: ContactStanding? { rows.selectedID.flatMap { standings[$0] } }

    func offers(_ action: Action) -> Bool {
        switch action {
        case .assignResident: selected != nil
        case .logContact, .endAssignment: (selected?.assigned ?? 0) > 0
        default: false
        }
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        guard [.assignResident, .logContact, .endAssignment].contains(action) else { return nil }
        guard let standing = selected else { return .say("先选中一位代表", .warning) }
        let kept = try store.contactAssignments(deputyID: standing.deputy.id)
        switch action {
        case .assignResident:
            return .push(try FormLayer(spec: AssignResidentForm(store: store, session: desk.session, deputy: standing.deputy), share: rows.share))
        case .logContact:
            guard !kept.isEmpty else { return .say("\(standing.deputy.name) 还没有分配联系群众（u 分配）", .warning) }
            return .push(try FormLayer(spec: ContactForm(store: store, session: desk.session, deputy: standing.deputy, kept: kept),
                                       share: rows.share))
        default:
            guard !kept.isEmpty else { return .say("\(standing.deputy.name) 还没有分配联系群众", .warning) }
            return .push(PickLayer(title: "\(standing.deputy.name) 不再联系哪一位", details: ["已登记的联系记录保留"],
                                   options: kept.map { ChoiceOption(value: "\($0.assignmentID)", label: $0.name, note: $0.maskedPhone) }) { [store] option in
                try store.endAssignment(Int64(option.value) ?? 0, session: desk.session)
                return .saved("\(standing.deputy.name) 不再联系 \(option.label)")
            })
        }
    }

    private func detail(of standing: ContactStanding) throws -> [DetailLine] {
        let today = store.today
        var lines: [DetailLine] = [
            .heading("\(standing.deputy.name)  \(standing.deputy.level.label)人大代表"),
            DetailLine("每月应联系 \(standing.required) 人，已分配 \(standing.assigned) 人，本月已联系 \(standing.contacted) 人",
                       role: standing.isBehind ? .dueSoon : .normal),
            DetailLine(""),
        ]
        lines += try store.contactAssignments(deputyID: standing.deputy.id).map { kept in
            DetailLine("\(kept.name) \(kept.maskedPhone) \(kept.community) " + (kept.lastContact.map { "上次 \($0.iso)" } ?? "未联系过"),
                       role: kept.contacted(inMonthOf: today) ? .normal : .dueSoon, indent: 2)
        }
        return lines
    }
}
