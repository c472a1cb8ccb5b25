/// A yes/no question. When one answer loses or destroys something (`destructive`), it needs its own key
/// and Enter gives the safe answer; otherwise Enter gives the suggested answer, yes.
public struct Question: Sendable, Equatable {
    public let text: String
    public let details: [String]
    public let yesLabel: String
    public let noLabel: String
    public let destructive: Bool

    public init(_ text: String, details: [String] = [], yes: String = "确定", no: String = "取消", destructive: Bool) {
        self.text = text
        self.details = details
        yesLabel = yes
        noLabel = no
        self.destructive = destructive
    }

    /// True for yes, false for no, nil for a key that answers nothing.
    public func answer(to key: Key) -> Bool? {
        switch KeyTable.action(for: key, in: .question) {
        case .confirm?: true
        case .decline?: false
        case .safeAnswer?: !destructive
        default: nil
        }
    }

    /// The answers' keys, from the key table: `y：放弃    n/Esc 或 Enter：继续填写`.
    var keyLine: String {
        let enter = " 或 " + KeyTable.keyLabel(.safeAnswer, in: .question)
        let yes = KeyTable.keyLabel(.confirm, in: .question) + (destructive ? "" : enter) + "：" + yesLabel
        let no = KeyTable.keyLabel(.decline, in: .question) + (destructive ? enter : "") + "：" + noLabel
        return yes + "    " + no
    }

    func render(on screen: Screen, top: Int, available: Int) {
        var lines = details.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines.append(DetailLine(keyLine, role: .hint))
        let width = max(44, ([text, keyLine] + details).map { $0.displayWidth + 6 }.max() ?? 0)
        Box(title: text, lines: lines, width: width).render(on: screen, top: top, available: available)
    }
}
