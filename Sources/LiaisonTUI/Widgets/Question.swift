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

    public enum Answer: Equatable, Sendable {
        case yes, no
        /// Back to where the question came from, answering nothing.
        case back
    }

    /// The answer a key gives; nil for a key that answers nothing. Where one answer loses something,
    /// Esc is the other one.
    public func answer(to key: Key) -> Answer? {
        switch KeyTable.action(for: key, in: .question) {
        case .confirm?: .yes
        case .decline?: .no
        case .dismiss?: destructive ? .no : .back
        case .safeAnswer?: destructive ? .no : .yes
        default: nil
        }
    }

    /// What each key answers, from the key table: `y：放弃    n/Esc 或 Enter：继续填写`.
    var keyLine: String {
        let key = { (action: Action) in KeyTable.keyLabel(action, in: .question) }
        guard destructive else {
            return "\(key(.confirm)) 或 \(key(.safeAnswer))：\(yesLabel)    \(key(.decline))：\(noLabel)    \(key(.dismiss))：返回"
        }
        return "\(key(.confirm))：\(yesLabel)    \(key(.decline))/\(key(.dismiss)) 或 \(key(.safeAnswer))：\(noLabel)"
    }

    func render(on screen: Screen, top: Int, available: Int) {
        var lines = details.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines.append(DetailLine(keyLine, role: .hint))
        let width = max(44, ([text, keyLine] + details).map { $0.displayWidth + 6 }.max() ?? 0)
        Box(title: text, lines: lines, width: width).render(on: screen, top: top, available: available)
    }
}
