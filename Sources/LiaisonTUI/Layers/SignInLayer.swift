import LiaisonCore

/// The shared terminal's door: the desk opens on it, the idle lock and the switch key bring it back.
/// It covers the whole screen, so nothing beneath (a resident's name in a half-typed form, the queue) is
/// drawn while it is up. Pick or type the operator, then the PIN; Enter signs in.
final class SignInLayer: Layer {
    enum Purpose: Equatable {
        /// The desk has just opened.
        case open
        /// The desk locked itself, or the operator stepped away: `who` was signed in.
        case locked(who: Session)
    }

    let purpose: Purpose
    private(set) var choice: ChoiceField
    private(set) var pin = ""
    private(set) var onPIN = false
    private var problem: String?

    init(purpose: Purpose, operators: [OperatorRecord]) {
        self.purpose = purpose
        choice = ChoiceField(options: operators.filter(\.active).map {
            ChoiceOption(value: $0.name, label: $0.name, note: $0.role.label)
        })
        if case .locked(let who) = purpose {
            // The one who stepped away is the likeliest to come back.
            choice.select(value: who.name)
            onPIN = choice.selectedValue != nil
        }
        if !onPIN { choice.open() }
    }

    var coversScreen: Bool { true }
    var keyScopes: [KeyScope] { [.signIn, .textEditing] }

    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        problem = nil
        let action = KeyTable.action(for: key, in: .signIn)
        if action == .quitDesk { return Shell.reaction(to: .quitDesk, desk: desk) }
        if onPIN { return handlePIN(key, action: action, desk: desk) }
        switch action {
        case .signIn?, .nextField?:
            // Typed text that matches nobody never falls back on whoever was chosen before.
            guard choice.unmatchedText == nil, choice.highlightedOption != nil || choice.selectedValue != nil else {
                problem = choice.options.isEmpty ? SignInLayer.noOperators : "没有这位操作员：输入姓名或拼音首字母，↑↓ 选择"
                return .handled
            }
            if choice.isOpen { _ = choice.handle(.enter) }
            onPIN = true
        case .cancel?:
            if choice.query.text.isEmpty { choice.select(value: nil) }
            _ = choice.handle(.escape)
            choice.open()
        default:
            guard choice.handle(key) else { return .handled }
            if !choice.isOpen { choice.open() }
        }
        return .handled
    }

    private func handlePIN(_ key: Key, action: Action?, desk: DeskContext) -> Reaction? {
        switch (action, key) {
        case (.signIn?, _):
            guard let name = choice.selectedValue else {
                onPIN = false
                return .handled
            }
            guard !pin.isEmpty else {
                // An empty PIN is no attempt: it is not counted towards the lock.
                problem = "请输入 PIN"
                return .handled
            }
            defer { pin = "" }
            do {
                return Reaction(signIn: try desk.store.signIn(name: name, pin: pin))
            } catch {
                problem = userMessage(for: error)
            }
        case (.cancel?, _), (.previousField?, _):
            if pin.isEmpty || action == .previousField {
                onPIN = false
                choice.open()
            }
            pin = ""
        case (_, .backspace):
            if !pin.isEmpty { pin.removeLast() }
        case (_, .character(let character)) where character.isNumber && !PIN.typed(String(character)).contains(where: { !$0.isASCII }):
            // Full-width digits, as an IME types them, are the same digits.
            if pin.count < PIN.lengths.upperBound { pin += PIN.typed(String(character)) }
        case (_, .paste):
            // A PIN is typed, never pasted from somewhere it was written down.
            problem = "PIN 请逐位输入"
        default:
            if case .character = key { problem = "PIN 只有数字" }
        }
        return .handled
    }

    /// Short enough for the box at 80 columns.
    static let noOperators = "还没有操作员：用 operator add 添加管理员"

    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        // Only the station's name: no figure, no resident, not even who waits.
        screen.drawRow(0, " 代表联络站工作台", role: .title)
        let listRows = ChoiceField.listHeight
        var lines = purposeLines.map { DetailLine($0, role: .muted) }
        lines.append(DetailLine("操作员"))
        lines += Array(repeating: DetailLine(""), count: listRows)
        lines.append(DetailLine("PIN"))
        lines.append(DetailLine(""))
        lines.append(DetailLine(problem ?? (onPIN ? "输入 PIN 后按 Enter；Esc 重选操作员" : "输入姓名或拼音首字母，↑↓ 选择，Enter 确定"),
                                role: problem == nil ? .muted : .warning))
        let inside = Box(title: "登录", lines: lines, width: 52).render(on: screen, top: body.top, available: body.height)
        let nameRow = inside.row + 2
        let pinRow = nameRow + listRows + 1
        let nameColumn = choice.render(on: screen, row: nameRow, column: inside.column + 8, width: inside.width - 8,
                                       role: onPIN ? .normal : .input)
        if !onPIN { choice.renderList(on: screen, top: nameRow + 1, column: inside.column + 8, width: inside.width - 8, maxRows: listRows) }
        let dots = String(repeating: "●", count: pin.count)
        screen.draw(row: pinRow, column: inside.column + 8, dots.fitted(to: inside.width - 8), role: onPIN ? .input : .normal)
        if onPIN {
            screen.placeCursor(row: pinRow, column: inside.column + 8 + dots.displayWidth)
        } else if let nameColumn {
            screen.placeCursor(row: nameRow, column: nameColumn)
        }
    }

    /// Two lines above the fields, each short enough for the box at 80 columns.
    private var purposeLines: [String] {
        switch purpose {
        case .open where choice.options.isEmpty: ["请选择操作员并输入 PIN", SignInLayer.noOperators]
        case .open: ["请选择操作员并输入 PIN", ""]
        case .locked(let who): ["已锁定（\(who.name)）", "本人输入 PIN 回到原处；其他人选自己登录"]
        }
    }
}
