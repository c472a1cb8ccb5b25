import LiaisonCore

/// 登记履职: one entry for a deputy, an application until a supervisor approves it.
final class DutyEntryForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let deputy: Deputy
    private let rules: [DutyKind: PointRule]

    init(store: LiaisonStore, session: Session, deputy: Deputy) throws {
        self.store = store
        self.session = session
        self.deputy = deputy
        rules = try store.pointRules()
    }

    var sideTitle: String { "积分规则" }

    func sideLines(form: Form) -> [DetailLine] {
        var lines = [DetailLine("登记后为积分申请，督办人员认定后才计入积分和年度要求。进站接待由接待台自动登记。", role: .muted), DetailLine("")]
        lines += DutyKind.entered.compactMap { kind in rules[kind].map { DetailLine("\(kind.label)：\($0.label)") } }
        return lines
    }

    func makeForm() throws -> Form {
        let today = store.today
        return Form(title: "\(deputy.name)：登记履职", fields: [
            FormField("kind", "履职类型", .choice(ChoiceField(options: ChoiceLists.labelled(DutyKind.entered), selectedValue: nil)), required: true),
            FormField("day", "日期", .date(DateField(day: today, today: today)), required: true),
            FormField("households", "走访户数", .text(TextField(limit: 3)), hint: "走访选民时必填"),
            FormField("note", "说明", .text(TextField(limit: DutyEntryDraft.noteLimit)), hint: "如 走访幸福里小区"),
        ])
    }

    func validate(_ form: inout Form) {
        let typed = form.number("households")
        if !typed.isEmpty, Int(typed) == nil { form.setError("households", "应为整数") }
    }

    func save(_ form: Form) throws -> SaveStep {
        guard let kind = form.choice("kind").flatMap(DutyKind.init(rawValue:)), let day = form.day("day") else { return .stay() }
        let households = kind == .householdVisit ? Int(form.number("households")) : nil
        try store.addDutyEntry(DutyEntryDraft(deputyID: deputy.id, day: day, kind: kind, households: households, note: form.text("note")),
                               session: session)
        return .done("已登记 \(deputy.name) \(day.iso) \(kind.label)" + (households.map { " \($0) 户" } ?? "") + "，待督办人员认定")
    }
}

