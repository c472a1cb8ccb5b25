import LiaisonCore

/// A box over the page with one list to pick from (which deputy receives the resident): typing filters
/// it, Up/Down move, Enter picks and acts at once, Esc goes back.
final class PickDialog: DeskModal {
    let title: String
    let details: [String]
    private(set) var choice: ChoiceField
    private let onPick: (ChoiceOption) throws -> String
    private(set) var message: String?

    init(title: String, details: [String] = [], options: [ChoiceOption], onPick: @escaping (ChoiceOption) throws -> String) {
        self.title = title
        self.details = details
        choice = ChoiceField(options: options)
        choice.open()
        self.onPick = onPick
    }

    func handle(_ key: Key) -> ModalResult {
        message = nil
        switch KeyTable.action(for: key, in: .picker) {
        case .confirm?:
            guard let option = choice.highlightedOption else { return .stay }
            do {
                return .close(message: try onPick(option))
            } catch {
                message = userMessage(for: error)
            }
        case .cancel? where choice.query.text.isEmpty:
            return .close(message: nil)
        case .cancel?:
            // Esc first clears what was typed, keeping the list open.
            choice.select(value: choice.selectedValue)
            choice.open()
        default:
            // Up/Down and typing go to the list, which stays open.
            _ = choice.handle(key)
            if !choice.isOpen { choice.open() }
        }
        return .stay
    }

    func render(on screen: Screen, layout: DeskShell.Layout) {
        let listRows = ChoiceField.listHeight
        var lines = details.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines += Array(repeating: DetailLine(""), count: listRows + 1)
        lines.append(DetailLine(message ?? "输入姓名或拼音首字母筛选", role: message == nil ? .muted : .warning))
        let width = max(48, ([title] + details).map { $0.displayWidth + 6 }.max() ?? 0)
        let inside = Box(title: title, lines: lines, width: width).render(on: screen, top: layout.bodyTop, available: layout.bodyHeight)
        let fieldRow = inside.row + details.count + 1
        let column = choice.render(on: screen, row: fieldRow, column: inside.column, width: inside.width, role: .input)
        choice.renderList(on: screen, top: fieldRow + 1, column: inside.column, width: inside.width, maxRows: listRows)
        if let column { screen.placeCursor(row: fieldRow, column: column) }
        DeskShell.renderHints(on: screen, row: layout.hintRow, KeyTable.hints(in: .picker))
    }
}
