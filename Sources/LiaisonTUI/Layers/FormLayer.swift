import LiaisonCore

/// How saving a form goes on.
enum SaveStep {
    /// Saved: the message, and the row the page beneath should select.
    case done(String, select: String? = nil)
    /// A question first (is this a new person on a shared phone? join the open case?); each answer goes
    /// on its own way, perhaps to another question.
    case ask(Question, yes: () throws -> SaveStep, no: () throws -> SaveStep)
    /// Back to the form, nothing written; `focus` names the field to go on from.
    case stay(focus: String? = nil)
}

/// What one form does. `FormLayer` owns the keys, the questions, the messages and the drawing.
protocol FormSpec: AnyObject {
    /// The form as it opens.
    func makeForm() throws -> Form
    var sideTitle: String { get }
    /// Sees a key before the form does (the registration's list of matching residents); true when used.
    func intercept(_ key: Key, form: inout Form) -> Bool
    /// A field's value changed.
    func edited(_ field: String, form: inout Form)
    /// Writes a message beside each bad field; the form is saved only when no field has one.
    func validate(_ form: inout Form)
    func save(_ form: Form) throws -> SaveStep
    /// The pane beside the form, unwrapped.
    func sideLines(form: Form) -> [DetailLine]
    /// Key scopes the spec itself answers to (a list offered beside the form), for help.
    var keyScopes: [KeyScope] { get }
    /// The form made again from what is stored now, after another terminal changed it, with what was
    /// typed kept; nil where the form cannot be made again (the save is then refused and said).
    func rebuilt(keeping form: Form) throws -> Form?
}

extension FormSpec {
    var keyScopes: [KeyScope] { [] }
    func intercept(_ key: Key, form: inout Form) -> Bool { false }
    func edited(_ field: String, form: inout Form) {}
    func rebuilt(keeping form: Form) throws -> Form? { nil }
}

/// A form on the list's side of the body with its spec's pane beside it. A failed save says why and
/// keeps every field as typed; Esc on a changed form asks before throwing the input away, with "keep
/// filling in" on Enter.
final class FormLayer: Layer {
    private(set) var form: Form
    let spec: FormSpec
    /// The form's share of the width: the list's on the page beneath.
    private let share: Int
    private var sideLines: [DetailLine] = []

    init(spec: FormSpec, share: Int) throws {
        form = try spec.makeForm()
        self.spec = spec
        self.share = share
    }

    var keyScopes: [KeyScope] {
        var scopes: [KeyScope] = [.form] + spec.keyScopes
        switch form.focusedInput {
        case .text: scopes.append(.textEditing)
        case .area: scopes += [.textArea, .textEditing]
        case .date: scopes += [.dateField, .textEditing]
        case .choice: scopes += [.choiceField, .textEditing]
        }
        return scopes
    }

    static let discard = Question("放弃已填写的内容吗？", details: ["表单里填写的内容将不会保存。"], yes: "放弃", no: "继续填写",
                                  destructive: true)

    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        if spec.intercept(key, form: &form) { return .handled }
        let event = form.handle(key)
        for edited in form.lastEdited { spec.edited(edited, form: &form) }
        var reaction = Reaction.handled
        // A full field says it did not take what was typed; a refused Tab says why in full.
        if let limit = form.lastOverflow { reaction = .say(TextField.overflowMessage(limit), .warning) }
        if let refusal = form.lastRefusal { reaction = .say(refusal, .warning) }
        switch event {
        case .handled: return reaction
        // Keys a form has no use for go no further (it is modal), but they are not counted as handled.
        case .ignored: return reaction.message == nil ? nil : reaction
        case .help:
            return .push(HelpLayer(title: form.title, scopes: keyScopes + [.terminal], screen: desk.current, session: desk.session))
        case .save: return save()
        case .cancel:
            guard form.isDirty else { return .close }
            return .push(QuestionLayer(FormLayer.discard, yes: { Reaction.say("已放弃，未保存").popping(1) }))
        }
    }

    private func save() -> Reaction {
        form.clearErrors()
        form.markInvalidFields()
        spec.validate(&form)
        if let (label, problem) = form.firstError {
            form.focusFirstError()
            return .say("未保存：\(label) \(problem)", .warning)
        }
        return attempt { try spec.save(form) }
    }

    /// A step of saving: done closes the form (from under the question that asked, if any).
    private func attempt(_ step: () throws -> SaveStep) -> Reaction {
        do {
            switch try step() {
            case .done(let text, let select):
                var reaction = Reaction.saved(text).popping(1)
                reaction.select = select
                return reaction
            case .ask(let question, let yes, let no):
                return .push(QuestionLayer(question, yes: { self.attempt(yes) }, no: { self.attempt(no) }))
            case .stay(let field):
                if let field { form.focus(on: field) }
                return .handled
            }
        } catch {
            return failed(error)
        }
    }

    /// A value the store refused goes beside its field when the form has it; anything else on the
    /// message line. Either way the form keeps what was typed.
    private func failed(_ error: Error) -> Reaction {
        if case DomainError.changedOnAnotherTerminal? = error as? DomainError, let again = try? spec.rebuilt(keeping: form) {
            form = again
            return .say("刚在另一终端改过：表单已按最新的重排，填的都还在，核对后再按 Ctrl-S", .warning)
        }
        if let problem = error as? InvalidField, form.fields.contains(where: { $0.key == problem.field }) {
            form.setError(problem.field, problem.message)
            form.focusFirstError()
            if let (label, message) = form.firstError { return .say("未保存：\(label) \(message)", .warning) }
        }
        return .say("保存失败：\(userMessage(for: error))（已填的都还在）", .warning)
    }

    private func listWidth(_ body: BodyArea) -> Int { body.width * share / 100 }

    func prepare(_ body: BodyArea) {
        // A blank column between the form and the rule.
        form.layout(width: listWidth(body) - 1, height: body.height)
        sideLines = spec.sideLines(form: form).flatMap { $0.wrapped(to: body.width - listWidth(body) - 2) }
    }

    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        // The body is the form's: nothing of the page beneath shows through a column it leaves blank.
        for row in body.top..<(body.top + body.height) { screen.drawRow(row, "", role: .normal) }
        let width = listWidth(body)
        let cursor = form.render(on: screen, top: body.top, left: 0, width: width - 1)
        DeskFrame.renderDivider(on: screen, column: width, body: body)
        DeskFrame.renderDetail(on: screen, left: width + 2, width: body.width - width - 2, body: body, title: spec.sideTitle,
                               lines: sideLines, scroll: 0, focused: false)
        if let cursor { screen.placeCursor(row: cursor.row, column: cursor.column) }
    }
}
