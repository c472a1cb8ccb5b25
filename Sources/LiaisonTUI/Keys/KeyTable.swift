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

/// Everything a key can do. Names say what happens; the key table says which keys do it.
public enum Action: String, CaseIterable, Sendable {
    case showReception, showRoster, showAgenda, showBoard
    case nextPane, moveDown, moveUp, pageDown, pageUp, first, last
    case open, back, filter, command, help, quit, redraw, suspend, cycleSort, nextOverdue
}

/// One row of the key table.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    /// How the key is written in the hint bar and help (`j/↓`).
    public let keyLabel: String
    public let action: Action
    public let label: String
    /// The screens it works on; nil means everywhere.
    public let screens: Set<DeskScreenID>?
    /// Whether the hint bar shows it (help shows every binding).
    public let inHintBar: Bool
}

/// The one key table: the desk, the hint bar and the help overlay all read it.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.character("1")], keyLabel: "1", action: .showReception, label: "接待", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("2")], keyLabel: "2", action: .showRoster, label: "代表", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("3")], keyLabel: "3", action: .showAgenda, label: "议程", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("4")], keyLabel: "4", action: .showBoard, label: "督办", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("j"), .down], keyLabel: "j/Down", action: .moveDown, label: "下移", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("k"), .up], keyLabel: "k/Up", action: .moveUp, label: "上移", screens: nil, inHintBar: false),
        KeyBinding(keys: [.pageDown, .control("f")], keyLabel: "PgDn", action: .pageDown, label: "下一页", screens: nil, inHintBar: false),
        KeyBinding(keys: [.pageUp, .control("b")], keyLabel: "PgUp", action: .pageUp, label: "上一页", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("g"), .home], keyLabel: "g", action: .first, label: "到首行", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("G"), .end], keyLabel: "G", action: .last, label: "到末行", screens: nil, inHintBar: false),
        KeyBinding(keys: [.tab, .backTab], keyLabel: "Tab", action: .nextPane, label: "切换窗格", screens: nil, inHintBar: true),
        KeyBinding(keys: [.enter], keyLabel: "Enter", action: .open, label: "查看", screens: nil, inHintBar: true),
        KeyBinding(keys: [.character("n")], keyLabel: "n", action: .nextOverdue, label: "下一件逾期", screens: [.board], inHintBar: true),
        KeyBinding(keys: [.character("s")], keyLabel: "s", action: .cycleSort, label: "排序", screens: [.roster], inHintBar: true),
        KeyBinding(keys: [.escape], keyLabel: "Esc", action: .back, label: "返回", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("/")], keyLabel: "/", action: .filter, label: "筛选", screens: nil, inHintBar: true),
        KeyBinding(keys: [.character(":")], keyLabel: ":", action: .command, label: "命令", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("?"), .function(1)], keyLabel: "?", action: .help, label: "帮助", screens: nil, inHintBar: true),
        KeyBinding(keys: [.control("l")], keyLabel: "Ctrl-L", action: .redraw, label: "重绘", screens: nil, inHintBar: false),
        KeyBinding(keys: [.control("z")], keyLabel: "Ctrl-Z", action: .suspend, label: "挂起到后台", screens: nil, inHintBar: false),
        KeyBinding(keys: [.character("q"), .control("c")], keyLabel: "q", action: .quit, label: "退出", screens: nil, inHintBar: true),
    ]

    public static func action(for key: Key, on screen: DeskScreenID) -> Action? {
        bindings.first { binding in
            binding.keys.contains(key) && (binding.screens?.contains(screen) ?? true)
        }?.action
    }

    /// The bindings that work on `screen`, in table order.
    public static func bindings(on screen: DeskScreenID) -> [KeyBinding] {
        bindings.filter { $0.screens?.contains(screen) ?? true }
    }

    /// The hint bar's entries for `screen`: its own keys first, then the common ones.
    public static func hints(on screen: DeskScreenID) -> [KeyBinding] {
        let shown = bindings(on: screen).filter(\.inHintBar)
        return shown.filter { $0.screens != nil } + shown.filter { $0.screens == nil }
    }
}
