import LiaisonCore

/// What a view over the page (a form, a picker) tells the desk after a key.
enum ModalResult: Equatable {
    case stay
    /// The view is done; the desk reloads and shows the message.
    case close(message: String?)
}

/// A view that takes over the body and the keys until it closes.
protocol DeskModal: AnyObject {
    func handle(_ key: Key) -> ModalResult
    func render(on screen: Screen, layout: DeskShell.Layout)
}

/// How saving a form went.
enum SaveStep {
    case done(String)
    /// A question before saving (add the visit to the resident's open case?); each answer saves its way.
    case ask(ConfirmDialog, yes: () throws -> String, no: () throws -> String)
}

/// What one form does. `FormView` owns the keys, the questions, the messages and the drawing.
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
    /// The pane beside the form.
    func sideLines(form: Form, width: Int) -> [DetailLine]
}

extension FormSpec {
    func intercept(_ key: Key, form: inout Form) -> Bool { false }
    func edited(_ field: String, form: inout Form) {}
}

/// A form on the list pane with its spec's pane beside it. A failed save says why on the message line and
/// keeps every field as typed; Esc on a changed form asks before throwing the input away.
final class FormView: DeskModal {
    /// What the form is asking before it goes on.
    private enum Question {
        /// Esc on a changed form: yes closes it unsaved, no goes back to it.
        case discard
        /// The spec's question before saving; each answer saves its own way.
        case beforeSaving(ConfirmDialog, yes: () throws -> String, no: () throws -> String)

        var dialog: ConfirmDialog {
            switch self {
            case .discard: ConfirmDialog("放弃已填写的内容吗？", details: ["表单里填写的内容将不会保存。"], yes: "放弃", no: "继续填写")
            case .beforeSaving(let dialog, _, _): dialog
            }
        }
    }

    private(set) var form: Form
    let spec: FormSpec
    private(set) var message: (text: String, role: TextRole)?
    private var question: Question?
    private var showingHelp = false

    init(spec: FormSpec) throws {
        form = try spec.makeForm()
        self.spec = spec
    }

    func handle(_ key: Key) -> ModalResult {
        if showingHelp {
            showingHelp = false
            return .stay
        }
        if let question { return answer(question, key: key) }
        message = nil
        if spec.intercept(key, form: &form) { return .stay }
        let event = form.handle(key)
        for edited in form.lastEdited {
            spec.edited(edited, form: &form)
            if let limit = form[edited].overflowLimit { message = ("这一项最多 \(limit) 个字，多出的没有收下", .warning) }
        }
        switch event {
        case .handled, .ignored: break
        case .help: showingHelp = true
        case .save: return save()
        case .cancel:
            guard form.isDirty else { return .close(message: nil) }
            question = .discard
        }
        return .stay
    }

    private func answer(_ question: Question, key: Key) -> ModalResult {
        guard let yes = question.dialog.answer(to: key) else { return .stay }
        self.question = nil
        switch question {
        case .discard: return yes ? .close(message: "已放弃，未保存") : .stay
        case .beforeSaving(_, let saveIfYes, let saveIfNo): return attempt(yes ? saveIfYes : saveIfNo)
        }
    }

    private func save() -> ModalResult {
        form.clearErrors()
        form.markInvalidFields()
        spec.validate(&form)
        guard form.focusFirstError() else {
            let (label, problem) = form.firstError!
            message = ("未保存：\(label) \(problem)", .warning)
            return .stay
        }
        do {
            switch try spec.save(form) {
            case .done(let text): return .close(message: text)
            case .ask(let dialog, let yes, let no):
                question = .beforeSaving(dialog, yes: yes, no: no)
                return .stay
            }
        } catch {
            return failed(error)
        }
    }

    private func attempt(_ write: () throws -> String) -> ModalResult {
        do {
            return .close(message: try write())
        } catch {
            return failed(error)
        }
    }

    private func failed(_ error: Error) -> ModalResult {
        message = ("保存失败：\(userMessage(for: error))（填写的内容都还在，可改后再按 Ctrl-S）", .warning)
        return .stay
    }

    func render(on screen: Screen, layout: DeskShell.Layout) {
        let cursor = form.render(on: screen, top: layout.bodyTop, left: 0, width: layout.listWidth, height: layout.bodyHeight)
        DeskShell.renderDivider(on: screen, layout: layout)
        DeskShell.renderDetail(on: screen, layout: layout, title: spec.sideTitle,
                               lines: spec.sideLines(form: form, width: layout.detailWidth), scroll: 0, focused: false)
        screen.drawRow(layout.messageRow, message?.text ?? "", role: message?.role ?? .normal)
        DeskShell.renderHints(on: screen, row: layout.hintRow, KeyTable.hints(in: question == nil ? .form : .dialog))
        if let question {
            question.dialog.render(on: screen, top: layout.bodyTop, available: layout.bodyHeight)
        } else if showingHelp {
            DeskShell.renderHelp(on: screen, layout: layout, title: form.title, bindings: KeyTable.bindings(in: .form))
        } else if let cursor {
            screen.placeCursor(row: cursor.row, column: cursor.column)
        }
    }
}
