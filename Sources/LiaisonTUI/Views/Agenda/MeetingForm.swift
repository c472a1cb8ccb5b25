import LiaisonCore

/// 新建会议 or 修改/改期: kind, title, day, start and end, place, organiser. A new day, time or place on a
/// meeting whose notice was posted says the notice must be written again.
final class MeetingForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private var meeting: Meeting?
    private let day: Day?
    /// The plans of the day typed, read when the day field changes.
    private var plans: [DetailLine] = [DetailLine("填好日期后，这里列出当天已有的安排。", role: .muted)]

    init(store: LiaisonStore, session: Session, meeting: Meeting?, day: Day?) {
        self.store = store
        self.session = session
        self.meeting = meeting
        self.day = day
    }

    var sideTitle: String { "当天安排" }

    func sideLines(form: Form) -> [DetailLine] {
        plans + (meeting?.announcedAt == nil ? [] : [DetailLine(""), DetailLine("会前公告已写：改了会议后须重写公告。", role: .dueSoon)])
    }

    func edited(_ field: String, form: inout Form) {
        guard field == "day", let day = form.day("day") else { return }
        loadPlans(of: day)
    }

    private func loadPlans(of day: Day) {
        var lines = [DetailLine.heading("\(day.iso) \(day.chineseWeekday)")]
        if !store.calendar.isWorkingDay(day) { lines.append(DetailLine(store.calendar.name(of: day).map { "\($0) 放假" } ?? "休息日", role: .dueSoon)) }
        do {
            let others = try store.agenda(from: day, through: day).filter { $0.meetingID == nil || $0.meetingID != meeting?.id }
            lines += others.isEmpty ? [DetailLine("没有其他安排", role: .muted)]
                : others.map { DetailLine("\($0.time) \($0.kind.label) \($0.title)" + ($0.cancelled ? "（已取消）" : "")) }
        } catch {
            lines.append(DetailLine(userMessage(for: error), role: .warning))
        }
        plans = lines
    }

    /// Saved over the meeting as it is now, once the clerk has looked again at what they typed.
    func rebuilt(keeping form: Form) throws -> Form? {
        guard let id = meeting?.id else { return nil }
        meeting = try store.meeting(id: id)
        guard meeting?.status == .planned else { return nil }
        var again = try makeForm()
        again.take(form)
        return again
    }

    func makeForm() throws -> Form {
        if let day = meeting?.day ?? day { loadPlans(of: day) }
        let kinds = ChoiceLists.labelled(MeetingKind.allCases.filter { $0 != .reception })
        return Form(title: meeting.map { "修改会议：\($0.title)" } ?? "新建会议", fields: [
            FormField("kind", "会议类型", .choice(ChoiceField(options: kinds, selectedValue: meeting?.kind.rawValue)), required: true),
            FormField("title", "会议名称", .text(TextField(text: meeting?.title ?? "", limit: MeetingDraft.titleLimit)), required: true,
                      hint: "如 3号楼加装电梯三方共议"),
            FormField("day", "日期", .date(DateField(day: meeting?.day ?? day, today: store.today)), required: true),
            FormField("start", "开始时间", .text(TextField(text: meeting?.startsAt.clockText ?? "", limit: 5)), required: true, hint: "如 14:30"),
            FormField("end", "结束时间", .text(TextField(text: meeting?.endsAt?.clockText ?? "", limit: 5)), hint: "可空"),
            FormField("place", "地点", .text(TextField(text: meeting?.place ?? "", limit: 60)), hint: "如 社区议事厅"),
            FormField("organiser", "组织单位", .text(TextField(text: meeting?.organiser ?? "", limit: 30)), hint: "如 和平社区居委会"),
        ])
    }

    func validate(_ form: inout Form) {
        guard let day = form.day("day") else { return }
        if !form.text("start").isEmpty, LocalTime(day: day, clock: form.text("start")) == nil { form.setError("start", "应为时间，如 14:30") }
        if !form.text("end").isEmpty, LocalTime(day: day, clock: form.text("end")) == nil { form.setError("end", "应为时间，如 16:00") }
    }

    func save(_ form: Form) throws -> SaveStep {
        guard let day = form.day("day"), let kind = form.choice("kind").flatMap(MeetingKind.init(rawValue:)),
              let start = LocalTime(day: day, clock: form.text("start")) else { return .stay() }
        let draft = MeetingDraft(kind: kind, title: form.text("title"), startsAt: start,
                                 endsAt: form.text("end").isEmpty ? nil : LocalTime(day: day, clock: form.text("end")),
                                 place: form.text("place"), organiser: form.text("organiser"))
        let past = day < store.today
        let write = { [store, session, meeting] () throws -> SaveStep in
            guard let meeting else {
                let id = try store.createMeeting(draft, session: session)
                return .done(past ? "已补记会议：按 t 添加议题、i 邀请参加，再按 c 结束" : "已新建会议：下一步按 t 添加议题、i 邀请参加（「\(draft.title)」）",
                             select: "meeting-\(id)")
            }
            let renotice = try store.updateMeeting(id: meeting.id, draft, expectedVersion: meeting.version, session: session)
            return .done("已保存「\(draft.title)」" + (renotice ? "；会前公告须重写（P）" : ""), select: "meeting-\(meeting.id)")
        }
        // A day gone by is a meeting recorded after it was held (补记), closed next: asked, not refused.
        guard past, day != meeting?.day else { return try write() }
        // Enter keeps the form: a mistyped year is the likelier slip.
        return .ask(Question("\(day.iso) 已经过去：补记一个开过的会吗？", details: ["补记后按 c 结束会议，记下纪要和结果。"], yes: "补记", no: "改日期",
                             destructive: true), yes: write, no: { .stay(focus: "day") })
    }
}
