import LiaisonCore

/// The line of a page's sections (管理: 代表 三官一员 …; 代表: 名单 积分申请 …), the current one marked, with
/// the keys that switch them at the right when they fit.
struct SectionTabs {
    /// Each section's title, with its count when it has one.
    let labels: [(title: String, count: Int?)]
    let current: Int
    let screen: DeskScreenID

    func render(on screen: Screen, row: Int, width: Int) {
        screen.drawRow(row, "", role: .normal)
        // With the counts when they fit, else the current section's alone: every section stays named at 80 columns.
        let counted = labels.map { " \($0.title)" + ($0.count.map { " \($0)" } ?? "") + " " }
        let fits = counted.reduce(1) { $0 + $1.displayWidth } <= width
        let shown = fits ? counted : labels.indices.map { $0 == current ? counted[$0] : " \(labels[$0].title) " }
        var column = 1
        for (index, label) in shown.enumerated() {
            screen.draw(row: row, column: column, label, role: index == current ? .activeTab : .muted)
            // Each label carries its own spaces: no gap between them, so all of them fit at 80 columns.
            column += label.displayWidth
        }
        let keys = [Action.previousSection, .nextSection].compactMap { action in
            KeyTable.bindings(on: self.screen).first { $0.action == action }
        }
        let hint = keys.map(\.keyLabel).joined(separator: "/") + " 切换"
        if column + hint.displayWidth < width { screen.draw(row: row, column: width - hint.displayWidth - 1, hint, role: .muted) }
    }
}

extension BodyArea {
    /// The body below a page's section line.
    var belowSectionLine: BodyArea { BodyArea(top: top + 1, height: height - 1, width: width) }
}
