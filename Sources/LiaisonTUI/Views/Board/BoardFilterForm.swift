import LiaisonCore

/// The board's filters (F): department, responsible deputy, category, tier and later rounds, combinable;
/// an empty field does not filter.
final class BoardFilterForm: FormSpec {
    private let store: LiaisonStore
    private let filter: CaseFilter
    private let apply: (CaseFilter, String) throws -> Void

    init(store: LiaisonStore, filter: CaseFilter, apply: @escaping (CaseFilter, String) throws -> Void) {
        self.store = store
        self.filter = filter
        self.apply = apply
    }

    var sideTitle: String { "条件筛选" }

    func sideLines(form: Form) -> [DetailLine] {
        [DetailLine("空着的一项不作筛选；几项同时填，诉求须都符合。"), DetailLine(""),
         DetailLine("筛选后标题行写明条件，按 c 清除。"), DetailLine("n / p 在符合条件的逾期诉求间逐件查看。")]
    }

    func makeForm() throws -> Form {
        let deputies = try store.deputies().map { ChoiceOption(value: "\($0.id)", label: $0.name, note: $0.level.label, initials: $0.nameInitials) }
        let value = { (id: Int64?) in id.map { "\($0)" } }
        return Form(title: "督办：条件筛选", fields: [
            FormField("department", "承办单位", .choice(ChoiceField(options: ChoiceLists.directory(try store.departments()),
                                                                selectedValue: value(filter.departmentID)))),
            FormField("deputy", "责任代表", .choice(ChoiceField(options: deputies, selectedValue: value(filter.deputyID)))),
            FormField("category", "问题类别", .choice(ChoiceField(options: ChoiceLists.categories(try store.categories()),
                                                              selectedValue: value(filter.categoryID)))),
            FormField("tier", "分级", .choice(ChoiceField(options: ChoiceLists.labelled(Tier.allCases), selectedValue: filter.tier?.rawValue))),
            FormField("rounds", "轮次", .choice(ChoiceField(options: [ChoiceOption(value: "later", label: "第2轮起（重新交办过）")],
                                                          selectedValue: filter.laterRounds ? "later" : nil))),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        let chosen = CaseFilter(departmentID: form.id("department"), deputyID: form.id("deputy"), categoryID: form.id("category"),
                                tier: form.choice("tier").flatMap(Tier.init(rawValue:)), laterRounds: form.choice("rounds") == "later")
        let label = ["department", "deputy", "category", "tier", "rounds"].compactMap { form.chosenOption($0)?.label }
            .joined(separator: "、")
        try apply(chosen, label)
        return .done(chosen.isEmpty ? "没有筛选条件" : "筛选：\(label)（c 清除）")
    }
}
