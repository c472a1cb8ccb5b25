import LiaisonCore

/// A form of one required line, for a step that needs one thing said (不予认定's reason, 取消会议's reason,
/// who attends for a department): what it is about in the pane beside it, and what saving does.
final class OneLineForm: FormSpec {
    let title: String
    /// The store's name for the value, so a refusal is said beside the field.
    let key: String
    let label: String
    let hint: String
    let limit: Int
    let sideTitle: String
    private let side: [DetailLine]
    private let onSave: (String) throws -> SaveStep

    init(title: String, key: String, label: String, hint: String, limit: Int = 100, sideTitle: String, side: [DetailLine],
         onSave: @escaping (String) throws -> SaveStep) {
        self.title = title
        self.key = key
        self.label = label
        self.hint = hint
        self.limit = limit
        self.sideTitle = sideTitle
        self.side = side
        self.onSave = onSave
    }

    func sideLines(form: Form) -> [DetailLine] { side }

    func makeForm() throws -> Form {
        Form(title: title, fields: [FormField(key, label, .text(TextField(limit: limit)), required: true, hint: hint)])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep { try onSave(form.text(key)) }
}
