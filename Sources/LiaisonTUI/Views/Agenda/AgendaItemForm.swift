import LiaisonCore

/// 添加议题: a typed topic, or an open case (the joint tier, 会商办, offered first) as a new item or joined
/// to an item already there: several cases on one problem share one item.
final class AgendaItemForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let meeting: Meeting
    private let candidates: [LinkedCase]
    private let items: [AgendaItem]

    init(store: LiaisonStore, session: Session, meeting: Meeting) throws {
        self.store = store
        self.session = session
        self.meeting = meeting
        candidates = try store.agendaCandidates()
        items = try store.agendaItems(meetingID: meeting.id)
    }

    var sideTitle: String { "议题" }
    func sideLines(form: Form) -> [DetailLine] {
        var lines = [DetailLine(meeting.title, role: .header)]
        lines += items.isEmpty ? [DetailLine("还没有议题", role: .muted)] : items.map { DetailLine("\($0.position). \($0.title)") }
        lines += [DetailLine(""), DetailLine("选诉求时议题可空着，用诉求的标题；同一问题的几件诉求选「并入」同一议题。", role: .muted)]
        if let id = form.id("case"), let chosen = candidates.first(where: { $0.id == id }) {
            lines += [DetailLine(""), .heading("\(chosen.code) \(chosen.status.label)"), DetailLine(chosen.title)]
        }
        return lines
    }

    func makeForm() throws -> Form {
        let cases = candidates.map { ChoiceOption(value: "\($0.id)", label: "\($0.code) \($0.title)",
                                                  note: ($0.tier == .joint ? "会商办 " : "") + $0.status.label) }
        let join = items.map { ChoiceOption(value: "\($0.id)", label: "\($0.position). \($0.title)") }
        var fields = [
            FormField("title", "议题", .text(TextField(limit: 60)), hint: "如 加装电梯费用分摊"),
            FormField("case", "诉求", .choice(ChoiceField(options: cases, selectedValue: nil)), hint: "可空；输入编号或标题筛选"),
            FormField("code", "或填编号", .text(TextField(limit: 12)), hint: "较早的诉求，如 2025-0123"),
        ]
        if !join.isEmpty {
            fields.append(FormField("join", "并入议题", .choice(ChoiceField(options: join, selectedValue: nil)), hint: "空着为新议题"))
        }
        return Form(title: "添加议题", fields: fields)
    }

    /// The case chosen from the list, or typed by its code: nil when neither, or the code is no case.
    private func chosenCase(_ form: Form) -> (id: Int64?, problem: String?) {
        let code = form.text("code")
        guard !code.isEmpty else { return (form.id("case"), nil) }
        if form.id("case") != nil { return (nil, "选了诉求就不用填编号") }
        do {
            guard let record = try store.caseRecord(code: code.halfWidthDigits) else { return (nil, "没有编号为 \(code) 的诉求") }
            return (record.id, nil)
        } catch {
            return (nil, userMessage(for: error))
        }
    }

    func validate(_ form: inout Form) {
        let (caseID, problem) = chosenCase(form)
        if let problem { form.setError("code", problem) }
        let joining = !items.isEmpty && form.id("join") != nil
        if joining, caseID == nil, problem == nil { form.setError("case", "并入已有议题须选一件诉求") }
        if !joining, form.text("title").isEmpty, caseID == nil, problem == nil { form.setError("title", "填写议题，或选一件诉求") }
    }

    func save(_ form: Form) throws -> SaveStep {
        let caseID = chosenCase(form).id
        if !items.isEmpty, let itemID = form.id("join"), let caseID {
            try store.linkCase(caseID, toItem: itemID, session: session)
            return .done("已把诉求并入议题「\(items.first { $0.id == itemID }?.title ?? "")」", select: "meeting-\(meeting.id)")
        }
        try store.addAgendaItem(meetingID: meeting.id, title: form.text("title"), caseIDs: caseID.map { [$0] } ?? [], session: session)
        return .done("已添加议题", select: "meeting-\(meeting.id)")
    }
}
