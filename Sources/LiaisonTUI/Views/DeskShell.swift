import LiaisonCore

/// The frame around the pages: title line, tab line, the two panes, the message line and the hint bar.
/// Below 80×24 it says the window is too small instead.
struct DeskShell {
    static let minimumColumns = 80
    static let minimumRows = 24

    struct Layout {
        let bodyTop = 2
        let bodyHeight: Int
        let listWidth: Int
        let detailLeft: Int
        let detailWidth: Int
        let messageRow: Int
        let hintRow: Int

        init(rows: Int, columns: Int, listShare: Int) {
            bodyHeight = rows - 4
            listWidth = columns * listShare / 100
            detailLeft = listWidth + 2
            detailWidth = columns - detailLeft
            messageRow = rows - 2
            hintRow = rows - 1
        }
    }

    static func isTooSmall(_ screen: Screen) -> Bool {
        screen.rows < minimumRows || screen.columns < minimumColumns
    }

    static func renderTooSmall(on screen: Screen) {
        screen.clear()
        let lines = ["终端窗口太小", "当前 \(screen.columns)×\(screen.rows)，至少 \(minimumColumns)×\(minimumRows)", "请放大窗口"]
        let top = max(0, (screen.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < screen.rows {
            let left = max(0, (screen.columns - line.displayWidth) / 2)
            screen.draw(row: top + offset, column: left, line, role: offset == 0 ? .warning : .normal)
        }
    }

    static func renderTabs(on screen: Screen, current: DeskScreenID, badges: [DeskScreenID: String]) {
        screen.drawRow(1, "", role: .tab)
        var column = 1
        for id in DeskScreenID.allCases {
            let label = " \(id.rawValue) \(id.title)" + (badges[id].map { "(\($0))" } ?? "") + " "
            screen.draw(row: 1, column: column, label, role: id == current ? .activeTab : .tab)
            column += label.displayWidth + 1
        }
    }

    /// The keys that work here, from the key table: key in reverse, label plain.
    static func renderHints(on screen: Screen, row: Int, _ hints: [KeyBinding]) {
        screen.drawRow(row, "", role: .hint)
        var column = 1
        for hint in hints {
            let width = hint.keyLabel.displayWidth + hint.label.displayWidth + 3
            guard column + width <= screen.columns else { break }
            screen.draw(row: row, column: column, hint.keyLabel, role: .hintKey)
            screen.draw(row: row, column: column + hint.keyLabel.displayWidth + 1, hint.label, role: .hint)
            column += width
        }
    }

    /// The rule between the list (or form) and the detail pane, with a blank column either side of it.
    static func renderDivider(on screen: Screen, layout: Layout) {
        screen.draw(row: layout.bodyTop, column: layout.listWidth, " ", role: .normal)
        screen.drawVerticalRule(column: layout.listWidth, top: layout.bodyTop, height: layout.bodyHeight, role: .muted)
        screen.draw(row: layout.bodyTop, column: layout.listWidth + 1, " ", role: .normal)
    }

    static func renderDetail(on screen: Screen, layout: Layout, title: String, lines: [DetailLine], scroll: Int, focused: Bool) {
        screen.draw(row: layout.bodyTop, column: layout.detailLeft, title.fitted(to: layout.detailWidth),
                    role: focused ? .activeTab : .header)
        let height = layout.bodyHeight - 1
        for offset in 0..<height {
            let index = scroll + offset
            let line = index < lines.count ? lines[index] : DetailLine("")
            screen.draw(row: layout.bodyTop + 1 + offset, column: layout.detailLeft,
                        line.text.fitted(to: layout.detailWidth, ellipsis: true), role: line.role)
        }
    }

    /// A box over the body listing every key that works here, generated from the key table; the entries
    /// flow into as many columns as the height needs.
    static func renderHelp(on screen: Screen, layout: Layout, title: String, bindings: [KeyBinding]) {
        let keyWidth = bindings.map { keys(of: $0).displayWidth }.max() ?? 6
        let entries = bindings.map { keys(of: $0).fitted(to: keyWidth + 2) + $0.label }
        let width = screen.columns - 2
        let perColumn = max(1, layout.bodyHeight - 4)
        let columnCount = (entries.count + perColumn - 1) / perColumn
        let rowsUsed = (entries.count + columnCount - 1) / columnCount
        let columnWidth = (width - 4) / columnCount
        let lines = (0..<rowsUsed).map { line in
            DetailLine((0..<columnCount).map { column in
                let index = column * rowsUsed + line
                return (index < entries.count ? entries[index] : "").fitted(to: columnWidth)
            }.joined())
        }
        Box(title: "帮助：\(title)（按任意键关闭）", lines: lines, width: width)
            .render(on: screen, top: layout.bodyTop, available: layout.bodyHeight)
    }

    /// Every key of a binding as the help writes it (`q/Ctrl-C`).
    static func keys(of binding: KeyBinding) -> String {
        let extra = binding.keys.dropFirst().compactMap(label(of:)).filter { !binding.keyLabel.contains($0) }
        return ([binding.keyLabel] + extra).joined(separator: "/")
    }

    static func label(of key: Key) -> String? {
        switch key {
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
        default: nil
        }
    }
}
