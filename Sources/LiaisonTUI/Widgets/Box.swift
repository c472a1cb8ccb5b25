/// A framed block over the body (help, dialogs): a rule above and below, a title line, and the lines
/// padded to the box's width so nothing underneath shows through.
struct Box {
    let title: String
    let lines: [DetailLine]
    let width: Int

    /// Rows the box takes: two rules, the title, the lines and a blank line.
    var height: Int { lines.count + 4 }

    /// Draws the box centred in `top..<top+available` rows and across the screen; returns where its
    /// lines start, for widgets drawn inside it.
    @discardableResult
    func render(on screen: Screen, top: Int, available: Int) -> (row: Int, column: Int, width: Int) {
        let width = min(self.width, screen.columns - 2)
        let left = max(0, (screen.columns - width) / 2)
        let top = top + max(0, (available - height) / 2)
        screen.drawRule(row: top, column: left, length: width, role: .header)
        screen.draw(row: top + 1, column: left, ("  " + title).fitted(to: width), role: .header)
        for (offset, line) in lines.enumerated() {
            screen.draw(row: top + 2 + offset, column: left, ("  " + line.text).fitted(to: width, ellipsis: true), role: line.role)
        }
        screen.draw(row: top + 2 + lines.count, column: left, "".fitted(to: width), role: .normal)
        screen.drawRule(row: top + height - 1, column: left, length: width, role: .header)
        // A blank column either side keeps the page's text from running into the box.
        for row in top..<(top + height) {
            screen.draw(row: row, column: left - 1, " ", role: .normal)
            screen.draw(row: row, column: left + width, " ", role: .normal)
        }
        return (top + 2, left + 2, width - 4)
    }
}
