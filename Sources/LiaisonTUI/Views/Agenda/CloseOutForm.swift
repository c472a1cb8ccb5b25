import LiaisonCore

/// 结束会议: the minutes, each invitee present or absent, and for every item its discussion, its result
/// and, where an action was agreed, the department and the time limit in working days. Saved all at once
/// or not at all; a refusal is said beside its field.
final class CloseOutForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private var meeting: Meeting
    private var participants: [MeetingParticipant]
    private var items: [AgendaItem]
    private let departments: [ChoiceOption]
    private static let presence = [ChoiceOption(value: "1", label: "出席"), ChoiceOption(value: "0", label: "缺席")]

    init(store: LiaisonStore, session: Session, meeting: Meeting) throws {
        self.store = store
        self.session = session
        self.meeting = meeting
        participants = try store.participants(meetingID: meeting.id)
        items = try store.agendaItems(meetingID: meeting.id)
        departments = ChoiceLists.directory(try store.departments())
    }

    /// Another terminal invited someone or changed an item: the fields follow the meeting as it is now.
    func rebuilt(keeping form: Form) throws -> Form? {
        meeting = try store.meeting(id: meeting.id)
        guard meeting.status == .planned else { return nil }
        participants = try store.participants(meetingID: meeting.id)
        items = try store.agendaItems(meetingID: meeting.id)
        var again = try makeForm()
        again.take(form)
        return again
    }

    private static func key(_ field: String, _ item: AgendaItem) -> String { MeetingCloseOut.key(field, item: item.id) }

    var sideTitle: String { "会议" }
    func sideLines(form: Form) -> [DetailLine] {
        var lines = [DetailLine(meeting.title, role: .header), DetailLine("\(meeting.day.iso) \(meeting.timeText) \(meeting.place)"), DetailLine("")]
        // The item whose fields have the focus, with its cases, so the result is written beside what it answers.
        if let item = items.first(where: { form.focusedKey.hasSuffix("-\($0.id)") && !form.focusedKey.hasPrefix("attended") }) {
            lines += [.heading("议题\(item.position)：\(item.title)")]
            lines += item.cases.map { DetailLine("\($0.code) \($0.title)（\($0.status.label)）") }
            lines += [DetailLine(""), DetailLine("商定了办理事项的：关联诉求中待交办、在办或不满意的，按决议交给承办单位；都不能接的（或没有关联诉求），新开一件跟进诉求并交办。", role: .muted)]
        } else {
            lines += [.heading("议题 \(items.count) 项，参加 \(participants.count) 人")]
            lines += [DetailLine("纪要、每人出席与否、每项议题的结果都填好才能结束；出席的代表记一次会议履职。", role: .muted)]
        }
        return lines
    }

    func makeForm() throws -> Form {
        var fields = [FormField("minutes", "会议纪要", .area(TextArea(limit: 2000), rows: 3), required: true)]
        for person in participants {
            fields.append(FormField(MeetingCloseOut.attendedKey(person.id), person.line,
                                    .choice(ChoiceField(options: CloseOutForm.presence, selectedValue: nil)), required: true,
                                    hint: "出席或缺席"))
        }
        for item in items {
            let number = "议题\(item.position)"
            fields += [
                FormField(CloseOutForm.key("notes", item), "\(number)讨论", .text(TextField(limit: 200)), hint: "各方意见"),
                FormField(CloseOutForm.key("resolution", item), "\(number)结果", .text(TextField(limit: 200)), required: true),
                FormField(CloseOutForm.key("action", item), "\(number)办理", .text(TextField(limit: 100)), hint: "商定的事，可空"),
                FormField(CloseOutForm.key("department", item), "承办单位", .choice(ChoiceField(options: departments, selectedValue: nil)),
                          hint: "有办理事项时必填"),
                FormField(CloseOutForm.key("days", item), "时限", .text(TextField(limit: 3)), hint: "个工作日"),
            ]
        }
        return Form(title: "结束会议：\(meeting.title)", fields: fields)
    }

    func validate(_ form: inout Form) {
        for item in items {
            let days = form.number(CloseOutForm.key("days", item))
            if !days.isEmpty, Int(days) == nil { form.setError(CloseOutForm.key("days", item), "应为天数，如 10") }
            guard !form.text(CloseOutForm.key("action", item)).isEmpty else {
                if form.id(CloseOutForm.key("department", item)) != nil || !days.isEmpty {
                    form.setError(CloseOutForm.key("action", item), "须写办理事项")
                }
                continue
            }
            if form.id(CloseOutForm.key("department", item)) == nil { form.setError(CloseOutForm.key("department", item), "须选承办单位") }
            if days.isEmpty { form.setError(CloseOutForm.key("days", item), "须写时限") }
        }
    }

    func save(_ form: Form) throws -> SaveStep {
        let attended = Dictionary(uniqueKeysWithValues: participants.compactMap { person in
            form.choice(MeetingCloseOut.attendedKey(person.id)).map { (person.id, $0 == "1") }
        })
        let results = items.map { item in
            ItemResult(itemID: item.id, notes: form.text(CloseOutForm.key("notes", item)), resolution: form.text(CloseOutForm.key("resolution", item)),
                       action: form.text(CloseOutForm.key("action", item)), departmentID: form.id(CloseOutForm.key("department", item)),
                       workingDays: Int(form.number(CloseOutForm.key("days", item))))
        }
        let actions = results.filter { !$0.action.isEmpty }.count
        // Closing cannot be undone and may dispatch cases: asked first, keeping the form on Enter.
        let question = Question("结束「\(meeting.title)」吗？", details: [
            "出席 \(attended.values.filter { $0 }.count) 人，缺席 \(attended.values.filter { !$0 }.count) 人",
            actions > 0 ? "\(actions) 项办理事项将交办（关联诉求或新开跟进诉求）" : "没有商定办理事项",
            "结束后不能再改",
        ], yes: "结束会议", no: "再看看", destructive: true)
        return .ask(question, yes: { [store, session, meeting] in
            try store.closeMeeting(id: meeting.id, MeetingCloseOut(minutes: form.text("minutes"), attended: attended, results: results),
                                   expectedVersion: meeting.version, session: session)
            return .done("「\(meeting.title)」已结束" + (actions > 0 ? "，\(actions) 项办理事项已交办" : "") + "：按 P 写结果公示",
                         select: "meeting-\(meeting.id)")
        }, no: { .stay() })
    }
}
