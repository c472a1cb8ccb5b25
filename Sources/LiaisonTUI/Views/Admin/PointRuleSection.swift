import LiaisonCore

/// 积分规则 on the administration screen: each kind of duty with its points for the year's first entry,
/// each further one and a yearly cap; Enter edits one. A changed rule counts the whole year again.
final class PointRuleSection: AdminSection {
    private let store: LiaisonStore
    private var rules: [DutyKind: PointRule] = [:]
    let title = "积分规则"
    let directoryList: DirectoryList? = nil

    init(store: LiaisonStore) {
        self.store = store
    }

    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("履职", width: 10), TableColumn("首次", width: 4, alignRight: true), TableColumn("其后", width: 4, alignRight: true),
        TableColumn("年封顶", width: 6, alignRight: true),
    ], detailTitle: "规则说明", emptyText: "") { [unowned self] id in
        guard let kind = id.flatMap(DutyKind.init(rawValue:)), let rule = rules[kind] else { return [] }
        return [.heading(kind.label), DetailLine(rule.label), DetailLine(""), DetailLine(PointRuleSection.explanation, role: .muted)]
    }

    static let explanation = "每项履职一年里第一次记多少分、以后每次记多少分，全年最多记多少分（空着不封顶）。进站接待按天计，同一天接待多人只算一次；"
        + "其他各项须督办人员认定后才计分。改了规则，今年已认定的登记按新规则重算。"

    func reload() throws {
        rules = try store.pointRules()
        rows.setEntries(DutyKind.allCases.compactMap { kind in
            rules[kind].map { rule in
                .row(kind.rawValue, [kind.label, "\(rule.first)", "\(rule.further)", rule.cap.map(String.init) ?? "不封顶"], search: [kind.label])
            }
        })
    }

    let hasMoreToLoad = false
    func loadMore() throws {}

    /// One row per kind of duty, always there: nothing to add or deactivate.
    func offers(_ action: Action) -> Bool { ![.addEntry, .toggleActive].contains(action) }

    func editor(for id: String?, session: Session) throws -> FormSpec? {
        guard let kind = id.flatMap(DutyKind.init(rawValue:)), let rule = rules[kind] else { return nil }
        return PointRuleForm(store: store, rule: rule, session: session)
    }

    func toggle(id: String, session: Session) throws -> Reaction {
        .say("积分规则不能停用；不计分就把分数改为 0", .warning)
    }
}

/// One kind's points rule; a cap left empty is no cap, a negative one is refused beside its field.
final class PointRuleForm: FormSpec {
    private let store: LiaisonStore
    private let rule: PointRule
    private let session: Session

    init(store: LiaisonStore, rule: PointRule, session: Session) {
        self.store = store
        self.rule = rule
        self.session = session
    }

    var sideTitle: String { "说明" }
    func sideLines(form: Form) -> [DetailLine] { [DetailLine(PointRuleSection.explanation, role: .muted)] }

    func makeForm() throws -> Form {
        let unit = rule.kind == .reception ? "天" : "次"
        return Form(title: "积分规则：\(rule.kind.label)", fields: [
            FormField("first", "首\(unit)", .text(TextField(text: "\(rule.first)", limit: 3)), required: true, hint: "分"),
            FormField("further", "其后每\(unit)", .text(TextField(text: "\(rule.further)", limit: 3)), required: true, hint: "分"),
            FormField("cap", "全年封顶", .text(TextField(text: rule.cap.map(String.init) ?? "", limit: 6)), hint: "分，空着不封顶"),
        ])
    }

    func validate(_ form: inout Form) {
        for key in ["first", "further", "cap"] where !form.number(key).isEmpty && Int(form.number(key)) == nil {
            form.setError(key, "应为整数")
        }
    }

    func save(_ form: Form) throws -> SaveStep {
        let cap = form.number("cap").isEmpty ? nil : Int(form.number("cap"))
        let edited = PointRule(kind: rule.kind, first: Int(form.number("first")) ?? 0, further: Int(form.number("further")) ?? 0, cap: cap)
        try store.updatePointRule(edited, session: session)
        return .done("已保存积分规则：\(rule.kind.label) \(edited.label)", select: rule.kind.rawValue)
    }
}
