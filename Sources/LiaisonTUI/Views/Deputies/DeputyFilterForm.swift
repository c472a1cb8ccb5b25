import LiaisonCore

/// The roster's conditions (F): level, sector, group and short of this year's quota, combinable; an
/// empty field does not filter.
final class DeputyFilterForm: FormSpec {
    private let store: LiaisonStore
    private let conditions: DeputyListSection.Conditions
    private let apply: (DeputyListSection.Conditions) throws -> Void

    init(store: LiaisonStore, conditions: DeputyListSection.Conditions, apply: @escaping (DeputyListSection.Conditions) throws -> Void) {
        self.store = store
        self.conditions = conditions
        self.apply = apply
    }

    var sideTitle: String { "条件筛选" }

    func sideLines(form: Form) -> [DetailLine] {
        [DetailLine("空着的一项不作筛选；几项同时填，代表须都符合。"), DetailLine(""),
         DetailLine("未达年度要求：今年进站接待天数或走访户数少于本站设置中这一级代表的要求。"), DetailLine(""),
         DetailLine("筛选后按 c 清除。")]
    }

    func makeForm() throws -> Form {
        let deputies = try store.deputies()
        let distinct = { (values: [String]) in
            values.filter { !$0.isEmpty }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.sorted()
                .map { ChoiceOption(value: $0, label: $0) }
        }
        return Form(title: "代表：条件筛选", fields: [
            FormField("level", "级别", .choice(ChoiceField(options: ChoiceLists.labelled(DeputyLevel.allCases),
                                                        selectedValue: conditions.level?.rawValue))),
            FormField("sector", "界别", .choice(ChoiceField(options: distinct(deputies.map(\.sector)), selectedValue: conditions.sector))),
            FormField("group", "小组", .choice(ChoiceField(options: distinct(deputies.map(\.group)), selectedValue: conditions.group))),
            FormField("quota", "年度要求", .choice(ChoiceField(options: [ChoiceOption(value: "short", label: "未达年度要求")],
                                                          selectedValue: conditions.shortOfQuota ? "short" : nil))),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        let chosen = DeputyListSection.Conditions(level: form.choice("level").flatMap(DeputyLevel.init(rawValue:)), sector: form.choice("sector"),
                                             group: form.choice("group"), shortOfQuota: form.choice("quota") == "short")
        try apply(chosen)
        return .done(chosen.isEmpty ? "没有筛选条件" : "筛选：\(chosen.label)（c 清除）")
    }
}
