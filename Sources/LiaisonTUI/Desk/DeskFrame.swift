import LiaisonCore

/// The frame around the pages: title line, tab line, the body, the message line and the hint bar, and
/// the pieces pages and layers draw with (the divider, the detail pane, the help box). Below 80×24 it
/// says the window is too small instead.
struct DeskFrame {
    static let minimumColumns = 80
    static let minimumRows = 24

    let rows: Int
    let columns: Int

    var body: BodyArea { BodyArea(top: 2, height: rows - 4, width: columns) }
    var messageRow: Int { rows - 2 }
    var hintRow: Int { rows - 1 }
    var isTooSmall: Bool { rows < DeskFrame.minimumRows || columns < DeskFrame.minimumColumns }

    static func renderTooSmall(on screen: Screen) {
        let lines = ["终端窗口太小", "当前 \(screen.columns)×\(screen.rows)，至少 \(minimumColumns)×\(minimumRows)", "请放大窗口"]
        let top = max(0, (screen.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < screen.rows {
            let left = max(0, (screen.columns - line.displayWidth) / 2)
            screen.draw(row: top + offset, column: left, line, role: offset == 0 ? .warning : .normal)
        }
    }

    func renderTabs(on screen: Screen, current: DeskScreenID, badges: [DeskScreenID: String]) {
        screen.drawRow(1, "", role: .tab)
        var column = 1
        for id in DeskScreenID.allCases {
            let label = " \(id.rawValue) \(id.title)" + (badges[id].map { "(\($0))" } ?? "") + " "
            screen.draw(row: 1, column: column, label, role: id == current ? .activeTab : .tab)
            column += label.displayWidth + 1
        }
    }

    /// The keys that work here, from the key table: key in reverse, label plain.
    func renderHints(on screen: Screen, _ hints: [KeyBinding]) {
        screen.drawRow(hintRow, "", role: .hint)
        let width = { (hint: KeyBinding) in hint.keyLabel.displayWidth + hint.label.displayWidth + 3 }
        // Help stays on the bar however many keys a screen offers: it is how the rest are found.
        let help = hints.first { $0.action == .help }
        var shown = hints.filter { $0.action != .help }
        var room = screen.columns - 1 - (help.map(width) ?? 0)
        shown = Array(shown.prefix { hint in
            room -= width(hint)
            return room >= 0
        })
        let ordered = hints.filter { hint in hint.action == .help || shown.contains { $0.keyLabel == hint.keyLabel && $0.action == hint.action } }
        var column = 1
        for hint in ordered {
            let width = width(hint)
            guard column + width <= screen.columns else { break }
            screen.draw(row: hintRow, column: column, hint.keyLabel, role: .hintKey)
            screen.draw(row: hintRow, column: column + hint.keyLabel.displayWidth + 1, hint.label, role: .hint)
            column += width
        }
    }

    /// The rule between the list (or form) and the detail pane; the list keeps the column before it
    /// blank and the pane starts a column after it.
    static func renderDivider(on screen: Screen, column: Int, body: BodyArea) {
        screen.drawVerticalRule(column: column, top: body.top, height: body.height, role: .muted)
    }

    /// A pane of lines already wrapped to `width`, from line `scroll` on.
    static func renderDetail(on screen: Screen, left: Int, width: Int, body: BodyArea, title: String, lines: [DetailLine],
                             scroll: Int, focused: Bool) {
        screen.draw(row: body.top, column: left, title.fitted(to: width), role: focused ? .activeTab : .header)
        for offset in 0..<(body.height - 1) {
            let index = scroll + offset
            let line = index < lines.count ? lines[index] : DetailLine("")
            screen.draw(row: body.top + 1 + offset, column: left, line.text.fitted(to: width, ellipsis: true), role: line.role)
        }
    }
}
