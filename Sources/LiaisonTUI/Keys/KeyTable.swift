/// The four main screens, in tab order.
public enum DeskScreenID: Int, CaseIterable, Sendable {
    case reception = 1, roster, agenda, board

    public var title: String {
        switch self {
        case .reception: "接待"
        case .roster: "代表"
        case .agenda: "议程"
        case .board: "督办"
        }
    }
}

/// Where a binding works: on every main screen, on some of them, in a form, or in a yes/no dialog.
public enum KeyScope: Hashable, Sendable {
    case everyScreen
    case screens(Set<DeskScreenID>)
    case form
    case dialog
    /// A list to pick one from, over the page.
    case picker

    func includes(_ screen: DeskScreenID) -> Bool {
        switch self {
        case .everyScreen: true
        case .screens(let screens): screens.contains(screen)
        case .form, .dialog, .picker: false
        }
    }
}

/// Everything a key can do. Names say what happens; the key table says which keys do it.
public enum Action: String, CaseIterable, Sendable {
    case showReception, showRoster, showAgenda, showBoard
    case nextPane, moveDown, moveUp, pageDown, pageUp, first, last
    case open, back, filter, command, help, quit, redraw, suspend, cycleSort, nextOverdue
    case registerVisit, callNext, handToDeputy, answerOnSpot, openCase, refer, markLeft
    case nextField, previousField, save, cancel
    case confirm, decline
}

/// One row of the key table.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the key is written in the hint bar and help (`j/↓`).
    public let keyLabel: String
    public let action: Action
    public let label: String
    public let scope: KeyScope
    /// Whether the hint bar shows it (help shows every binding).
    public let inHintBar: Bool

    init(_ keys: [Key], _ keyLabel: String, _ action: Action, _ label: String, _ scope: KeyScope = .everyScreen,
         hint: Bool = false) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.action = action
        self.label = label
        self.scope = scope
        inHintBar = hint
    }
}

/// The one key table: the desk, the forms, the dialogs, the hint bar and the help overlay all read it.
public enum KeyTable {
    private static let reception = KeyScope.screens([.reception])

    public static let bindings: [KeyBinding] = [
        KeyBinding([.character("1")], "1", .showReception, "接待"),
        KeyBinding([.character("2")], "2", .showRoster, "代表"),
        KeyBinding([.character("3")], "3", .showAgenda, "议程"),
        KeyBinding([.character("4")], "4", .showBoard, "督办"),
        KeyBinding([.character("j"), .down], "j/Down", .moveDown, "下移"),
        KeyBinding([.character("k"), .up], "k/Up", .moveUp, "上移"),
        KeyBinding([.pageDown, .control("f")], "PgDn", .pageDown, "下一页"),
        KeyBinding([.pageUp, .control("b")], "PgUp", .pageUp, "上一页"),
        KeyBinding([.character("g"), .home], "g", .first, "到首行"),
        KeyBinding([.character("G"), .end], "G", .last, "到末行"),
        KeyBinding([.character("a")], "a", .registerVisit, "登记", reception, hint: true),
        KeyBinding([.character("c")], "c", .callNext, "叫号", reception, hint: true),
        KeyBinding([.character("h")], "h", .handToDeputy, "交代表", reception),
        KeyBinding([.character("o")], "o", .answerOnSpot, "当场答复", reception, hint: true),
        KeyBinding([.character("v")], "v", .openCase, "转诉求", reception, hint: true),
        KeyBinding([.character("r")], "r", .refer, "转介", reception),
        KeyBinding([.character("l")], "l", .markLeft, "已离开", reception),
        KeyBinding([.tab, .backTab], "Tab", .nextPane, "切换窗格", hint: true),
        KeyBinding([.enter], "Enter", .open, "查看", hint: true),
        KeyBinding([.character("n")], "n", .nextOverdue, "下一件逾期", .screens([.board]), hint: true),
        KeyBinding([.character("s")], "s", .cycleSort, "排序", .screens([.roster]), hint: true),
        KeyBinding([.escape], "Esc", .back, "返回"),
        KeyBinding([.character("/")], "/", .filter, "筛选", hint: true),
        KeyBinding([.character(":")], ":", .command, "命令"),
        KeyBinding([.character("?"), .function(1)], "?", .help, "帮助", hint: true),
        KeyBinding([.control("l")], "Ctrl-L", .redraw, "重绘"),
        KeyBinding([.control("z")], "Ctrl-Z", .suspend, "挂起到后台"),
        KeyBinding([.character("q"), .control("c")], "q", .quit, "退出", hint: true),

        // Forms: the focused field takes the key first (Enter makes a new line in a text area, Up/Down
        // move in an open list); what it leaves comes here.
        KeyBinding([.tab, .enter, .down], "Tab", .nextField, "下一项", .form, hint: true),
        KeyBinding([.backTab, .up], "Shift-Tab", .previousField, "上一项", .form, hint: true),
        KeyBinding([.control("s"), .function(2)], "Ctrl-S", .save, "保存", .form, hint: true),
        KeyBinding([.escape], "Esc", .cancel, "取消", .form, hint: true),
        KeyBinding([.function(1)], "F1", .help, "帮助", .form, hint: true),

        KeyBinding([.character("y"), .character("Y"), .enter], "y", .confirm, "确定", .dialog, hint: true),
        KeyBinding([.character("n"), .character("N"), .escape], "n", .decline, "取消", .dialog, hint: true),

        KeyBinding([.enter], "Enter", .confirm, "选定", .picker, hint: true),
        KeyBinding([.down, .control("n")], "Down", .moveDown, "下一个", .picker, hint: true),
        KeyBinding([.up, .control("p")], "Up", .moveUp, "上一个", .picker, hint: true),
        KeyBinding([.escape], "Esc", .cancel, "返回", .picker, hint: true),
    ]

    public static func action(for key: Key, on screen: DeskScreenID) -> Action? {
        bindings.first { $0.keys.contains(key) && $0.scope.includes(screen) }?.action
    }

    public static func action(for key: Key, in scope: KeyScope) -> Action? {
        bindings.first { $0.keys.contains(key) && $0.scope == scope }?.action
    }

    /// The bindings that work on `screen`, in table order.
    public static func bindings(on screen: DeskScreenID) -> [KeyBinding] {
        bindings.filter { $0.scope.includes(screen) }
    }

    public static func bindings(in scope: KeyScope) -> [KeyBinding] {
        bindings.filter { $0.scope == scope }
    }

    public static func hints(in scope: KeyScope) -> [KeyBinding] {
        bindings(in: scope).filter(\.inHintBar)
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
}
