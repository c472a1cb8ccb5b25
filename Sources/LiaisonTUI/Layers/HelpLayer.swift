import LiaisonCore

/// Every key that works where help was asked for, from the key table: the keys of what is on top first
/// (the screen's own, or the form's), then the rest; any key closes it. What the operator's role may
/// not do is listed dimmed, with the role that may.
final class HelpLayer: Layer {
    let title: String
    let scopes: [KeyScope]
    let screen: DeskScreenID
    let session: Session
    /// Whether the page does an action where it stands (a clerk's board has no 我的诉求): help lists
    /// only those.
    let offers: (Action) -> Bool

    init(title: String, scopes: [KeyScope], screen: DeskScreenID, session: Session, offers: @escaping (Action) -> Bool = { _ in true }) {
        self.title = title
        self.scopes = scopes
        self.screen = screen
        self.session = session
        self.offers = offers
    }

    var keyScopes: [KeyScope] { [.help] }

    /// Any key closes it, except those that work under any layer: Ctrl-X must lock with help open too.
    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        KeyTable.action(for: key, in: .terminal) == nil ? .close : nil
    }

    /// One line of help: a section's heading, or a binding's keys and what they do.
    enum Entry: Equatable {
        case heading(String)
        case binding(keys: String, label: String, allowed: Bool = true)

        func text(keyWidth: Int) -> String {
            switch self {
            case .heading(let title): "【\(title)】"
            case .binding(let keys, let label, _): keys.fitted(to: keyWidth + 1) + label
            }
        }

        var role: TextRole {
            if case .binding(_, _, false) = self { return .muted }
            return .normal
        }
    }

    /// The entries, a section per scope.
    var entries: [Entry] {
        var entries: [Entry] = []
        for scope in scopes {
            let bindings = (scope == .everyScreen ? KeyTable.bindings(on: screen) : KeyTable.bindings(in: scope)).filter { offers($0.action) }
            guard !bindings.isEmpty else { continue }
            entries.append(.heading(HelpLayer.heading(of: scope, screen: screen)))
            entries += bindings.map { binding in
                let allowed = binding.permission.map(session.may) ?? true
                let label = binding.label + (allowed ? "" : "（\(binding.permission!.rolesLabel)）")
                return .binding(keys: HelpLayer.keys(of: binding), label: label, allowed: allowed)
            }
        }
        return entries
    }

    /// The entries as text, the keys of each run of bindings lined up as wide as that run's widest
    /// (at most `limit`): a column of help holds runs from different sections.
    static func texts(_ entries: [Entry], limit: Int = .max) -> [String] {
        var texts: [String] = []
        var index = entries.startIndex
        while index < entries.endIndex {
            guard case .binding = entries[index] else {
                texts.append(entries[index].text(keyWidth: 0))
                index += 1
                continue
            }
            let run = entries[index...].prefix { if case .binding = $0 { true } else { false } }
            let keyWidth = min(limit, run.map { entry -> Int in
                if case .binding(let keys, _, _) = entry { return keys.displayWidth }
                return 0
            }.max() ?? 0)
            texts += run.map { $0.text(keyWidth: keyWidth) }
            index += run.count
        }
        return texts
    }

    var lines: [String] { HelpLayer.texts(entries) }

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
        case .signIn: "登录"
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

    /// The entries flow into as many columns as the height needs; a column keeps a blank before the next.
    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        let entries = entries
        let width = screen.columns - 2
        let perColumn = max(1, body.height - 4)
        let columnCount = max(1, (entries.count + perColumn - 1) / perColumn)
        let rowsUsed = (entries.count + columnCount - 1) / columnCount
        let columnWidth = (width - 4) / columnCount
        let columns = (0..<columnCount).map { index in
            let part = Array(entries.dropFirst(index * rowsUsed).prefix(rowsUsed))
            return Array(zip(HelpLayer.texts(part, limit: columnWidth - 7), part.map(\.role)))
        }
        let close = KeyTable.bindings(in: .help).first.map { "（\($0.keyLabel)\($0.label)）" } ?? ""
        let inside = Box(title: "帮助：\(title)\(close)", lines: Array(repeating: DetailLine(""), count: rowsUsed), width: width)
            .render(on: screen, top: body.top, available: body.height)
        // Each entry in its own role: a key the operator may not use is dimmed.
        for (index, column) in columns.enumerated() {
            for (line, (text, role)) in column.enumerated() {
                screen.draw(row: inside.row + line, column: inside.column + index * columnWidth,
                            text.fitted(to: columnWidth - 1, ellipsis: true), role: role)
            }
        }
    }
}
