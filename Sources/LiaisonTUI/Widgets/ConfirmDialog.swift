/// A yes/no question in a box over the screen; y or Enter says yes, n or Esc says no.
public struct ConfirmDialog: Sendable, Equatable {
    public let question: String
    public let details: [String]
    public let yesLabel: String
    public let noLabel: String

    public init(_ question: String, details: [String] = [], yes: String = "确定", no: String = "取消") {
        self.question = question
        self.details = details
        yesLabel = yes
        noLabel = no
    }

    /// True for yes, false for no, nil for a key that answers nothing.
    public func answer(to key: Key) -> Bool? {
        switch KeyTable.action(for: key, in: .dialog) {
        case .confirm?: true
        case .decline?: false
        default: nil
        }
    }

    func render(on screen: Screen, top: Int, available: Int) {
        var lines = details.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines.append(DetailLine("y 或 Enter：\(yesLabel)    n 或 Esc：\(noLabel)", role: .hint))
        let width = max(44, ([question] + details).map { $0.displayWidth + 6 }.max() ?? 0)
        Box(title: question, lines: lines, width: width).render(on: screen, top: top, available: available)
    }
}
