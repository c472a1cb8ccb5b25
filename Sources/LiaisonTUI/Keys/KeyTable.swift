import LiaisonCore

/// The main screens, in tab order.
public enum DeskScreenID: Int, CaseIterable, Sendable {
    case reception = 1, deputies, agenda, board, statistics, admin

    public var title: String {
        switch self {
        case .reception: "接待"
        case .deputies: "代表"
        case .agenda: "议程"
        case .board: "督办"
        case .statistics: "统计"
        case .admin: "管理"
        }
    }
}

/// Where a binding works. The desk asks the top layer first, then the page, then the keys every screen
/// shares; `terminal` keys work under any layer.
public enum KeyScope: Hashable, Sendable {
    case terminal
    case everyScreen
    case screens(Set<DeskScreenID>)
    case form
    /// Every text being edited: form fields, the filter and the `:` line.
    case textEditing
    /// A multi-line text area, besides the editing keys.
    case textArea
    case dateField
    case choiceField
    /// A yes/no question.
    case question
    /// A list to pick one from, over the page.
    case picker
    /// The filter and the `:` line on the message line.
    case prompt
    case help
    /// The words of the `:` line.
    case command
    /// The sign-in and lock layer.
    case signIn

    func includes(_ screen: DeskScreenID) -> Bool {
        switch self {
        case .everyScreen: true
        case .screens(let screens): screens.contains(screen)
        default: false
        }
    }
}

/// Everything a key can do. Names say what happens; the key table says which keys do it.
public enum Action: String, CaseIterable, Sendable {
    case redraw, suspend
    case showReception, showDeputies, showAgenda, showBoard, showStatistics, showAdmin
    case nextPane, moveDown, moveUp, pageDown, pageUp, first, last
    case open, back, filter, command, help, quit, quitDesk, quitNow, reload
    case cycleSort, nextOverdue, previousOverdue, toggleMark
    case triageCase, dispatchCase, acknowledgeCase, returnCase, superviseCase, extendCase, swapDepartment, recordReply,
         recordFeedback, rateCase, closeCase, escalateCase, filterByConditions, clearFilter, chaseSheet, recomputeDueDates
    case registerVisit, callNext, handToDeputy, answerOnSpot, openCase, refer, markLeft, markNoShow, requeue
    case nextSection, previousSection, addEntry, editEntry, toggleActive
    case logDutyEntry, openCaseOnBoard, approveDutyEntry, refuseDutyEntry, exportReport, previousMonth, nextMonth, addSeat, removeSeat,
         changeReceptionDay, writeNotice, assignResident, endAssignment, logContact
    case toggleMonthView, newMeeting, editMeeting, cancelMeeting, inviteParticipant, addAgendaItem, removeFromMeeting, closeMeeting,
         publishNotice, scheduleThemeDays
    case choosePeriod, cycleBreakdown, toggleChart
    case nextField, previousField, save, cancel
    case cursorLeft, cursorRight, lineStart, lineEnd, deleteBackward, deleteForward, deleteToLineStart, deleteToLineEnd,
         deleteWord, lineUp, lineDown
    case today, nextDay, previousDay, nextWeek, previousWeek
    case openOrNextOption, previousOption, pickOption, closeList, clearChoice
    case confirm, decline, safeAnswer
    case accept, dismiss
    case signIn, lockDesk, toggleMine
    case revealPhone, revealIDNumber, anonymize
}

/// One row of the key table.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the key is written in the hint bar and help (`j/Down`).
    public let keyLabel: String
    public let action: Action
    public let label: String
    public let scope: KeyScope
    /// Whether the hint bar shows it (help shows every binding).
    public let inHintBar: Bool
    /// For the `:` line: the words that run it.
    public let words: [String]
    /// What the operator's role must allow: the desk refuses the key before anything opens, the hint
    /// bar leaves it out and help shows it dimmed.
    public let permission: Permission?

    init(_ keys: [Key], _ keyLabel: String, _ action: Action, _ label: String, _ scope: KeyScope = .everyScreen,
         hint: Bool = false, words: [String] = [], needs permission: Permission? = nil) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.action = action
        self.label = label
        self.scope = scope
        inHintBar = hint
        self.words = words
        self.permission = permission
    }

    /// The same keys under another label (a question's own answers on the hint bar).
    func relabelled(_ label: String) -> KeyBinding {
        KeyBinding(keys, keyLabel, action, label, scope, hint: inHintBar, words: words, needs: permission)
    }
}

