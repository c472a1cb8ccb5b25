import LiaisonCore

/// 接待: today's queue, with the duty panel and the selected visit beside it.
final class ReceptionPage: DeskPage {
    let id = DeskScreenID.reception
    private var entries: [(entry: QueueEntry, calledAt: LocalTime?)] = []
    private var filter = RowFilter()
    private var roster: [DutySeat] = []
    private var figures: ReceptionFigures?
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
        roster = try store.dutyRoster(on: now.day)
        figures = try store.receptionFigures(on: now.day)
        filter.setKeys(entries.map { RowFilter.searchKey([$0.entry.residentName, $0.entry.categoryName, $0.entry.visit.problem],
                                                         initials: [$0.entry.residentInitials]) })
    }

    func applyFilter(_ query: String) { filter.apply(query) }

    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine] {
        var lines: [DetailLine] = []
        if let figures {
            lines.append(.heading("今日接待"))
            lines.append(DetailLine("登记 \(figures.received)  等候 \(figures.waiting)  接待中 \(figures.withDeputy)"))
            lines.append(DetailLine("当场答复 \(figures.answeredOnSpot)  立案 \(figures.casesOpened)"))
            lines.append(DetailLine("转介 \(figures.referred)  离开 \(figures.left)"))
            lines.append(DetailLine("平均等候 " + (figures.averageWaitMinutes.map { "\($0) 分钟" } ?? "-")))
            lines.append(DetailLine(""))
        }
        lines.append(.heading("今日值班"))
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

extension ReceptionPage {
    func perform(_ action: Action, row: Int, store: LiaisonStore, session: Session) throws -> PageResponse {
        switch action {
        case .registerVisit:
            return .modal(try FormView(spec: RegistrationForm(store: store)), select: nil)
        case .callNext:
            guard let next = entries.firstIndex(where: { $0.entry.visit.status == .waiting }) else {
                return .message("没有等候的来访", .normal)
            }
            return .modal(try handOff(entries[next].entry, store: store), select: filter.shown.firstIndex(of: next))
        default: break
        }
        guard filter.shown.indices.contains(row) else { return .message("先选中一位来访居民", .warning) }
        let entry = entries[filter.shown[row]].entry
        let visit = entry.visit
        let who = entry.caller
        guard visit.outcome == nil, visit.status != .left else { return .message("\(who) 已\(visit.outcome?.label ?? visit.status.label)", .warning) }
        switch action {
        case .handToDeputy:
            return .modal(try handOff(entry, store: store), select: nil)
        case .answerOnSpot, .openCase, .refer:
            let outcome: VisitOutcome = action == .answerOnSpot ? .answeredOnSpot : action == .openCase ? .caseOpened : .referred
            return .modal(try FormView(spec: VisitClosingForm(store: store, entry: entry, outcome: outcome, session: session)), select: nil)
        case .markLeft:
            guard visit.status == .waiting else { return .message("\(who) 已在接待中", .warning) }
            return .confirm(ConfirmDialog("\(who) 没等到接待就离开了吗？", yes: "记为离开", no: "取消")) {
                try store.markLeft(visitID: visit.id)
                return "\(who) 已记为离开"
            }
        default: return .none
        }
    }

    /// Which deputy receives the resident: today's duty deputies first, the one with the fewest people
    /// in hand at the top.
    private func handOff(_ entry: QueueEntry, store: LiaisonStore) throws -> PickDialog {
        let visit = entry.visit
        let who = entry.caller
        return PickDialog(title: "\(who) 交给哪位代表接待", details: ["反映：\(visit.problem)"],
                          options: ChoiceLists.deputies(try store.receivingDeputies(on: visit.day))) { option in
            try store.handToDeputy(visitID: visit.id, deputyID: Int64(option.value)!)
            return "请\(who) 到 \(option.label) 代表处"
        }
    }
}
