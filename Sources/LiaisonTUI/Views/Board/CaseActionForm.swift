import LiaisonCore

/// The form of one case action on the board: its fields, the case beside it, and the one store call it
/// makes with the version the form opened on (a second terminal's change in between is refused, and what
/// was typed stays on screen).
final class CaseActionForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let action: CaseAction
    /// The case as the form last saw it: a save refused because another terminal changed the case takes
    /// its new state, so that the operator can check and save again without retyping.
    private var summary: CaseSummary
    /// Every marked case for a supervision note written to all of them; else only `summary`.
    private let marked: [CaseSummary]
    private let sideLines: [DetailLine]
    private let categories: [CategoryEntry]
    /// Called once the note is written to the marked cases: the marks are used up.
    private let usedMarks: () -> Void

    init(store: LiaisonStore, session: Session, action: CaseAction, summary: CaseSummary, marked: [CaseSummary] = [],
         side: [DetailLine], usedMarks: @escaping () -> Void = {}) throws {
        self.usedMarks = usedMarks
        self.store = store
        self.session = session
        self.action = action
        self.summary = summary
        self.marked = marked
        sideLines = side
        categories = try store.categories()
    }

    var sideTitle: String { marked.isEmpty ? "\(summary.code) \(summary.status.label)" : "已标记 \(marked.count) 件" }
    /// The case beside the form; a dispatch first says the due date the typed time limit gives.
    func sideLines(form: Form) -> [DetailLine] {
        guard action == .dispatch || action == .reopen else { return sideLines }
        guard let due = preview(form) else { return [DetailLine("办理时限填工作日数或日期", role: .muted), DetailLine("")] + sideLines }
        var lines = [DetailLine("交办后 \(due.dueDate.iso) 前办结", role: .header)]
        if let note = due.provisionalNote { lines.append(DetailLine(note, role: .dueSoon)) }
        return lines + [DetailLine("")] + sideLines
    }

    private func preview(_ form: Form) -> DispatchResult? {
        try? store.reckon(DueChoice.parse(form.text("due"), today: today))
    }

    private var today: Day { store.today }

    /// Departments with the usual one first: for a first dispatch the category's, for another round the
    /// department that had the case.
    private func departmentOptions(excluding current: Int64? = nil) throws -> ([ChoiceOption], String?) {
        let usual = action == .reopen ? try store.caseRecord(id: summary.id).departmentID
                                      : categories.first { $0.name == summary.categoryName }?.defaultDepartmentID
        let departments = try store.departments().filter { $0.id != current }
        let ordered = departments.filter { $0.id == usual } + departments.filter { $0.id != usual }
        return (ChoiceLists.directory(ordered), ordered.first.map { "\($0.id)" })
    }

    func makeForm() throws -> Form {
        let title = marked.isEmpty ? "\(summary.code) \(action.label)" : "\(action.label)（\(marked.count) 件）"
        let reason = { (label: String) in FormField("text", label, .area(TextArea(limit: 2000), rows: 4), required: true) }
        switch action {
        case .dispatch, .reopen:
            let (options, first) = try departmentOptions()
            let days = categories.first { $0.name == summary.categoryName }?.dueWorkingDays ?? 10
            var form = Form(title: title, fields: [
                FormField("department", "承办单位", .choice(ChoiceField(options: options, selectedValue: first)), required: true,
                          hint: options.isEmpty ? "还没有承办单位，见管理页" : ""),
                FormField("due", "办理时限", .text(TextField(text: "\(days)", limit: 10)), required: true, hint: "工作日数或日期"),
                FormField("text", "交办意见", .area(TextArea(limit: 500), rows: 3)),
            ])
            edited("due", form: &form)
            return form
        case .returnCase: return Form(title: title, fields: [reason("退回理由")])
        case .supervise: return Form(title: title, fields: [reason("督办意见")])
        case .requestExtension:
            return Form(title: title, fields: [
                FormField("due", "申请延至", .text(TextField(limit: 12)), required: true, hint: "日期，或在原期限上加的工作日数"),
                reason("延期理由"),
            ])
        case .decideExtension:
            return Form(title: title, fields: [
                FormField("decision", "审批", .choice(ChoiceField(options: [ChoiceOption(value: "1", label: "同意延期"),
                                                                          ChoiceOption(value: "0", label: "不同意")],
                                                                selectedValue: nil)), required: true),
                FormField("text", "意见", .text(TextField(limit: 100))),
            ])
        case .swapDepartment:
            let (options, _) = try departmentOptions(excluding: store.caseRecord(id: summary.id).departmentID)
            return Form(title: title, fields: [
                FormField("department", "改由", .choice(ChoiceField(options: options, selectedValue: nil)), required: true),
                reason("调整理由"),
            ])
        case .reply:
            return Form(title: title, fields: [
                FormField("text", "答复内容", .area(TextArea(limit: CaseActionForm.letterLimit), rows: 5), required: true),
                FormField("date", "答复日期", .date(DateField(day: today, today: today)), required: true),
                FormField("by", "答复人", .text(TextField(limit: 40)), hint: "如 王科长"),
            ])
        case .feedback:
            return Form(title: title, fields: [
                FormField("method", "告知方式", .choice(ChoiceField(options: ChoiceLists.labelled(FeedbackMethod.allCases),
                                                                selectedValue: FeedbackMethod.phone.rawValue)), required: true),
                FormField("date", "告知日期", .date(DateField(day: today, today: today)), required: true),
                FormField("text", "说明", .text(TextField(limit: 200))),
            ])
        case .rate:
            let grades = ChoiceLists.labelled(Satisfaction.allCases)
            return Form(title: title, fields: [
                FormField("result", "办理结果", .choice(ChoiceField(options: grades, selectedValue: nil)), required: true),
                FormField("attitude", "办理态度", .choice(ChoiceField(options: grades, selectedValue: nil))),
                FormField("by", "评价人", .choice(ChoiceField(options: ChoiceLists.labelled(RatedBy.allCases),
                                                           selectedValue: RatedBy.resident.rawValue)), required: true),
                FormField("text", "不满意原因", .area(TextArea(limit: 500), rows: 3), hint: "不满意时必填"),
            ])
        case .close, .closeWithReason: return Form(title: title, fields: [reason("销号理由")])
        case .escalate: return Form(title: title, fields: [reason("上报理由")])
        case .answerFromAbove:
            return Form(title: title, fields: [FormField("text", "上级答复", .area(TextArea(limit: CaseActionForm.letterLimit), rows: 5),
                                                         required: true)])
        case .triage:
            let record = try store.caseRecord(id: summary.id)
            return Form(title: title, fields: [
                FormField("category", "问题类别", .choice(ChoiceField(options: ChoiceLists.categories(categories),
                                                                  selectedValue: record.categoryID.map { "\($0)" })), required: true),
                FormField("tier", "分级", .choice(ChoiceField(options: ChoiceLists.labelled(Tier.allCases),
                                                            selectedValue: record.tier?.rawValue)), required: true),
            ])
        case .acknowledge:
            preconditionFailure("接单 has no form")
        }
    }

    /// The due date beside the time limit as it is typed (→ 12-02), and whether it is provisional (待定).
    func edited(_ field: String, form: inout Form) {
        guard field == "due" else { return }
        // An extension's days count on from the due date, as it will be saved; a dispatch's from today.
        if action == .requestExtension {
            form.setNotice("due", (try? requestedDate(form)).map { "→ \($0.iso.dropFirst(5))" })
        } else {
            form.setNotice("due", preview(form).map { "→ \($0.dueDate.iso.dropFirst(5))" + ($0.provisional ? "待定" : "") })
        }
    }

    /// A department's letter of reply, pasted whole.
    static let letterLimit = 20_000

    /// The date an extension asks for: a date, or working days added to the present due date.
    private func requestedDate(_ form: Form) throws -> Day {
        switch try DueChoice.parse(form.text("due"), today: today) {
        case .date(let day): return day
        case .workingDays(let days): return store.calendar.adding(workingDays: days, to: max(summary.dueDate ?? today, today))
        }
    }

    func validate(_ form: inout Form) {
        if action == .dispatch || action == .reopen {
            do { _ = try store.reckon(DueChoice.parse(form.text("due"), today: today)) } catch { form.setError("due", userMessage(for: error)) }
        }
        if action == .requestExtension {
            do { _ = try requestedDate(form) } catch { form.setError("due", userMessage(for: error)) }
        }
        if action == .decideExtension, form.choice("decision") == "0", form.text("text").isEmpty {
            form.setError("text", "不同意须写明理由")
        }
        if action == .rate, form.choice("result") == Satisfaction.unsatisfied.rawValue, form.text("text").isEmpty {
            form.setError("text", "不满意须写明原因")
        }
    }


    func save(_ form: Form) throws -> SaveStep {
        do {
            return try write(form)
        } catch DomainError.changedElsewhere(let code) {
            if let now = try? store.caseSummary(id: summary.id) { summary = now }
            throw DomainError.changedElsewhere(code)
        }
    }

    private func write(_ form: Form) throws -> SaveStep {
        let id = summary.id
        let version = summary.version
        let text = form.fields.contains { $0.key == "text" } ? form.text("text") : ""
        let code = summary.code
        switch action {
        case .dispatch, .reopen:
            let choice = try DueChoice.parse(form.text("due"), today: today)
            guard let department = form.id("department") else { return .stay(focus: "department") }
            let send = action == .dispatch ? store.dispatch : store.reopen
            let due = try send(id, department, choice, text, session, version)
            return .done("\(code) 已\(action.label)\(form.chosenOption("department")?.label ?? "")，\(due.dueDate.iso) 前办结"
                         + (due.provisionalNote.map { "（\($0)）" } ?? ""), select: "\(id)")
        case .returnCase:
            try store.returnCase(caseID: id, reason: text, session: session, expectedVersion: version)
            return .done("\(code) 已退回，待重新交办", select: "\(id)")
        case .supervise:
            let cases = marked.isEmpty ? [summary] : marked
            try store.supervise(cases.map { ($0.id, $0.version) }, note: text, session: session)
            if !marked.isEmpty { usedMarks() }
            return .done(marked.isEmpty ? "\(code) 已督办" : "已对 \(cases.count) 件写入督办意见", select: "\(id)")
        case .requestExtension:
            let date = try requestedDate(form)
            try store.requestExtension(caseID: id, until: date, reason: text, session: session, expectedVersion: version)
            return .done("\(code) 已登记延期申请，待督办人员审批", select: "\(id)")
        case .decideExtension:
            guard let decision = form.choice("decision") else { return .stay(focus: "decision") }
            let approve = decision == "1"
            try store.decideExtension(caseID: id, approve: approve, note: text, session: session, expectedVersion: version)
            let due = try store.caseRecord(id: id).dueDate?.iso ?? ""
            return .done("\(code) \(approve ? "已同意延期至" : "不同意延期，期限仍为") \(due)", select: "\(id)")
        case .swapDepartment:
            guard let department = form.id("department") else { return .stay(focus: "department") }
            try store.swapDepartment(caseID: id, to: department, reason: text, session: session, expectedVersion: version)
            return .done("\(code) 已改由\(form.chosenOption("department")?.label ?? "")办理", select: "\(id)")
        case .reply:
            try store.recordReply(caseID: id, text: text, on: form.day("date"), by: form.text("by"), session: session, expectedVersion: version)
            return .done("\(code) 已登记答复，待向群众反馈", select: "\(id)")
        case .feedback:
            let method = form.choice("method").flatMap(FeedbackMethod.init(rawValue:)) ?? .phone
            try store.recordFeedback(caseID: id, method: method, on: form.day("date"), text: text, session: session, expectedVersion: version)
            return .done("\(code) 已登记反馈，待群众评价", select: "\(id)")
        case .rate:
            guard let result = form.choice("result").flatMap(Satisfaction.init(rawValue:)) else { return .stay(focus: "result") }
            let rating = Rating(result: result, attitude: form.choice("attitude").flatMap(Satisfaction.init(rawValue:)),
                                ratedBy: form.choice("by").flatMap(RatedBy.init(rawValue:)) ?? .resident, comment: text)
            try store.rate(caseID: id, rating, session: session, expectedVersion: version)
            return .done(result.countsAsSatisfied ? "\(code) 群众\(result.label)，可销号" : "\(code) 群众不满意，待重新交办",
                         select: "\(id)")
        case .close, .closeWithReason:
            try store.close(caseID: id, reason: text, session: session, expectedVersion: version)
            return .done("\(code) 已销号")
        case .escalate:
            try store.escalate(caseID: id, reason: text, session: session, expectedVersion: version)
            return .done("\(code) 已上报上级人大", select: "\(id)")
        case .answerFromAbove:
            try store.answerFromAbove(caseID: id, answer: text, session: session, expectedVersion: version)
            return .done("\(code) 已登记上级答复，待向群众反馈", select: "\(id)")
        case .triage:
            try store.triage(caseID: id, categoryID: form.id("category"), tier: form.choice("tier").flatMap(Tier.init(rawValue:)),
                             session: session, expectedVersion: version)
            return .done("\(code) 已研判：\(form.chosenOption("category")?.label ?? "")，\(form.chosenOption("tier")?.label ?? "")",
                         select: "\(id)")
        case .acknowledge:
            preconditionFailure("接单 has no form")
        }
    }
}