/// The one key table: the pages, the layers, the widgets, the hint bar and help all read it.
public enum KeyTable {
    private static let reception = KeyScope.screens([.reception])
    private static let admin = KeyScope.screens([.admin])
    private static let board = KeyScope.screens([.board])
    private static let deputies = KeyScope.screens([.deputies])
    private static let agenda = KeyScope.screens([.agenda])

    public static let bindings: [KeyBinding] = [
        KeyBinding([.control("l")], "Ctrl-L", .redraw, "重绘", .terminal),
        KeyBinding([.control("z")], "Ctrl-Z", .suspend, "挂起到后台", .terminal),
        // Stepping away, or handing the terminal over, in the middle of anything (a form included).
        KeyBinding([.control("x")], "Ctrl-X", .lockDesk, "锁定/换操作员", .terminal),

        KeyBinding([.character("1")], "1", .showReception, "接待"),
        KeyBinding([.character("2")], "2", .showDeputies, "代表"),
        KeyBinding([.character("3")], "3", .showAgenda, "议程"),
        KeyBinding([.character("4")], "4", .showBoard, "督办"),
        KeyBinding([.character("5")], "5", .showStatistics, "统计"),
        KeyBinding([.character("6")], "6", .showAdmin, "管理"),
        KeyBinding([.character("j"), .down], "j/Down", .moveDown, "下移"),
        KeyBinding([.character("k"), .up], "k/Up", .moveUp, "上移"),
        KeyBinding([.pageDown, .control("f")], "PgDn", .pageDown, "下一页"),
        KeyBinding([.pageUp, .control("b")], "PgUp", .pageUp, "上一页"),
        KeyBinding([.character("g"), .home], "g", .first, "到首行"),
        KeyBinding([.character("G"), .end], "G", .last, "到末行"),
        KeyBinding([.character("a")], "a", .registerVisit, "登记", reception, hint: true, needs: .receiveResidents),
        KeyBinding([.character("c")], "c", .callNext, "叫号", reception, hint: true, needs: .receiveResidents),
        KeyBinding([.character("h")], "h", .handToDeputy, "交代表", reception, needs: .receiveResidents),
        KeyBinding([.character("o")], "o", .answerOnSpot, "当场答复", reception, hint: true, needs: .receiveResidents),
        KeyBinding([.character("v")], "v", .openCase, "转诉求", reception, hint: true, needs: .receiveResidents),
        KeyBinding([.character("r")], "r", .refer, "转介", reception, needs: .receiveResidents),
        KeyBinding([.character("l")], "l", .markLeft, "已离开", reception, needs: .receiveResidents),
        KeyBinding([.character("x")], "x", .markNoShow, "过号", reception, needs: .receiveResidents),
        KeyBinding([.character("u")], "u", .requeue, "重新排队", reception, needs: .receiveResidents),
        KeyBinding([.character("p")], "p", .revealPhone, "看完整电话", reception, needs: .revealPhone),
        KeyBinding([.character("i")], "i", .revealIDNumber, "看身份证号", reception, needs: .revealIDNumber),
        KeyBinding([.character("N")], "N", .anonymize, "匿名化居民", reception, needs: .anonymize),
        KeyBinding([.character("m")], "m", .toggleMine, "我的诉求/全部", .screens([.board]), hint: true),
        // The board's case actions: a key is live only where the transition table allows its action.
        KeyBinding([.character("d")], "d", .dispatchCase, "交办", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("a")], "a", .acknowledgeCase, "接单", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("r")], "r", .recordReply, "答复", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("f")], "f", .recordFeedback, "反馈", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("v")], "v", .rateCase, "测评", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("x")], "x", .closeCase, "销号", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("s")], "s", .superviseCase, "督办", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("n")], "n", .nextOverdue, "下一件逾期", board, hint: true),
        KeyBinding([.character("p")], "p", .previousOverdue, "上一件逾期", board),
        KeyBinding([.character("e")], "e", .extendCase, "延期申请/审批", board, hint: true, needs: .actOnCases),
        KeyBinding([.character("b")], "b", .returnCase, "退回（非本单位职责）", board, needs: .actOnCases),
        KeyBinding([.character("w")], "w", .swapDepartment, "调整承办单位", board, needs: .actOnCases),
        KeyBinding([.character("u")], "u", .escalateCase, "上报/上级答复", board, needs: .escalate),
        KeyBinding([.character("t")], "t", .triageCase, "研判（类别、分级）", board, needs: .actOnCases),
        KeyBinding([.character(" ")], "Space", .toggleMark, "标记（督办、督办单）", board),
        KeyBinding([.character("/")], "/", .filter, "搜索全部诉求", board, hint: true),
        KeyBinding([.character("F")], "F", .filterByConditions, "条件筛选", board, hint: true),
        KeyBinding([.character("c")], "c", .clearFilter, "清除条件", board, hint: true),
        KeyBinding([.character("P")], "P", .chaseSheet, "督办单", board, needs: .actOnCases),
        KeyBinding([.character("R")], "R", .recomputeDueDates, "重算待定期限", board, hint: true, needs: .recomputeDueDates),
        KeyBinding([.right, .character("]")], "→", .nextSection, "下一类", .screens([.admin, .deputies]), hint: true),
        KeyBinding([.left, .character("[")], "←", .previousSection, "上一类", .screens([.admin, .deputies])),
        // 代表: each section offers its own; a key is on the hint bar only in the section that does it.
        KeyBinding([.character("s")], "s", .cycleSort, "排序", deputies, hint: true),
        KeyBinding([.character("F")], "F", .filterByConditions, "条件筛选", deputies, hint: true),
        KeyBinding([.character("c")], "c", .clearFilter, "清除条件", deputies),
        KeyBinding([.character("l")], "l", .logDutyEntry, "登记履职", deputies, hint: true, needs: .applyForDuty),
        KeyBinding([.character("o")], "o", .openCaseOnBoard, "打开其诉求", deputies, hint: true),
        KeyBinding([.character("y")], "y", .approveDutyEntry, "认定积分申请", deputies, hint: true, needs: .approveDuty),
        KeyBinding([.character("x")], "x", .refuseDutyEntry, "不予认定", deputies, hint: true, needs: .approveDuty),
        KeyBinding([.character("E")], "E", .exportReport, "导出CSV", deputies, hint: true),
        KeyBinding([.character("<"), .character(",")], "<", .previousMonth, "上个月", deputies, hint: true),
        KeyBinding([.character(">"), .character(".")], ">", .nextMonth, "下个月", deputies, hint: true),
        KeyBinding([.character("a")], "a", .addSeat, "排班", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("P")], "P", .writeNotice, "写公告", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("d")], "d", .removeSeat, "移出值班表", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("D")], "D", .changeReceptionDay, "增加、调整或撤销接待日", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("u")], "u", .assignResident, "分配联系群众", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("U")], "U", .endAssignment, "不再联系", deputies, hint: true, needs: .keepDutyRecords),
        KeyBinding([.character("t")], "t", .logContact, "登记联系", deputies, hint: true, needs: .logContacts),
        // 议程: the meeting's keys work on the selected meeting; the month view moves by day and week. The
        // month keys have a row here as well as the deputies': the hint bar lists a screen's keys in the
        // table's order, and here they come after the meeting's.
        KeyBinding([.character("a")], "a", .newMeeting, "新建会议", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("i")], "i", .inviteParticipant, "邀请参加", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("t")], "t", .addAgendaItem, "添加议题", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("c")], "c", .closeMeeting, "结束会议", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("P")], "P", .publishNotice, "写公示", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("e")], "e", .editMeeting, "修改/改期", agenda, hint: true, needs: .planMeetings),
        KeyBinding([.character("v")], "v", .toggleMonthView, "月历/列表", agenda, hint: true),
        KeyBinding([.left, .character("h")], "←", .previousDay, "前一天", agenda, hint: true),
        KeyBinding([.right, .character("l")], "→", .nextDay, "后一天", agenda, hint: true),
        KeyBinding([.character("<"), .character(",")], "<", .previousMonth, "上个月", agenda, hint: true),
        KeyBinding([.character(">"), .character(".")], ">", .nextMonth, "下个月", agenda, hint: true),
        KeyBinding([.character("x")], "x", .cancelMeeting, "取消会议", agenda, needs: .planMeetings),
        KeyBinding([.character("d")], "d", .removeFromMeeting, "移除", agenda, needs: .planMeetings),
        KeyBinding([.character("o")], "o", .openCaseOnBoard, "到督办看其诉求", agenda),
        KeyBinding([.character("T")], "T", .scheduleThemeDays, "排主题日", agenda, needs: .planMeetings),
        // 统计: the period, the breakdown and its order, the chart.
        KeyBinding([.character("p")], "p", .choosePeriod, "换期间", .screens([.statistics]), hint: true),
        KeyBinding([.character("b")], "b", .cycleBreakdown, "换分组", .screens([.statistics]), hint: true),
        KeyBinding([.character("s")], "s", .cycleSort, "按件数/满意率", .screens([.statistics]), hint: true),
        KeyBinding([.character("v")], "v", .toggleChart, "图表/表格", .screens([.statistics]), hint: true),
        KeyBinding([.character("E")], "E", .exportReport, "写满意率说明通知", .screens([.statistics]), hint: true, needs: .askForExplanations),
        KeyBinding([.character("a")], "a", .addEntry, "添加", admin, hint: true, needs: .manageDirectory),
        KeyBinding([.enter, .character("e")], "Enter/e", .editEntry, "修改", admin, hint: true, needs: .manageDirectory),
        KeyBinding([.character("d")], "d", .toggleActive, "停用/恢复", admin, hint: true, needs: .manageDirectory),
        KeyBinding([.tab, .backTab], "Tab", .nextPane, "切换窗格", hint: true),
        KeyBinding([.enter], "Enter", .open, "查看", hint: true),
        KeyBinding([.escape], "Esc", .back, "返回"),
        KeyBinding([.character("/")], "/", .filter, "筛选", hint: true),
        KeyBinding([.character(":")], ":", .command, "命令"),
        KeyBinding([.character("?"), .function(1)], "?", .help, "帮助", hint: true),
        KeyBinding([.character("q")], "q", .quit, "退出", hint: true),
        KeyBinding([.control("c")], "Ctrl-C", .quitDesk, "退出工作台（在哪里都先问）"),

        // Forms: the focused field takes the key first (Enter makes a new line in a text area, Up/Down
        // move in an open list); what it leaves comes here.
        KeyBinding([.tab, .enter, .down], "Tab", .nextField, "下一项", .form, hint: true),
        KeyBinding([.backTab, .up], "Shift-Tab", .previousField, "上一项", .form, hint: true),
        KeyBinding([.control("s"), .function(2)], "Ctrl-S", .save, "保存", .form, hint: true),
        KeyBinding([.escape], "Esc", .cancel, "取消", .form, hint: true),
        KeyBinding([.function(1)], "F1", .help, "帮助", .form, hint: true),

        KeyBinding([.left, .control("b")], "Left", .cursorLeft, "左移一字", .textEditing),
        KeyBinding([.right, .control("f")], "Right", .cursorRight, "右移一字", .textEditing),
        KeyBinding([.home, .control("a")], "Home/Ctrl-A", .lineStart, "到行首", .textEditing),
        KeyBinding([.end, .control("e")], "End/Ctrl-E", .lineEnd, "到行尾", .textEditing),
        KeyBinding([.backspace], "Backspace", .deleteBackward, "删除前一字", .textEditing),
        KeyBinding([.delete, .control("d")], "Delete", .deleteForward, "删除后一字", .textEditing),
        KeyBinding([.control("u")], "Ctrl-U", .deleteToLineStart, "删到行首", .textEditing),
        KeyBinding([.control("k")], "Ctrl-K", .deleteToLineEnd, "删到行尾", .textEditing),
        KeyBinding([.control("w")], "Ctrl-W", .deleteWord, "删除前一词", .textEditing),
        KeyBinding([.up], "Up", .lineUp, "上一行", .textArea),
        KeyBinding([.down], "Down", .lineDown, "下一行", .textArea),

        KeyBinding([.character("t"), .character("T")], "t", .today, "今天", .dateField),
        KeyBinding([.character("+"), .character("=")], "+", .nextDay, "后一天", .dateField),
        KeyBinding([.character("-")], "-", .previousDay, "前一天", .dateField),
        KeyBinding([.pageDown], "PgDn", .nextWeek, "后一周", .dateField),
        KeyBinding([.pageUp], "PgUp", .previousWeek, "前一周", .dateField),

        KeyBinding([.down], "Down", .openOrNextOption, "展开列表/下一个", .choiceField),
        KeyBinding([.up], "Up", .previousOption, "上一个", .choiceField),
        KeyBinding([.enter], "Enter", .pickOption, "选定", .choiceField),
        KeyBinding([.escape], "Esc", .closeList, "清除输入，再按收起列表", .choiceField),
        KeyBinding([.backspace], "Backspace", .clearChoice, "清除已选（列表收起时）", .choiceField),

        // A question: the answer that loses something needs its own key; Enter gives the safe one, and Esc
        // goes back without answering (where no answer loses anything, it is the safe one too).
        KeyBinding([.character("y"), .character("Y")], "y", .confirm, "是", .question, hint: true),
        KeyBinding([.character("n"), .character("N")], "n", .decline, "否", .question, hint: true),
        KeyBinding([.escape], "Esc", .dismiss, "返回，不作回答", .question, hint: true),
        KeyBinding([.enter], "Enter", .safeAnswer, "稳妥的回答", .question, hint: true),

        KeyBinding([.enter], "Enter", .pickOption, "选定", .picker, hint: true),
        KeyBinding([.down, .control("n")], "Down", .moveDown, "下一个", .picker, hint: true),
        KeyBinding([.up, .control("p")], "Up", .moveUp, "上一个", .picker, hint: true),
        KeyBinding([.escape], "Esc", .cancel, "清除输入/返回", .picker, hint: true),

        KeyBinding([.enter], "Enter", .accept, "确定", .prompt, hint: true),
        KeyBinding([.escape], "Esc", .dismiss, "取消", .prompt, hint: true),

        KeyBinding([], "任意键", .dismiss, "关闭帮助", .help, hint: true),

        KeyBinding([.enter], "Enter", .signIn, "确定/登录", .signIn, hint: true),
        KeyBinding([.tab], "Tab", .nextField, "输入 PIN", .signIn),
        KeyBinding([.backTab], "Shift-Tab", .previousField, "重选操作员", .signIn),
        KeyBinding([.escape], "Esc", .cancel, "清除/重选操作员", .signIn, hint: true),
        KeyBinding([.control("c")], "Ctrl-C", .quitDesk, "退出工作台", .signIn, hint: true),

        KeyBinding([], ":q", .quitNow, "立即退出", .command, words: ["q", "quit", "退出"]),
        KeyBinding([], ":help", .help, "帮助", .command, words: ["help", "h", "帮助"]),
        KeyBinding([], ":refresh", .reload, "刷新", .command, words: ["refresh", "刷新"]),
        KeyBinding([], ":lock", .lockDesk, "锁定/换操作员", .command, words: ["lock", "锁定", "换人"]),
        KeyBinding([], ":1", .showReception, "接待", .command, words: ["1", "接待"]),
        KeyBinding([], ":2", .showDeputies, "代表", .command, words: ["2", "代表"]),
        KeyBinding([], ":3", .showAgenda, "议程", .command, words: ["3", "议程"]),
        KeyBinding([], ":4", .showBoard, "督办", .command, words: ["4", "督办"]),
        KeyBinding([], ":5", .showStatistics, "统计", .command, words: ["5", "统计"]),
        KeyBinding([], ":6", .showAdmin, "管理", .command, words: ["6", "管理"]),
    ]

    /// Per scope, the first binding of each key: widgets ask for every key typed, so this is a lookup.
    private static let byScope: [KeyScope: [Key: Action]] = {
        var table: [KeyScope: [Key: Action]] = [:]
        for binding in bindings {
            for key in binding.keys where table[binding.scope]?[key] == nil { table[binding.scope, default: [:]][key] = binding.action }
        }
        return table
    }()

    public static func action(for key: Key, in scope: KeyScope) -> Action? { byScope[scope]?[key] }

    /// A page's key: its own screen's bindings, then those of every screen.
    public static func binding(for key: Key, on screen: DeskScreenID) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) && $0.scope.includes(screen) && $0.scope != .everyScreen }
            ?? bindings.first { $0.keys.contains(key) && $0.scope == .everyScreen }
    }

    public static func action(for key: Key, on screen: DeskScreenID) -> Action? { binding(for: key, on: screen)?.action }

    /// How `action` is typed on `screen`, for texts that name the key (按 d 恢复).
    public static func key(of action: Action, on screen: DeskScreenID) -> String {
        bindings(on: screen).first { $0.action == action }?.keyLabel ?? ""
    }

    /// The `:` line's word, as typed.
    public static func command(_ word: String) -> Action? {
        bindings.first { $0.scope == .command && $0.words.contains(word) }?.action
    }

    public static func bindings(in scope: KeyScope) -> [KeyBinding] { bindings.filter { $0.scope == scope } }

    /// The bindings that work on `screen`: its own first, then those of every screen whose keys the
    /// screen's own have not all taken (Enter edits on the administration screen, so it does not view).
    public static func bindings(on screen: DeskScreenID) -> [KeyBinding] {
        let own = bindings.filter { $0.scope.includes(screen) && $0.scope != .everyScreen }
        let taken = Set(own.flatMap(\.keys))
        return own + bindings(in: .everyScreen).filter { $0.keys.isEmpty || !Set($0.keys).isSubset(of: taken) }
    }

    /// The key of `action` in `scope` as the dialogs write it (`y`, `n/Esc`).
    public static func keyLabel(_ action: Action, in scope: KeyScope) -> String {
        bindings.first { $0.scope == scope && $0.action == action }?.keyLabel ?? ""
    }

    /// The common keys in the order the hint bar gives them: when a screen's own keys leave no room,
    /// the ones cut are those a user finds without help.
    private static let commonHintOrder: [Action] = [.help, .filter, .quit, .nextPane, .open]

    /// The hint bar's entries for `screen`: its own keys first, then the common ones.
    public static func hints(on screen: DeskScreenID) -> [KeyBinding] {
        let shown = bindings(on: screen).filter(\.inHintBar)
        let common = shown.filter { $0.scope == .everyScreen }
            .sorted { (commonHintOrder.firstIndex(of: $0.action) ?? 99) < (commonHintOrder.firstIndex(of: $1.action) ?? 99) }
        return shown.filter { $0.scope != .everyScreen } + common
    }

    public static func hints(in scope: KeyScope) -> [KeyBinding] { bindings(in: scope).filter(\.inHintBar) }
}
