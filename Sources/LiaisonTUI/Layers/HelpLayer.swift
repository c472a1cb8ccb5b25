/// Every key that works where help was asked for, from the key table: the keys of what is on top first
/// (the screen's own, or the form's), then the rest; any key closes it.
final class HelpLayer: Layer {
    let title: String
    let scopes: [KeyScope]
    let screen: DeskScreenID

    init(title: String, scopes: [KeyScope], screen: DeskScreenID) {
        self.title = title
        self.scopes = scopes
        self.screen = screen
    }

    var keyScopes: [KeyScope] { [.help] }

    func handle(_ key: Key, desk: DeskContext) -> Reaction? { .close }

    /// The entries, a section per scope.
    var lines: [String] {
        var lines: [String] = []
        for scope in scopes {
            let bindings = scope == .everyScreen ? KeyTable.bindings(on: screen) : KeyTable.bindings(in: scope)
            guard !bindings.isEmpty else { continue }
            let keyWidth = bindings.map { HelpLayer.keys(of: $0).displayWidth }.max() ?? 6
            lines.append("【\(HelpLayer.heading(of: scope, screen: screen))】")
            lines += bindings.map { HelpLayer.keys(of: $0).fitted(to: keyWidth + 2) + $0.label }
        }
        return lines
    }

    static func heading(of scope: KeyScope, screen: DeskScreenID) -> String {
        switch scope {
        case .everyScreen, .screens: "\(screen.title)页面"
        case .terminal: "任何时候"
        case .form: "表单"
        case .textEditing: "输入文字"
        case .textArea: "多行文字"
        case .dateField: "日期"
        case .choiceField: "选项"
        case .question: "确认"
        case .picker: "选择列表"
        case .prompt: "筛选和命令行"
        case .help: "帮助"
        case .command: "命令（按 : 后输入）"
        }
    }

    /// Every key of a binding as help writes it (`q/Ctrl-C`); a command by its words.
    static func keys(of binding: KeyBinding) -> String {
        if !binding.words.isEmpty { return binding.words.map { ":" + $0 }.joined(separator: " ") }
        let extra = binding.keys.dropFirst().compactMap(label(of:)).filter { !binding.keyLabel.contains($0) }
        return ([binding.keyLabel] + extra).joined(separator: "/")
    }

    static func label(of key: Key) -> String? {
        switch key {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .function(let number): "F\(number)"
        case .backTab: "Shift-Tab"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .delete: "Delete"
        default: nil
        }
    }

    /// The entries flow into as many columns as the height needs.
    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        let entries = lines
        let width = screen.columns - 2
        let perColumn = max(1, body.height - 4)
        let columnCount = max(1, (entries.count + perColumn - 1) / perColumn)
        let rowsUsed = (entries.count + columnCount - 1) / columnCount
        let columnWidth = (width - 4) / columnCount
        let boxLines = (0..<rowsUsed).map { line in
            DetailLine((0..<columnCount).map { column in
                let index = column * rowsUsed + line
                return (index < entries.count ? entries[index] : "").fitted(to: columnWidth, ellipsis: true)
            }.joined())
        }
        let close = KeyTable.bindings(in: .help).first.map { "（\($0.keyLabel)\($0.label)）" } ?? ""
        Box(title: "帮助：\(title)\(close)", lines: boxLines, width: width).render(on: screen, top: body.top, available: body.height)
    }
}
