import LiaisonCore

/// The one yes/no question over the desk: the page's (mark someone as left), the form's (discard what
/// was typed? join the open case?) and the desk's (quit?). Each answer returns what happens next; an
/// answer that fails says why on the message line.
final class QuestionLayer: Layer {
    let question: Question
    private let onYes: () throws -> Reaction
    private let onNo: () throws -> Reaction

    init(_ question: Question, yes: @escaping () throws -> Reaction, no: @escaping () throws -> Reaction = { .handled }) {
        self.question = question
        onYes = yes
        onNo = no
    }

    var keyScopes: [KeyScope] { [.question] }

    /// The table's keys with this question's answers: `y 放弃  n 继续填写  Esc 继续填写  Enter 继续填写`.
    var hints: [KeyBinding] {
        KeyTable.hints(in: .question).compactMap { binding in
            switch binding.keys.first.flatMap(question.answer(to:)) {
            case .yes?: binding.relabelled(question.yesLabel)
            case .no?: binding.relabelled(question.noLabel)
            case .back?: binding.relabelled("返回")
            case nil: nil
            }
        }
    }

    func handle(_ key: Key, desk: DeskContext) -> Reaction? {
        guard let answer = question.answer(to: key) else { return nil }
        do {
            switch answer {
            case .yes: return try onYes().popping(1)
            case .no: return try onNo().popping(1)
            case .back: return .close
            }
        } catch {
            return Reaction.say(userMessage(for: error), .warning).popping(1)
        }
    }

    func render(on screen: Screen, body: BodyArea, messageRow: Int) {
        question.render(on: screen, top: body.top, available: body.height)
    }
}