/// 增加或调整接待日: a day besides the rule's, or the rule's day of a month moved (its seats go with it).
final class ReceptionDayForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let ruleDays: [ReceptionDaySlot]

    init(store: LiaisonStore, session: Session, month: (year: Int, month: Int)) throws {
        self.store = store
        self.session = session
        let first = Day.firstOfMonth(year: month.year, month: month.month)
        ruleDays = try store.receptionDays(from: first, through: first.adding(days: 62)).filter { $0.origin == .rule && $0.day >= store.today }
    }

    var sideTitle: String { "接待日" }
    func sideLines(form: Form) -> [DetailLine] {
        [DetailLine(store.station.receptionRule?.description ?? "本站没有固定的接待日", role: .muted), DetailLine(""),
         DetailLine("「代替」空着为增加一天；选了规定日则把那天调整到新日期，已排的值班一并移过去。")]
    }

    func makeForm() throws -> Form {
        let today = store.today
        let options = ruleDays.map { ChoiceOption(value: $0.day.iso, label: "\($0.day.iso) \($0.day.chineseWeekday)") }
        return Form(title: "增加或调整接待日", fields: [
            FormField("day", "接待日期", .date(DateField(day: nil, today: today)), required: true),
            // Empty unless chosen: adding a day is the harmless default, moving one takes its seats along.
            FormField("insteadOf", "代替", .choice(ChoiceField(options: options, selectedValue: nil)), hint: "空着为增加"),
            FormField("note", "说明", .text(TextField(limit: 60)), hint: "如 国庆调整"),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        guard let day = form.day("day") else { return .stay(focus: "day") }
        let insteadOf = form.choice("insteadOf").flatMap { Day(iso: $0) }
        try store.changeReceptionDay(day, insteadOf: insteadOf, note: form.text("note"), session: session)
        return .done(insteadOf.map { "已把 \($0.iso) 的接待日调整到 \(day.iso)" } ?? "已增加接待日 \(day.iso)", select: "day-\(day.iso)")
    }
}

/// 接待公告: the time and place, then the notice written beside the database as text ready to print.
final class NoticeForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let day: Day
    /// Read once: the preview is drawn on every key.
    private let seats: [DutySeat]

    init(store: LiaisonStore, session: Session, day: Day) throws {
        self.store = store
        self.session = session
        self.day = day
        seats = try store.dutyRoster(on: day)
    }

    var sideTitle: String { "公告预览" }
    func sideLines(form: Form) -> [DetailLine] {
        let text = (try? store.rosterNotice(day: day, seats: seats, hours: form.text("hours"), place: form.text("place"))) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { DetailLine(String($0)) }
    }

    func makeForm() throws -> Form {
        Form(title: "\(day.iso) 接待公告", fields: [
            FormField("hours", "接待时间", .text(TextField(text: ReceptionHours.text, limit: 30)), required: true),
            FormField("place", "接待地点", .text(TextField(text: store.station.address, limit: 100)), required: true),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        let file = "接待公告-\(day.iso).txt"
        if let failed = try BesideDatabase.write(file, store: store, export: { [self] path, write in
            try store.exportRosterNotice(day: day, hours: form.text("hours"), place: form.text("place"), fileName: path, session: session,
                                         write: write)
        }) { throw DomainError.invalid(failed.message?.text ?? "公告未能写入") }
        return .done("接待公告已写入数据库所在目录：\(file)")
    }
}

/// 分配联系群众: a resident by name and phone (found, or recorded as new) for a deputy to keep in touch with.
final class AssignResidentForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let deputy: Deputy
    private let kept: [ContactAssignment]

    init(store: LiaisonStore, session: Session, deputy: Deputy) throws {
        self.store = store
        self.session = session
        self.deputy = deputy
        kept = try store.contactAssignments(deputyID: deputy.id)
    }

    var sideTitle: String { "联系群众" }
    func sideLines(form: Form) -> [DetailLine] {
        return [DetailLine("\(deputy.name) 联系名单 \(kept.count) 人：")] + kept.map { DetailLine("\($0.name) \($0.maskedPhone)", indent: 2) }
            + [DetailLine(""), DetailLine("姓名和电话都对上的居民沿用原记录；同一电话的家人按姓名区分。", role: .muted)]
    }

    func makeForm() throws -> Form {
        Form(title: "\(deputy.name)：分配联系群众", fields: [
            FormField("name", "居民姓名", .text(TextField(limit: 20)), required: true),
            FormField("phone", "电话", .text(TextField(limit: 20)), required: true),
            FormField("community", "社区/小区", .text(TextField(limit: 40))),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        try store.assignResident(ResidentDraft(name: form.text("name"), phone: form.text("phone"), community: form.text("community")),
                                 to: deputy.id, session: session)
        return .done("已请 \(deputy.name) 联系 \(form.text("name"))", select: "\(deputy.id)")
    }
}

/// 登记联系: how and when a deputy reached one of their residents, and what was raised; 转为诉求 opens a
/// case from it in the same step.
final class ContactForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let deputy: Deputy
    private let kept: [ContactAssignment]

    init(store: LiaisonStore, session: Session, deputy: Deputy, kept: [ContactAssignment]) {
        self.store = store
        self.session = session
        self.deputy = deputy
        self.kept = kept
    }

    var sideTitle: String { "本月" }
    func sideLines(form: Form) -> [DetailLine] {
        let today = store.today
        return kept.map { DetailLine("\($0.name) " + ($0.contacted(inMonthOf: today) ? "已联系" : "未联系"),
                                     role: $0.contacted(inMonthOf: today) ? .normal : .dueSoon) }
    }

    func makeForm() throws -> Form {
        let today = store.today
        let first = kept.first { !$0.contacted(inMonthOf: today) } ?? kept.first
        return Form(title: "\(deputy.name)：登记联系群众", fields: [
            FormField("resident", "居民", .choice(ChoiceField(options: kept.map {
                ChoiceOption(value: "\($0.residentID)", label: $0.name, note: $0.maskedPhone)
            }, selectedValue: first.map { "\($0.residentID)" })), required: true),
            FormField("method", "方式", .choice(ChoiceField(options: ChoiceLists.labelled(ContactMethod.allCases),
                                                          selectedValue: ContactMethod.phone.rawValue)), required: true),
            FormField("day", "日期", .date(DateField(day: today, today: today)), required: true),
            FormField("raised", "反映的问题", .area(TextArea(limit: ContactDraft.raisedLimit), rows: 4)),
            FormField("openCase", "转为诉求", .choice(ChoiceField(options: [ChoiceOption(value: "0", label: "否"),
                                                                          ChoiceOption(value: "1", label: "是，登记为诉求")],
                                                                selectedValue: "0")), required: true),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        guard let resident = form.id("resident"), let day = form.day("day"),
              let method = form.choice("method").flatMap(ContactMethod.init(rawValue:)) else { return .stay() }
        let opened = try store.logContact(ContactDraft(deputyID: deputy.id, residentID: resident, day: day, method: method,
                                                       raised: form.text("raised"), openCase: form.choice("openCase") == "1"),
                                          session: session)
        let who = form.chosenOption("resident")?.label ?? ""
        return .done("已登记 \(deputy.name) \(method.label)联系 \(who)" + (opened.map { "，已登记诉求 \($0.code)" } ?? ""), select: "\(deputy.id)")
    }
}
