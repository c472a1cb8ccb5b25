import Foundation
import LiaisonCore

/// 督办: every open case grouped by urgency, with the selected case's detail and timeline. The keys of the
/// case actions are live only where the transition table allows them for the selected case.
final class BoardPage: Page {
    let id = DeskScreenID.board
    private let store: LiaisonStore
    private var session = Session.signedOut
    private var board: FollowUpBoard?
    private var summaries: [String: (group: BoardGroup?, summary: CaseSummary)] = [:]
    /// Cases per group: a first screenful at once, then the rest when no key waits (as tig shows a log
    /// while it is still reading). A reload loads as much as was loaded before.
    static let firstPart = 25
    static let whole = 200
    private var perGroup = BoardPage.firstPart
    private(set) var hasMoreToLoad = false
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("编号", width: 9, whole: true), TableColumn("诉求", width: 10, flexible: true, elastic: true),
        TableColumn("承办单位", width: 8, elastic: true), TableColumn("期限", width: 10, elastic: true), TableColumn("状态", width: 6),
    ], detailTitle: "诉求详情", emptyText: "没有未办结的诉求", allowsMarks: true) { [unowned self] id in
        guard let summary = id.flatMap({ self.summaries[$0]?.summary }) else { return [] }
        return CaseDetailLines.lines(try store.caseDetail(id: summary.id), calendar: store.calendar, today: store.today)
    }

    /// The filters in force (F), and what they say in the list's first heading.
    private var filter = CaseFilter()
    private var filterLabel = ""
    /// `/` searches every case in the database; the list shows the results until Esc.
    private var search: (query: String, results: [CaseSummary])?
    /// An overdue case stepped to that the loaded groups did not hold: shown in its group all the same.
    private var steppedIn: CaseSummary?
    /// The live actions of the selected case, read when the selection changes.
    private var live: (id: String, actions: [CaseAction])?
    private var provisionalChanges = 0
    /// The case last stepped to: n goes on from it when the selection has left the overdue cases (the case
    /// was just replied to, say), instead of starting again from the first.
    private var lastStepped: CaseSummary?
    /// How many cases are overdue, once counted by stepping: until the next reload, not counted again.
    private var overdueTotal: Int?

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { rows }

    /// 我的诉求: the deputy signed in sees the cases they are responsible for (m shows all and back).
    private var deputy: (deputyID: Int64, name: String)?
    private var mine = false

    func signedIn(_ session: Session) {
        self.session = session
        deputy = session.deputyID.map { ($0, session.name) }
        mine = deputy != nil
        live = nil
    }

    /// The board's keys and the case actions each one takes, in the order tried.
    static let caseActions: [Action: [CaseAction]] = [
        .triageCase: [.triage], .dispatchCase: [.dispatch, .reopen], .acknowledgeCase: [.acknowledge], .returnCase: [.returnCase],
        .superviseCase: [.supervise], .extendCase: [.requestExtension, .decideExtension], .swapDepartment: [.swapDepartment],
        .recordReply: [.reply], .recordFeedback: [.feedback], .rateCase: [.rate], .closeCase: [.close, .closeWithReason],
        .escalateCase: [.escalate, .answerFromAbove],
    ]

    private var selected: CaseSummary? { rows.selectedID.flatMap { summaries[$0]?.summary } }
    private var liveActions: [CaseAction] { live?.id == rows.selectedID ? live?.actions ?? [] : [] }
    private var marked: [CaseSummary] { rows.marks.compactMap { summaries[$0]?.summary }.sorted { $0.id < $1.id } }

    func offers(_ action: Action) -> Bool {
        if action == .superviseCase && !marked.isEmpty { return true }
        if let actions = BoardPage.caseActions[action] { return actions.contains(where: liveActions.contains) }
        switch action {
        case .toggleMine: return deputy != nil
        case .clearFilter: return !filter.isEmpty || search != nil
        case .recomputeDueDates: return provisionalChanges > 0
        case .chaseSheet: return selected?.departmentName.isEmpty == false || !marked.isEmpty
        case .nextOverdue, .previousOverdue: return board?.counts[.overdue] != 0
        default: return true
        }
    }

    /// Help lists every key of the board, live on the selected case or not: each is live somewhere.
    func listsInHelp(_ action: Action) -> Bool {
        BoardPage.caseActions[action] != nil || [.clearFilter, .recomputeDueDates, .chaseSheet].contains(action) || offers(action)
    }

    var status: DeskMessage? {
        if let search { return DeskMessage("搜索「\(search.query)」：\(BoardPage.found(search.results.count))（含已销号）；Esc 返回督办", .muted) }
        if let message = rows.status { return message }
        if provisionalChanges > 0 {
            return DeskMessage("有 \(provisionalChanges) 件待定期限可按新导入的节假日重算：按 R 查看", .dueSoon)
        }
        if mine, let deputy { return DeskMessage("我的诉求（\(deputy.name) 负责的）：按 m 看全部", .muted) }
        return nil
    }

    func reload() throws { try load() }

    func loadMore() throws {
        perGroup = BoardPage.whole
        try load()
    }

    private var effectiveFilter: CaseFilter {
        var effective = filter
        if mine, let deputy { effective.deputyID = deputy.deputyID }
        return effective
    }

    private func load() throws {
        live = nil
        overdueTotal = nil
        // The case stepped to stays in view while it is still overdue.
        if let stepped = steppedIn {
            let now = try store.caseSummary(id: stepped.id)
            steppedIn = now.isOverdue(on: store.today) ? now : nil
        }
        summaries = [:]
        if let search {
            self.search?.results = try store.searchCases(search.query, limit: BoardPage.searchLimit)
            let found = self.search?.results ?? []
            var entries: [ListEntry] = [.heading("搜索「\(search.query)」：\(BoardPage.found(found.count))")]
            entries += found.map { row($0, group: nil, today: store.today) }
            rows.setEntries(entries)
            return
        }
        let partial = perGroup < BoardPage.whole
        let board = try store.followUpBoard(perGroup: perGroup, counting: !partial, filter: effectiveFilter)
        self.board = board
        provisionalChanges = session.may(.recomputeDueDates) ? try store.provisionalDueDateChanges().count : 0
        hasMoreToLoad = partial && board.groups.contains { $0.1.count == perGroup }
        showBoard()
    }

    /// The loaded board as the list's entries, with the case stepped to in its group: no database here.
    private func showBoard() {
        guard let board else { return }
        summaries = [:]
        var entries: [ListEntry] = []
        if !filterLabel.isEmpty { entries.append(.heading("条件：\(filterLabel)（c 清除）", role: .muted)) }
        for (group, loaded) in board.groups {
            var cases = loaded
            if group == .overdue, let stepped = steppedIn, !cases.contains(where: { $0.id == stepped.id }) { cases.append(stepped) }
            guard !cases.isEmpty else { continue }
            // Until the rest is loaded, a long group says how many it shows so far.
            let count = board.counts[group].map { "\($0)" } ?? "\(loaded.count)+"
            entries.append(.heading("\(group.label)（\(count)）", role: group == .overdue ? .overdue : .header))
            entries += cases.map { row($0, group: group, today: board.today) }
        }
        if !filterLabel.isEmpty && entries.count == 1 { entries.append(.heading("没有符合条件的诉求", role: .muted)) }
        rows.setEntries(entries)
    }

    /// 12 件, or 前 200 件 when the search stopped at its limit.
    static func found(_ count: Int) -> String { count >= BoardPage.searchLimit ? "前 \(count) 件" : "\(count) 件" }
    static let searchLimit = 200

    private func row(_ summary: CaseSummary, group: BoardGroup?, today: Day) -> ListEntry {
        let id = "\(summary.id)"
        summaries[id] = (group, summary)
        let (deadline, role) = BoardPage.deadline(summary, group: group, today: today, calendar: store.calendar)
        // `/` searches the database here (`SearchSQL`), not the rows.
        return .row(id, [summary.code, summary.title, summary.departmentName, deadline, summary.status.label], role: role, search: [])
    }

    /// 逾5工作日 (overdue counted like the deadline, in working days), 今天到期, 12-03, 12-03待定, or 待交办,
    /// with the role that colours it.
    static func deadline(_ summary: CaseSummary, group: BoardGroup?, today: Day, calendar: WorkingCalendar) -> (String, TextRole) {
        guard let due = summary.dueDate, summary.status.isOpen else { return (summary.status.isOpen ? "待交办" : "", .normal) }
        let date = String(due.iso.dropFirst(5)) + (summary.dueProvisional ? "待定" : "")
        if summary.isOverdue(on: today) { return ("逾\(Overdue.workingDays(pastDue: due, on: today, calendar: calendar))工作日", .overdue) }
        switch group {
        case .dueSoon?: return (due == today ? "今天到期" : date, .dueSoon)
        default: return (date, .normal)
        }
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        if let actions = BoardPage.caseActions[action] { return try act(actions, desk: desk) }
        switch action {
        case .toggleMine:
            guard deputy != nil else { return .say("「我的诉求」是代表登录后看自己负责的诉求", .muted) }
            mine.toggle()
            steppedIn = nil
            try load()
            return .say(mine ? "我的诉求" : "全部诉求：按 m 回到我的诉求", .muted)
        case .nextOverdue, .previousOverdue: return try step(forward: action == .nextOverdue)
        case .filter:
            return .push(PromptLayer(prompt: "搜索全部诉求（编号、内容、群众姓名或拼音首字母）/", onAccept: { [self] query in
                guard !query.isEmpty else { return .handled }
                search = (query, [])
                steppedIn = nil
                do { try load() } catch { return .say(userMessage(for: error), .warning) }
                return .say("搜索「\(query)」：\(BoardPage.found(search?.results.count ?? 0))（含已销号）；Esc 返回督办")
            }))
        case .back, .quit, .clearFilter:
            if let reaction = rows.handle(action), action != .clearFilter { return reaction }
            if search != nil {
                search = nil
                try load()
                return .say("已返回督办", .muted)
            }
            guard action == .clearFilter || !filter.isEmpty else { return nil }
            guard !filter.isEmpty else { return .say("没有筛选条件", .muted) }
            filter = CaseFilter()
            filterLabel = ""
            steppedIn = nil
            try load()
            return .say("已清除筛选条件" + (action == .quit ? "；再按 q 退出" : ""), .muted)
        case .filterByConditions:
            return .push(try FormLayer(spec: BoardFilterForm(store: store, filter: filter) { [self] filter, label in
                self.filter = filter
                filterLabel = label
                steppedIn = nil
                try load()
            }, share: rows.share))
        case .chaseSheet: return try chaseSheet()
        case .recomputeDueDates: return try recompute()
        default: return rows.handle(action)
        }
    }

    /// A case action on the selected case, or a supervision note on every marked one.
    private func act(_ actions: [CaseAction], desk: DeskContext) throws -> Reaction {
        guard let summary = selected else { return .say("先选中一件诉求", .warning) }
        // Space-marked cases take one supervision note together, one mark or many.
        let batch = actions == [.supervise] ? marked : []
        let record = try store.caseRecord(id: summary.id)
        let facts = try store.facts(of: record)
        guard let action = !batch.isEmpty ? .supervise : actions.first(where: { $0.isLive(facts, session: session) }) else {
            // Why not, in the table's words (不能销号：群众尚未评价); a row another terminal moved is read again.
            var refusal = Reaction.say("不能\(actions[0].label)", .warning)
            do { try actions[0].check(facts, session: session) } catch { refusal = .say(userMessage(for: error), .warning) }
            refusal.reload = record.version != summary.version
            return refusal
        }
        let fresh = try store.caseSummary(id: summary.id)
        switch action {
        case .acknowledge:
            // As the operator saw it: a case another terminal moved since is refused, not acknowledged blind.
            try store.acknowledge(caseID: summary.id, session: session, expectedVersion: summary.version)
            return Reaction.saved("\(summary.code) 已接单").selecting("\(summary.id)")
        case .close:
            let question = Question("\(summary.code) 群众已满意，销号吗？", details: [summary.title], yes: "销号", no: "取消", destructive: true)
            return .push(QuestionLayer(question, yes: { [store, session] in
                try store.close(caseID: summary.id, session: session, expectedVersion: fresh.version)
                return .saved("\(summary.code) 已销号")
            }))
        default:
            let side = CaseDetailLines.lines(try store.caseDetail(id: summary.id), calendar: store.calendar, today: store.today)
            return .push(try FormLayer(spec: CaseActionForm(store: store, session: session, action: action, summary: fresh,
                                                            marked: batch, side: side, usedMarks: { [rows] in rows.clearMarks() }),
                                       share: rows.share))
        }
    }

    /// The next or previous overdue case across the database, with its place among them (3/24).
    private func step(forward: Bool) throws -> Reaction {
        let from = selected.flatMap { $0.isOverdue(on: store.today) ? $0 : nil } ?? lastStepped
        guard let step = try store.overdueStep(from: from, forward: forward, filter: effectiveFilter,
                                               total: search == nil ? board?.counts[.overdue] ?? overdueTotal : nil) else {
            return .say("没有逾期的诉求")
        }
        overdueTotal = step.total
        lastStepped = step.summary
        let id = "\(step.summary.id)"
        // A case beyond what the board loaded is shown in its group all the same.
        if search != nil {
            search = nil
            steppedIn = step.summary
            try load()
        } else if summaries[id]?.group != .overdue {
            steppedIn = step.summary
            showBoard()
        }
        rows.select(id: id)
        let keys = [Action.nextOverdue, .previousOverdue, .superviseCase].map { KeyTable.key(of: $0, on: self.id) }
        return .say("逾期 \(step.position)/\(step.total)：\(step.summary.code)（\(keys[0]) 下一件，\(keys[1]) 上一件，\(keys[2]) 督办）")
    }

    /// 督办单 of the marked cases, or of the selected case's department's overdue cases, written beside the
    /// database as text.
    private func chaseSheet() throws -> Reaction {
        let sheet: ChaseSheet
        let name: String
        if !marked.isEmpty {
            sheet = try store.chaseSheet(caseIDs: marked.map(\.id), session: session)
            name = "标记的诉求"
        } else if let summary = selected, let department = try store.caseRecord(id: summary.id).departmentID {
            sheet = try store.chaseSheet(departmentID: department, session: session)
            name = summary.departmentName
            guard !sheet.cases.isEmpty else { return .say("\(name) 没有逾期的诉求", .muted) }
        } else {
            return .say("先选中一件已交办的诉求，或用 Space 标记几件", .warning)
        }
        let file = "督办单-\(name)-\(BesideDatabase.stamp(store)).txt"
        if let failed = try BesideDatabase.write(file, store: store, export: { path, write in
            try store.exportChaseSheet(sheet, fileName: path, session: session, write: write)
        }) { return failed }
        rows.clearMarks()
        return .say("督办单（\(sheet.cases.count) 件）已写入数据库所在目录：\(file)")
    }

    /// The provisional due dates the new calendar counts otherwise: the list first, then one answer.
    private func recompute() throws -> Reaction {
        let changes = try store.provisionalDueDateChanges()
        guard !changes.isEmpty else { return .say("没有需要重算的待定期限", .muted) }
        var details = changes.prefix(8).map { "\($0.code) \($0.old.iso) → \($0.new.iso)\($0.stillProvisional ? "（仍待定）" : "")" }
        if changes.count > 8 { details.append("……共 \(changes.count) 件") }
        let question = Question("按新导入的节假日重算这 \(changes.count) 件的期限吗？", details: details, yes: "重算", no: "暂不",
                                destructive: false)
        return .push(QuestionLayer(question, yes: { [store, session] in
            let done = try store.recomputeProvisionalDueDates(session: session)
            return .saved("已重算 \(done.count) 件的期限，时间线各记一笔")
        }))
    }

    /// A case another page opened (a deputy's): found by its code, as `/` would, selected and its detail open.
    func reveal(_ id: String) throws -> DeskMessage? {
        guard let caseID = Int64(id) else { return nil }
        let summary = try store.caseSummary(id: caseID)
        search = (summary.code, [])
        steppedIn = nil
        try load()
        _ = rows.select(id: id)
        _ = rows.handle(.open)
        return DeskMessage("\(summary.code) \(summary.status.label)（Esc 返回督办）", .muted)
    }

    func prepare(_ body: BodyArea) throws {
        try rows.prepare(body)
        // The live keys follow the selection, read once per selected case (render only draws).
        if let id = rows.selectedID, live?.id != id, let summary = summaries[id]?.summary {
            let record = try store.caseRecord(id: summary.id)
            live = (id, try store.liveActions(on: record, session: session))
        }
    }

    func render(on screen: Screen, body: BodyArea) { rows.render(on: screen, body: body) }
}

extension Reaction {
    /// The same, with the row the page should select once it has reloaded.
    func selecting(_ id: String) -> Reaction {
        var reaction = self
        reaction.select = id
        return reaction
    }
}
