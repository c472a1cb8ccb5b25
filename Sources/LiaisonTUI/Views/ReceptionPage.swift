import LiaisonCore

/// 接待: today's queue, with the duty panel and the selected visit beside it.
final class ReceptionPage: DeskPage {
    let id = DeskScreenID.reception
    private var entries: [(entry: QueueEntry, calledAt: LocalTime?)] = []
    private var filter = RowFilter()
    private var roster: [RosterEntry] = []
    private var now = LocalTime(day: Day(ordinal: 0))

    let columns = [
        TableColumn("号", width: 3, alignRight: true), TableColumn("居民", width: 6), TableColumn("电话", width: 11),
        TableColumn("类别", width: 6), TableColumn("等候", width: 5, alignRight: true), TableColumn("状态", width: 8),
        TableColumn("接待代表", width: 6, flexible: true),
    ]
    let detailTitle = "今日值班与来访详情"
    var listShare: Int { 67 }
    var emptyText: String { "今天还没有来访登记" }


    var rows: [TableRow] {
        filter.shown.map { index in
            let (entry, calledAt) = entries[index]
            let visit = entry.visit
            let minutes = entry.minutesWaited(now: now, calledAt: calledAt)
            let role: TextRole
            switch visit.status {
            case .waiting: role = minutes >= 30 ? .dueSoon : .normal
            case .withDeputy: role = .normal
            case .done, .left: role = .muted
            }
            let waited = visit.status == .waiting || calledAt != nil ? "\(minutes)分" : "-"
            return TableRow(["\(visit.queueNumber)", entry.residentName, entry.maskedPhone, entry.categoryName,
                             waited, visit.outcome?.label ?? visit.status.label, entry.deputyName], role: role)
        }
    }

    func reload(from store: LiaisonStore) throws {
        now = store.clock.now()
        entries = try store.queueEntries(on: now.day)
        roster = try store.roster(on: now.day)
        filter.setKeys(entries.map { RowFilter.searchKey([$0.entry.residentName, $0.entry.categoryName, $0.entry.visit.problem],
                                                         initials: [$0.entry.residentInitials]) })
    }

    func applyFilter(_ query: String) { filter.apply(query) }

    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine] {
        var lines = [DetailLine.heading("今日值班")]
        if roster.isEmpty {
            lines.append(DetailLine("今天没有排值班", role: .muted))
        }
        for seat in roster {
            let who = seat.legalOfficerRole.map { "\($0.label) \(seat.organization)" } ?? "代表 \(seat.role.label)"
            lines.append(DetailLine("\(seat.name)  \(who)"))
        }
        guard filter.shown.indices.contains(row) else { return lines }
        let (entry, calledAt) = entries[filter.shown[row]]
        let visit = entry.visit
        lines.append(DetailLine(""))
        lines.append(.heading("第 \(visit.queueNumber) 号  \(entry.residentName)"))
        lines.append(DetailLine("电话 \(entry.maskedPhone)  \(visit.channel.label)"))
        var timing = "到达 \(visit.arrivedAt.clockText)"
        if let calledAt { timing += "  接待 \(calledAt.clockText)" }
        lines.append(DetailLine(timing))
        lines.append(DetailLine("状态 \(visit.outcome?.label ?? visit.status.label)"
                                + (entry.deputyName.isEmpty ? "" : "  代表 \(entry.deputyName)")))
        if !entry.categoryName.isEmpty { lines.append(DetailLine("类别 \(entry.categoryName)")) }
        lines.append(DetailLine(""))
        lines.append(.heading("反映问题"))
        lines += visit.problem.wrapped(to: width).map { DetailLine($0) }
        return lines
    }
}
