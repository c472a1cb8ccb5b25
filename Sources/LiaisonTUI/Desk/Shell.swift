import LiaisonCore

/// The keys every screen shares, which run after the page has passed on a key: switching screens, help,
/// the filter and `:` lines, quitting, redrawing, suspending.
enum Shell {
    /// Quitting loses what an operator who stepped away left half-typed: the question names them.
    static func quitQuestion(keeping names: [String]) -> Question {
        let details = names.isEmpty ? [] : ["\(names.joined(separator: "、")) 还有没保存的表单，退出后将丢失。"]
        return Question("确定退出工作台吗？", details: details, yes: "退出", no: "留在工作台", destructive: true)
    }

    static func reaction(to action: Action, desk: DeskContext) -> Reaction? {
        switch action {
        case .showReception: Reaction(switchTo: .reception)
        case .showDeputies: Reaction(switchTo: .deputies)
        case .showAgenda: Reaction(switchTo: .agenda)
        case .showBoard: Reaction(switchTo: .board)
        case .showStatistics: Reaction(switchTo: .statistics)
        case .showAdmin: Reaction(switchTo: .admin)
        case .filter: desk.page.list.map { .push(filterPrompt(for: $0)) }
        case .command: .push(PromptLayer(prompt: ":", onAccept: { run(command: $0, desk: desk) }))
        case .help: .push(HelpLayer(title: desk.current.title, scopes: [.everyScreen, .terminal, .command], screen: desk.current, session: desk.session,
                                          offers: desk.page.listsInHelp))
        case .quit, .quitDesk: .push(QuestionLayer(quitQuestion(keeping: desk.operatorsWithKeptWork), yes: { Reaction(quit: true) },
                                                    no: { .say("已取消退出", .muted) }))
        // :q quits at once, unless it would lose someone's unsaved form: then it asks as q does.
        case .quitNow where !desk.operatorsWithKeptWork.isEmpty: reaction(to: .quit, desk: desk)
        case .lockDesk: Reaction(lock: true)
        case .quitNow: Reaction(quit: true)
        case .reload: Reaction(message: DeskMessage("已刷新", .muted), reload: true)
        case .redraw: Reaction(reload: true, redraw: true)
        case .suspend: Reaction(suspend: true)
        default: nil
        }
    }

    /// The filter works on the list as it is typed; Enter keeps it, Esc clears it.
    static func filterPrompt(for list: ListDetail) -> PromptLayer {
        PromptLayer(prompt: "筛选 /", text: list.query, onChange: { query in
            list.filter(query)
            return .handled
        }, onAccept: { query in
            list.filter(query)
            return query.isEmpty ? .handled : .say("筛选「\(query)」：\(list.shownRowCount) 条，Esc 清除")
        }, onDismiss: {
            list.filter("")
            return .handled
        })
    }

    /// The `:` line: a word from the key table's commands.
    static func run(command: String, desk: DeskContext) -> Reaction {
        guard !command.isEmpty else { return .handled }
        guard let action = KeyTable.command(command), let reaction = reaction(to: action, desk: desk) else {
            let commands = KeyTable.bindings(in: .command)
            // The screens go by their number or name; the rest are listed by their first word.
            let screen = commands.first { Int($0.words.first ?? "") != nil && $0.words.count > 1 }
            let others = commands.filter { Int($0.words.first ?? "") == nil }.compactMap(\.words.first).joined(separator: "、")
            let example = screen.map { "，或屏幕的号码、名称（如 \($0.words[0])、\($0.words[1])）" } ?? ""
            return .say("未知命令：\(command)（可用 \(others)\(example)）", .warning)
        }
        return reaction
    }

    /// Counts on the tab line where they help: people waiting, cases overdue, meetings past their day not closed.
    static func badges(_ overview: StationOverview?) -> [DeskScreenID: String] {
        var badges: [DeskScreenID: String] = [:]
        if let waiting = overview?.waiting, waiting > 0 { badges[.reception] = "等候\(waiting)" }
        if let overdue = overview?.overdue, overdue > 0 { badges[.board] = "逾期\(overdue)" }
        if let unclosed = overview?.unclosedMeetings, unclosed > 0 { badges[.agenda] = "待结\(unclosed)" }
        return badges
    }
}
