import LiaisonCore

/// 接待: today's queue, with the day's figures, the duty roster and the selected visit beside it.
final class ReceptionPage: Page {
    let id = DeskScreenID.reception
    private let store: LiaisonStore
    private var visits: [String: (entry: QueueEntry, calledAt: LocalTime?)] = [:]
    private var order: [String] = []
    private var dutyRoster: [DutySeat] = []
    private var figures: ReceptionFigures?
    private var now = LocalTime(day: Day(ordinal: 0))
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("号", width: 3, alignRight: true), TableColumn("居民", width: 6, elastic: true),
        TableColumn("电话", width: 11), TableColumn("类别", width: 6, elastic: true),
        TableColumn("等候", width: 5, alignRight: true), TableColumn("状态", width: 8),
        TableColumn("接待代表", width: 6, flexible: true, elastic: true),
    ], detailTitle: "今日值班与来访详情", emptyText: "今天还没有来访登记", share: 67) { [unowned self] id in
        self.detail(of: id)
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { rows }

    func reload() throws {
        now = store.clock.now()
        let queue = try store.queueEntries(on: now.day)
        dutyRoster = try store.dutyRoster(on: now.day)
        figures = try store.receptionFigures(on: now.day)
        order = queue.map { "\($0.entry.visit.id)" }
        visits = Dictionary(uniqueKeysWithValues: zip(order, queue))
        rows.setEntries(queue.map { entry, calledAt in
            let visit = entry.visit
            let minutes = entry.minutesWaited(now: now, calledAt: calledAt)
            let role: TextRole
            switch visit.status {
            case .waiting: role = minutes >= 30 ? .dueSoon : .normal
            case .withDeputy: role = .normal
            case .done, .left: role = .muted
            }
            let waited = visit.status == .waiting || calledAt != nil ? "\(minutes)分" : "-"
            return .row("\(visit.id)", ["\(visit.queueNumber)", entry.residentName, entry.maskedPhone, entry.categoryName, waited,
                                        visit.outcome?.label ?? visit.status.label, entry.deputyName],
                        role: role, search: [entry.residentName, entry.categoryName, visit.problem], initials: [entry.residentInitials])
        })
    }

    /// A number shown whole after the reveal key: for that visit's resident only, hidden again as soon
    /// as the selection leaves it.
    private var revealed: (visitID: String, field: ResidentField, value: String)?

    func prepare(_ body: BodyArea) throws {
        if let shown = revealed, shown.visitID != rows.selectedID {
            revealed = nil
            rows.forgetDetail(of: shown.visitID)
        }
        try rows.prepare(body)
    }
    func render(on screen: Screen, body: BodyArea) { rows.render(on: screen, body: body) }

    /// The day at a glance, the duty roster, then the selected visit.
    private func detail(of id: String?) -> [DetailLine] {
        var lines: [DetailLine] = []
        if let figures {
            lines.append(.heading("今日接待"))
            lines.append(DetailLine("登记 \(figures.received)  等候 \(figures.waiting)  接待中 \(figures.withDeputy)"))
            lines.append(DetailLine("当场答复 \(figures.answeredOnSpot)  立案 \(figures.casesOpened)"))
            lines.append(DetailLine("转介 \(figures.referred)  过号 \(figures.noShow)  离开 \(figures.left)"))
            lines.append(DetailLine("平均等候 " + (figures.averageWaitMinutes.map { "\($0) 分钟" } ?? "-")))
            lines.append(DetailLine(""))
        }
        lines.append(.heading("今日值班"))
        if dutyRoster.isEmpty { lines.append(DetailLine("今天没有排值班", role: .muted)) }
        lines += dutyRoster.map { DetailLine($0.line) }
        guard let id, let (entry, calledAt) = visits[id] else { return lines }
        let visit = entry.visit
        var timing = "到达 \(visit.arrivedAt.clockText)"
        if let calledAt { timing += "  接待 \(calledAt.clockText)" }
        let shown = revealed?.visitID == id ? revealed : nil
        let phone = shown?.field == .phone ? shown!.value : entry.maskedPhone
        lines += [DetailLine(""), .heading("第 \(visit.queueNumber) 号  \(entry.residentName)"),
                  DetailLine("电话 \(phone)  \(visit.channel.label)", role: shown?.field == .phone ? .warning : .normal)]
        if let shown, shown.field == .idNumber { lines.append(DetailLine("身份证号 \(shown.value)", role: .warning)) }
        lines += [DetailLine(timing),
                  DetailLine("状态 \(visit.outcome?.label ?? visit.status.label)" + (entry.deputyName.isEmpty ? "" : "  代表 \(entry.deputyName)"))]
        if !entry.categoryName.isEmpty { lines.append(DetailLine("类别 \(entry.categoryName)")) }
        lines += [DetailLine(""), .heading("反映问题"), DetailLine(visit.problem)]
        return lines
    }

    // MARK: The clerk's actions

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .registerVisit:
            return .push(try FormLayer(spec: RegistrationForm(store: store, session: desk.session), share: rows.share))
        case .callNext:
            guard let next = order.first(where: { visits[$0]?.entry.visit.status == .waiting }), let entry = visits[next]?.entry else {
                return .say("没有等候的来访")
            }
            rows.select(id: next)
            return try handOff(entry, session: desk.session, calling: true)
        case .requeue:
            guard let entry = rows.selectedID.flatMap({ visits[$0]?.entry }) else { return .say("先选中一位来访居民", .warning) }
            try store.requeue(visitID: entry.visit.id, expectedVersion: entry.visit.version, session: desk.session)
            return .saved("\(entry.caller) 重新排队等候")
        case .revealPhone, .revealIDNumber:
            guard let id = rows.selectedID, let entry = visits[id]?.entry else { return .say("先选中一位来访居民", .warning) }
            let field: ResidentField = action == .revealPhone ? .phone : .idNumber
            guard let value = try store.reveal(field, ofResident: entry.visit.residentID, session: desk.session) else {
                return .say("\(entry.residentName) 没有登记\(field.label)", .muted)
            }
            revealed = (id, field, value)
            rows.forgetDetail(of: id)
            return .say("已显示 \(entry.residentName) 的完整\(field.label)（已记入审计日志），移开即隐藏", .muted)
        case .anonymize:
            guard let entry = rows.selectedID.flatMap({ visits[$0]?.entry }) else { return .say("先选中一位来访居民", .warning) }
            let residentID = entry.visit.residentID
            let session = desk.session
            let question = Question("匿名化 \(entry.residentName) 吗？",
                                    details: ["应本人要求：姓名只留姓（如 王某），电话、身份证号和住址删除，不能恢复。",
                                              "来访和诉求都保留，各项统计不变。"],
                                    yes: "匿名化", no: "取消", destructive: true)
            return .push(QuestionLayer(question, yes: { [self] in
                try store.anonymizeResident(id: residentID, session: session)
                // A number shown before is no one's to see now.
                revealed = nil
                return .saved("已匿名化这位居民")
            }))
        case .handToDeputy, .answerOnSpot, .openCase, .refer, .markLeft, .markNoShow:
            return try act(action, on: rows.selectedID.flatMap { visits[$0]?.entry }, session: desk.session)
        default:
            return rows.handle(action)
        }
    }

    private func act(_ action: Action, on selected: QueueEntry?, session: Session) throws -> Reaction {
        guard let entry = selected else { return .say("先选中一位来访居民", .warning) }
        let visit = entry.visit
        let who = entry.caller
        guard visit.outcome == nil, visit.status != .left else { return .say("\(who) 已\(visit.outcome?.label ?? visit.status.label)", .warning) }
        switch action {
        case .handToDeputy:
            return try handOff(entry, session: session, calling: false)
        case .markLeft:
            guard visit.status == .waiting else { return .say("\(who) 已在接待中", .warning) }
            let question = Question("\(who) 没等到接待就离开了吗？", yes: "记为离开", no: "取消", destructive: true)
            return .push(QuestionLayer(question, yes: { [store] in
                try store.markLeft(visitID: visit.id, expectedVersion: visit.version, session: session)
                return .saved("\(who) 已记为离开")
            }))
        case .markNoShow:
            guard visit.status == .withDeputy else { return .say("\(who) 还没有叫号", .warning) }
            let question = Question("\(who) 叫号后没有到代表处吗？", details: ["记为过号；本人回来时按 u 重新排队。"],
                                    yes: "记为过号", no: "取消", destructive: true)
            return .push(QuestionLayer(question, yes: { [store] in
                try store.markNoShow(visitID: visit.id, expectedVersion: visit.version, session: session)
                return .saved("\(who) 已记为过号")
            }))
        default:
            let way: VisitClosingForm.Way = action == .answerOnSpot ? .answer : action == .openCase ? .openCase : .refer
            // An answer and a case name a deputy: a station with none yet is told how to add them.
            if way != .refer, try store.receivingDeputies(on: visit.day).isEmpty { return .say(AdminGuidance.missing(.deputies), .warning) }
            return .push(try FormLayer(spec: VisitClosingForm(store: store, entry: entry, way: way, session: session),
                                       share: rows.share))
        }
    }

    /// Which deputy receives the resident: today's duty deputies first, the one with the fewest people
    /// in hand at the top. The visit goes as it was seen: when another terminal called the same person a
    /// moment before, the clerk is told who has them and, when calling, is offered the next.
    private func handOff(_ entry: QueueEntry, session: Session, calling: Bool) throws -> Reaction {
        let visit = entry.visit
        let who = entry.caller
        let deputies = try store.receivingDeputies(on: visit.day)
        guard !deputies.isEmpty else { return .say(AdminGuidance.missing(.deputies), .warning) }
        return .push(PickLayer(title: "\(who) 交给哪位代表接待", details: ["反映：\(visit.problem)"],
                               options: ChoiceLists.deputies(deputies)) { [self] option in
            guard let deputyID = Int64(option.value) else { return .handled }
            do {
                try store.handToDeputy(visitID: visit.id, deputyID: deputyID, expectedVersion: visit.version, session: session)
            } catch DomainError.visitChanged(let what) where calling {
                let next = try store.queueEntries(on: visit.day).first { $0.entry.visit.status == .waiting }?.entry
                var reaction = try next.map { try handOff($0, session: session, calling: true) } ?? .handled
                reaction.message = DeskMessage(what + (next.map { "，改叫\($0.caller)" } ?? "，没有其他等候的来访"), .warning)
                reaction.reload = true
                return reaction
            }
            return .saved("请\(who) 到 \(option.label) 代表处")
        })
    }
}
