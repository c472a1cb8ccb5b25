import LiaisonCore

/// A resident invited: one whose case is on the agenda, or anyone typed in with their group. The notices
/// name them as surname + 某 unless they agree to their full name.
final class ResidentInviteForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private let meeting: Meeting
    private let resident: (id: Int64, name: String)?
    private static let consent = [ChoiceOption(value: "0", label: "否（写成 王某）"), ChoiceOption(value: "1", label: "是，同意写全名")]

    init(store: LiaisonStore, session: Session, meeting: Meeting, resident: (id: Int64, name: String)?) {
        self.store = store
        self.session = session
        self.meeting = meeting
        self.resident = resident
    }

    var sideTitle: String { "邀请群众" }
    func sideLines(form: Form) -> [DetailLine] {
        [DetailLine(meeting.title, role: .header), DetailLine("\(meeting.day.iso) \(meeting.timeText)"), DetailLine(""),
         DetailLine("公示里群众只写姓氏加「某」，本人同意的才写全名。", role: .muted)]
    }

    /// A resident picked from the cases keeps their record (and so is forgotten with it when anonymised):
    /// only one typed in gives a name.
    func makeForm() throws -> Form {
        let name = resident == nil ? [FormField("name", "姓名", .text(TextField(limit: 20)), required: true)] : []
        return Form(title: resident.map { "邀请 \($0.name)" } ?? "邀请群众", fields: name + [
            FormField("group", "身份", .choice(ChoiceField(options: ChoiceLists.labelled(ResidentGroup.allCases),
                                                          selectedValue: resident == nil ? nil : ResidentGroup.concerned.rawValue)),
                      required: true, hint: "居民代表、物业、商户、企业"),
            FormField("public", "公示写全名", .choice(ChoiceField(options: ResidentInviteForm.consent, selectedValue: "0")), required: true),
        ])
    }

    func validate(_ form: inout Form) {}

    func save(_ form: Form) throws -> SaveStep {
        guard let group = form.choice("group").flatMap(ResidentGroup.init(rawValue:)) else { return .stay(focus: "group") }
        let name = resident?.name ?? form.text("name")
        try store.invite(.resident(id: resident?.id, name: name, group: group, namePublic: form.choice("public") == "1"),
                         to: meeting.id, session: session)
        return .done("已邀请 \(name)（\(group.label)）", select: "meeting-\(meeting.id)")
    }
}
