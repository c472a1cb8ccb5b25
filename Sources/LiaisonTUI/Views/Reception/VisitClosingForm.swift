import LiaisonCore

/// The three ways a visit ends at the desk: answered on the spot (当场答复), turned into a case
/// (转为诉求, dispatched now or later from the board) or referred (转介, e.g. to the legal officer on duty).
final class VisitClosingForm: FormSpec {
    private let store: LiaisonStore
    private let entry: QueueEntry
    /// The three ways the clerk closes a visit with a form (过号 and 离开 need none).
    enum Way {
        case answer, openCase, refer

        var outcome: VisitOutcome {
            switch self {
            case .answer: .answeredOnSpot
            case .openCase: .caseOpened
            case .refer: .referred
            }
        }
    }

    private let way: Way
    private let session: Session
    private let categories: [CategoryEntry]

    init(store: LiaisonStore, entry: QueueEntry, way: Way, session: Session) throws {
        self.store = store
        self.entry = entry
        self.way = way
        visit = entry.visit
        self.session = session
        categories = try store.categories()
    }

    /// The visit as this form last saw it: saving checks it is still so.
    private var visit: Visit

    func makeForm() throws -> Form {
        let today = store.clock.today
        let deputies = ChoiceLists.deputies(try store.receivingDeputies(on: today))
        // The deputy who received the resident answers for the visit unless the clerk picks another.
        let deputy = visit.receivingDeputyID.map { "\($0)" } ?? deputies.first?.value
        let title = "\(entry.caller)：\(way.outcome.label)"
        switch way {
        case .answer:
            return Form(title: title, fields: [
                FormField("answer", "答复内容", .area(TextArea(limit: 500), rows: 5), required: true),
                FormField("deputy", "答复代表", .choice(ChoiceField(options: deputies, selectedValue: deputy)), required: true),
            ])
        case .openCase:
            let category = categories.first { $0.id == visit.categoryID }
            let departments = try store.departments()
            return Form(title: title, fields: [
                FormField("title", "诉求标题", .text(TextField(text: String(visit.problem.prefix(40)), limit: 60)), required: true),
                FormField("category", "问题类别", .choice(ChoiceField(options: ChoiceLists.categories(categories),
                                                                  selectedValue: visit.categoryID.map { "\($0)" })), required: true),
                FormField("tier", "分级", .choice(ChoiceField(options: ChoiceLists.labelled(Tier.allCases),
                                                            selectedValue: Tier.immediate.rawValue)), required: true),
                FormField("deputy", "责任代表", .choice(ChoiceField(options: deputies, selectedValue: deputy)), required: true),
                FormField("department", "交办单位", .choice(ChoiceField(options: ChoiceLists.directory(departments),
                                                                    selectedValue: category?.defaultDepartmentID.map { "\($0)" })),
                          hint: departments.isEmpty ? "还没有承办单位，见管理页" : "空则稍后交办"),
                FormField("days", "时限工作日", .text(TextField(text: "\(category?.dueWorkingDays ?? 10)", limit: 3)), hint: TimeLimit.hint),
            ])
        case .refer:
            let officers = try store.legalOfficers(onDutyOn: today)
            return Form(title: title, fields: [
                FormField("to", "转介给", .choice(ChoiceField(options: ChoiceLists.directory(officers + (try store.departments())),
                                                           selectedValue: officers.first { $0.onDuty }.map { "\($0.id)" })),
                          required: true, hint: "三官一员或单位"),
                FormField("note", "说明", .text(TextField(limit: 100))),
                FormField("deputy", "接待代表", .choice(ChoiceField(options: deputies, selectedValue: visit.receivingDeputyID.map { "\($0)" })),
                          hint: "选填"),
            ])
        }
    }

    var sideTitle: String { "来访内容" }

    func edited(_ field: String, form: inout Form) {
        // A new category brings its usual department and time limit.
        guard field == "category", let category = categories.first(where: { $0.id == form.id("category") }) else { return }
        form.setText("department", category.defaultDepartmentID.map { "\($0)" } ?? "")
        form.setText("days", "\(category.dueWorkingDays)")
    }

