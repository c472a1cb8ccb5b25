import LiaisonCore

/// A box over the page with one list to pick from (which deputy receives the resident): typing filters
/// it, Up/Down move, Enter picks and acts at once, Esc clears what was typed and then goes back.
final class PickLayer: Layer {
    let title: String
    let details: [String]
    private(set) var choice: ChoiceField
    private let onPick: (ChoiceOption) throws -> Reaction
    private var problem: String?

    init(title: String, details: [String] = [], options: [ChoiceOption], onPick: @escaping (ChoiceOption) throws -> Reaction) {
        self.title = title
        self.details = details
        choice = ChoiceField(options: options)
        choice.open()
        self.onPick = onPick
    }

    var keyScopes: [KeyScope] { [.picker, .textEditing] }

    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        problem = nil
        switch KeyTable.action(for: key, in: .picker) {
        case .pickOption?:
            guard let option = choice.highlightedOption else { return .handled }
            do {
                return try onPick(option).popping(1)
            } catch {
                problem = userMessage(for: error)
            }
        case .cancel? where choice.query.text.isEmpty:
            return .close
        case .cancel?:
            choice.select(value: choice.selectedValue)
            choice.open()
        case .moveDown?:
            _ = choice.handle(.down)
        case .moveUp?:
            _ = choice.handle(.up)
        default:
            // Typing goes to the list, which stays open.
            guard choice.handle(key) else { return nil }
            if !choice.isOpen { choice.open() }
        }
        return .handled
    }

    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        let listRows = ChoiceField.listHeight
        var lines = details.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines += Array(repeating: DetailLine(""), count: listRows + 1)
        lines.append(DetailLine(problem ?? "输入姓名或拼音首字母筛选", role: problem == nil ? .muted : .warning))
        let width = max(48, ([title] + details).map { $0.displayWidth + 6 }.max() ?? 0)
        let inside = Box(title: title, lines: lines, width: width).render(on: screen, top: body.top, available: body.height)
        let fieldRow = inside.row + details.count + 1
        let column = choice.render(on: screen, row: fieldRow, column: inside.column, width: inside.width, role: .input)
        choice.renderList(on: screen, top: fieldRow + 1, column: inside.column, width: inside.width, maxRows: listRows)
        if let column { screen.placeCursor(row: fieldRow, column: column) }
    }
}
