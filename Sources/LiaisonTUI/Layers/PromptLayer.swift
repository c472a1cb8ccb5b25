/// A line typed on the message row: the filter (`/`) and the command line (`:`), one implementation.
final class PromptLayer: Layer {
    let prompt: String
    private(set) var field: TextField
    private let onChange: (String) -> Reaction
    private let onAccept: (String) -> Reaction
    private let onDismiss: () -> Reaction

    init(prompt: String, text: String = "", limit: Int = 40, onChange: @escaping (String) -> Reaction = { _ in .handled },
         onAccept: @escaping (String) -> Reaction, onDismiss: @escaping () -> Reaction = { .handled }) {
        self.prompt = prompt
        field = TextField(limit: limit)
        field.setText(text)
        self.onChange = onChange
        self.onAccept = onAccept
        self.onDismiss = onDismiss
    }

    var ownsMessageLine: Bool { true }
    var keyScopes: [KeyScope] { [.prompt, .textEditing] }

    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        switch KeyTable.action(for: key, in: .prompt) {
        case .accept?: return onAccept(field.text.trimmingCharacters(in: .whitespaces)).popping(1)
        case .dismiss?: return onDismiss().popping(1)
        default:
            let before = field.text
            guard field.handle(key) else { return nil }
            var reaction = field.text == before ? Reaction.handled : onChange(field.text)
            if field.overflowed { reaction.message = DeskMessage(TextField.overflowMessage(field.limit), .warning) }
            return reaction
        }
    }

    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        let (text, cursor) = field.visible(width: screen.columns - prompt.displayWidth - 1)
        screen.drawRow(messageRow, prompt + text)
        screen.placeCursor(row: messageRow, column: prompt.displayWidth + cursor)
    }
}