    func validate(_ form: inout Form) {
        guard way == .openCase, form.id("department") != nil else { return }
        if !TimeLimit.workingDays.contains(Int(form.number("days")) ?? 0) { form.setError("days", "填 \(TimeLimit.hint)") }
    }

    /// A save refused because another terminal changed the visit says what became of it; when the visit
    /// is still open, the form takes its new state, so the clerk can check and save again.
    func save(_ form: Form) throws -> SaveStep {
        do {
            return try write(form)
        } catch DomainError.visitChanged(let what) {
            guard let now = try store.visit(id: visit.id), now.outcome == nil, now.status != .left else {
                throw DomainError.visitChanged(what)
            }
            visit = now
            throw DomainError.visitChanged(what)
        }
    }

    private func write(_ form: Form) throws -> SaveStep {
        let label = entry.caller
        switch way {
        case .answer:
            let record = try store.answerOnSpot(visitID: visit.id, answer: form.text("answer"), deputyID: form.id("deputy"),
                                                expectedVersion: visit.version, session: session)
            return .done("\(label) 当场答复，已记为诉求 \(record.code) 并办结")
        case .refer:
            let option = form.chosenOption("to")
            try store.refer(visitID: visit.id, to: option.map { "\($0.label) \($0.note)" } ?? "", note: form.text("note"),
                            deputyID: form.id("deputy"), expectedVersion: visit.version, session: session)
            return .done("\(label) 已转介给 \(option?.label ?? "")")
        case .openCase:
            let openNew = { () throws -> String in try self.openCase(form, label: label) }
            guard let existing = try store.openCaseToJoin(visitID: visit.id, categoryID: form.id("category")) else {
                return .done(try openNew())
            }
            let question = Question("并入该居民在办的同类诉求吗？",
                                    details: ["\(existing.code) \(existing.status.label) \(existing.title)"],
                                    yes: "并入 \(existing.code)", no: "另立新诉求", destructive: false)
            return .ask(question, yes: {
                let dispatch = try self.store.addVisit(self.visit.id, toCase: existing.id,
                                                       dispatchTo: form.id("department"), workingDays: Int(form.number("days")) ?? 10,
                                                       expectedVersion: self.visit.version, session: self.session)
                let joined = "\(label) 已并入诉求 \(existing.code)"
                switch dispatch {
                case .dispatched(let department, let due): return .done(joined + "，已交办\(department)，\(due.iso) 前办结")
                case .stands(let department, let due):
                    return .done(joined + "，原交办\(department)" + (due.map { "（\($0.iso) 前）" } ?? "") + "不变")
                case .waiting: return .done(joined + "，待交办")
                }
            }, no: { .done(try openNew()) })
        }
    }

    private func openCase(_ form: Form, label: String) throws -> String {
        let draft = CaseDraft(title: form.text("title"), description: visit.problem, categoryID: form.id("category"),
                              tier: form.choice("tier").flatMap(Tier.init(rawValue:)), responsibleDeputyID: form.id("deputy"))
        let record = try store.openCase(fromVisit: visit.id, draft, dispatchTo: form.id("department"),
                                        workingDays: Int(form.number("days")) ?? 10, expectedVersion: visit.version, session: session)
        let dispatched = record.dueDate.map { "，已交办，\($0.iso) 前办结" } ?? "，待交办"
        return "\(label) 已立诉求 \(record.code)\(dispatched)"
    }

    func sideLines(form: Form) -> [DetailLine] {
        var lines = [DetailLine.heading("\(entry.residentName)  \(entry.maskedPhone)"),
                     DetailLine("\(visit.channel.label)  到达 \(visit.arrivedAt.clockText)"
                                + (entry.categoryName.isEmpty ? "" : "  \(entry.categoryName)")),
                     DetailLine(""), .heading("反映问题")]
        lines.append(DetailLine(visit.problem))
        return lines
    }
}
