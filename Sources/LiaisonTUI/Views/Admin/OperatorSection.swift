import LiaisonCore

/// 操作员 on the administration screen: who signs in, with which role; `a` adds one with a PIN, Enter
/// changes the role or sets a new PIN, `d` disables one (never deletes: what they did keeps their name)
/// or brings them back.
final class OperatorSection: AdminSection {
    private let store: LiaisonStore
    private var byID: [String: OperatorRecord] = [:]
    let title = "操作员"
    let directoryList: DirectoryList? = nil

    init(store: LiaisonStore) {
        self.store = store
    }

    private(set) lazy var rows = ListDetail(
        columns: [TableColumn("姓名", width: 6, elastic: true), TableColumn("角色", width: 8), TableColumn("对应代表", width: 6, flexible: true),
                  TableColumn("状态", width: 4)],
        detailTitle: "操作员详情", emptyText: "还没有操作员：按 \(KeyTable.key(of: .addEntry, on: .admin)) 添加") { [unowned self] id in
        id.flatMap { self.byID[$0] }.map(OperatorSection.detail(of:)) ?? []
    }

    func reload() throws {
        let operators = try store.operators()
        byID = Dictionary(uniqueKeysWithValues: operators.map { (String($0.id), $0) })
        rows.setEntries(operators.map { record in
            .row(String(record.id), [record.name, record.role.label, record.deputyName ?? "", record.active ? "在用" : "停用"],
                 role: record.active ? .normal : .muted, search: [record.name, record.role.label])
        })
    }

    let hasMoreToLoad = false
    func loadMore() throws {}

    private static func detail(of record: OperatorRecord) -> [DetailLine] {
        [.heading(record.name + (record.active ? "" : "（已停用）")), DetailLine("角色  \(record.role.label)"),
         DetailLine("对应代表  \(record.deputyName ?? "—")"), DetailLine(""),
         DetailLine(record.role == .deputy ? "登录后先看自己负责的诉求。" : OperatorSection.roleNote(record.role), role: .muted)]
    }

    static func roleNote(_ role: OperatorRole) -> String {
        switch role {
        case .clerk: "登记和接待来访。"
        case .deputy: "查看所有诉求，办理自己负责的。"
        case .supervisor: "办理所有诉求，未经满意测评的销号须督办人员。"
        case .admin: "维护名录、设置、操作员和节假日，查看审计日志。"
        }
    }

    func editor(for id: String?, session: Session) throws -> FormSpec? {
        let record = try id.map { id in
            guard let record = byID[id] else { throw DomainError.notFound("这位操作员") }
            return record
        }
        return OperatorForm(record: record, store: store, session: session)
    }

    func toggle(id: String, session: Session) throws -> Reaction {
        guard let record = byID[id] else { return .say("先选中一行", .warning) }
        guard record.active else {
            try store.setOperatorActive(id: record.id, true, session: session)
            return .saved("已恢复操作员 \(record.name)")
        }
        // Refused before the question, not after it.
        if record.role == .admin, !byID.values.contains(where: { $0.id != record.id && $0.role == .admin && $0.active }) {
            return .say("\(record.name) 是唯一在用的管理员，不能停用：先让另一位操作员成为管理员", .warning)
        }
        let question = Question("停用操作员 \(record.name) 吗？", details: ["停用后不能登录；做过的事仍记在他名下，可随时恢复。"],
                                yes: "停用", no: "不停用", destructive: true)
        return .push(QuestionLayer(question, yes: { [store] in
            try store.setOperatorActive(id: record.id, false, session: session)
            return .saved("已停用操作员 \(record.name)")
        }))
    }
}

/// Adds an operator (name, role, the deputy a deputy's operator is, a PIN typed twice) or changes one
/// (role, deputy, a new PIN or none). PINs are shown as *.
final class OperatorForm: FormSpec {
    private let record: OperatorRecord?
    private let store: LiaisonStore
    private let session: Session

    init(record: OperatorRecord?, store: LiaisonStore, session: Session) {
        self.record = record
        self.store = store
        self.session = session
    }

    func makeForm() throws -> Form {
        let roles = ChoiceLists.labelled(OperatorRole.allCases)
        let deputies = try store.deputies().map { ChoiceOption(value: "\($0.id)", label: $0.name, initials: $0.nameInitials) }
        var fields = [
            FormField("role", "角色", .choice(ChoiceField(options: roles, selectedValue: (record?.role ?? .clerk).rawValue)), required: true),
            FormField("deputy", "对应代表", .choice(ChoiceField(options: deputies, selectedValue: record?.deputyID.map { "\($0)" })),
                      hint: "代表身份时必填"),
            FormField("pin", "PIN", .text(TextField(limit: PIN.lengths.upperBound, secret: true)), required: record == nil,
                      hint: record == nil ? "4 到 12 位数字" : "空着不改"),
            FormField("pinAgain", "再输一次", .text(TextField(limit: PIN.lengths.upperBound, secret: true)), required: record == nil),
        ]
        if record == nil { fields.insert(FormField("name", "姓名", .text(TextField(limit: 20)), required: true), at: 0) }
        return Form(title: record.map { "修改操作员：\($0.name)" } ?? "添加操作员", fields: fields)
    }

    var sideTitle: String { "说明" }

    func validate(_ form: inout Form) {
        if PIN.typed(form.text("pin")) != PIN.typed(form.text("pinAgain")) { form.setError("pinAgain", "两次输入的 PIN 不一样") }
    }

    func save(_ form: Form) throws -> SaveStep {
        let role = form.choice("role").flatMap(OperatorRole.init(rawValue:)) ?? .clerk
        let deputyID = form.choice("deputy").flatMap(Int64.init)
        let pin = form.text("pin")
        guard let record else {
            let id = try store.createOperator(name: form.text("name"), role: role, pin: pin, deputyID: deputyID, session: session)
            return .done("已添加操作员：\(form.text("name"))（\(role.label)）", select: String(id))
        }
        // A PIN refused must not leave the role changed without it.
        if !pin.isEmpty { try PIN.check(PIN.typed(pin)) }
        try store.updateOperator(id: record.id, role: role, deputyID: deputyID, session: session)
        if !pin.isEmpty { try store.changePIN(operatorID: record.id, to: pin, session: session) }
        return .done("已保存操作员：\(record.name)" + (pin.isEmpty ? "" : "，PIN 已更换"), select: String(record.id))
    }

    func sideLines(form: Form) -> [DetailLine] {
        let role = form.choice("role").flatMap(OperatorRole.init(rawValue:)) ?? .clerk
        return [OperatorSection.roleNote(role), "代表身份的操作员须对应名录里的一位代表，登录后先看他负责的诉求。",
                "PIN 是 4 到 12 位数字，只存摘要；忘了就在这里设一个新的。", "最后一位在用的管理员不能停用，也不能改成别的角色。"]
            .map { DetailLine($0, role: .muted) }
    }
}
