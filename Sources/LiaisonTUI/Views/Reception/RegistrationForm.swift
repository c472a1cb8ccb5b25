import LiaisonCore

/// 登记来访: the walk-in form, fields in the order a clerk asks. Typing a phone number or a name (Chinese
/// or pinyin initials) lists registered residents beside the form; Enter takes the highlighted one,
/// fills the fields, shows their earlier visits and open cases, and moves on to the problem.
final class RegistrationForm: FormSpec {
    private let store: LiaisonStore
    private let session: Session
    private(set) var matches: [ResidentMatch] = []
    private(set) var highlighted = 0
    private(set) var returning: ResidentHistory?

    static let refusedPhone: Set<String> = ["无", "拒留", "不留", "不愿留"]

    init(store: LiaisonStore, session: Session) {
        self.store = store
        self.session = session
    }

    func makeForm() throws -> Form {
        let channels = Channel.allCases.filter { $0 != .meeting }
        let deputies = try store.deputies().map { ChoiceOption(value: "\($0.id)", label: $0.name, initials: $0.nameInitials) }
        return Form(title: "登记来访", fields: [
            FormField("name", "姓名", .text(TextField(limit: 20)), required: true, hint: "可打拼音首字母查找"),
            FormField("phone", "电话", .text(TextField(limit: 20)), required: true, hint: "不愿留电话填 无"),
            FormField("idNumber", "身份证号", .text(TextField(limit: 18)), hint: "选填"),
            FormField("community", "社区/小区", .text(TextField(limit: 30))),
            FormField("address", "住址", .text(TextField(limit: 60))),
            FormField("channel", "来访方式", .choice(ChoiceField(options: ChoiceLists.labelled(channels),
                                                              selectedValue: Channel.walkIn.rawValue))),
            FormField("category", "问题类别", .choice(ChoiceField(options: ChoiceLists.categories(try store.categories()))),
                      hint: "打字筛选"),
            FormField("problem", "反映问题", .area(TextArea(limit: 500), rows: 4), required: true),
            FormField("deputy", "要求见代表", .choice(ChoiceField(options: deputies)), hint: "选填"),
        ])
    }

    var sideTitle: String { returning == nil ? "已登记的居民" : "以往来访与在办诉求" }

    private func isLookupField(_ form: Form) -> Bool { ["name", "phone"].contains(form.focusedKey) }

    /// While residents are offered, the picker's keys of the key table choose among them.
    var keyScopes: [KeyScope] { matches.isEmpty ? [] : [.picker] }

    func intercept(_ key: Key, form: inout Form) -> Bool {
        // Typing over a returning resident's masked number replaces it: the stars go first, the key stays.
        if form.focusedKey == "phone", let chosen = returning?.resident, form.text("phone") == chosen.maskedPhone {
            switch key {
            case .character, .paste:
                form.setText("phone", "")
            case .backspace, .delete:
                form.setText("phone", "")
                edited("phone", form: &form)
                return true
            default: break
            }
        }
        guard isLookupField(form), !matches.isEmpty else { return false }
        switch KeyTable.action(for: key, in: .picker) {
        case .moveDown?: highlighted = min(highlighted + 1, matches.count - 1)
        case .moveUp?: highlighted = max(highlighted - 1, 0)
        case .pickOption?: choose(matches[highlighted], form: &form)
        default: return false
        }
        return true
    }

    func edited(_ field: String, form: inout Form) {
        guard field == "name" || field == "phone" else { return }
        // Changing the name or phone after choosing someone means it is someone else, whose number is
        // typed anew: the masked one shown for the resident chosen is nobody's number.
        // The masked number is no number at all: touched, it goes as a whole, and the name's change takes it too.
        if returning != nil, form.text("phone").contains("*") { form.setText("phone", "") }
        returning = nil
        highlighted = 0
        matches = (try? store.residentMatches(form.text(field))) ?? []
        form.setNotice("phone", sharingNotice(name: form.text("name"), phone: form.text("phone")))
    }

    /// The others registered with the phone typed, when it is not this name's own.
    private func others(name: String, phone: String) -> [Resident] {
        guard let stored = try? store.normalizedPhone(phone), let sharing = try? store.residents(withPhone: stored) else { return [] }
        return sharing.contains { $0.name == name } ? [] : sharing
    }

    /// 已登记为 夏秀英: said beside the phone, so the clerk sees the number is someone else's.
    private func sharingNotice(name: String, phone: String) -> String? {
        let others = others(name: name, phone: phone)
        return others.isEmpty ? nil : "已登记为 " + others.map(\.name).joined(separator: "、")
    }

    private func choose(_ match: ResidentMatch, form: inout Form) {
        let resident = match.resident
        form.setText("name", resident.name)
        // The resident is carried by id: the stored number is not put on screen, only its masked form.
        form.setText("phone", resident.phone == nil ? "无" : resident.maskedPhone)
        form.setText("community", resident.community)
        form.setText("address", resident.address)
        // The stored ID number stays stored and is not put on screen; a number typed now replaces it.
        form.setText("idNumber", "")
        returning = try? store.residentHistory(id: resident.id)
        matches = []
        form.setNotice("phone", nil)
        form.focus(on: "problem")
    }

    func validate(_ form: inout Form) {
        let phone = form.text("phone")
        if returning == nil, !phone.isEmpty, !RegistrationForm.refusedPhone.contains(phone),
           case .failure(let problem) = PhoneNumber.normalize(phone, areaCode: store.areaCode) {
            form.setError("phone", problem.message)
        }
        let idNumber = form.text("idNumber")
        if !idNumber.isEmpty, case .failure(let problem) = IDCardNumber.validate(idNumber, today: store.today) {
            form.setError("idNumber", problem.message)
        }
    }

    /// Saves under the right person: someone else on a phone already registered is asked about (a new
    /// person sharing it, or that person), and so is a person already in today's queue.
    func save(_ form: Form) throws -> SaveStep {
        let phone = form.text("phone")
        let refused = RegistrationForm.refusedPhone.contains(phone)
        let name = form.text("name")
        let resident = ResidentDraft(name: name, phone: refused ? nil : phone, phoneRefused: refused,
                                     idNumber: form.text("idNumber"), address: form.text("address"),
                                     community: form.text("community"))
        let draft = VisitDraft(residentID: returning?.resident.id, resident: resident,
                               channel: form.choice("channel").flatMap(Channel.init(rawValue:)) ?? .walkIn,
                               categoryID: form.id("category"), problem: form.text("problem"),
                               requestedDeputyID: form.id("deputy"))
        let others = returning == nil && !refused ? self.others(name: name, phone: phone) : []
        guard let other = others.first else {
            let known = try returning?.resident.id ?? (refused ? nil : store.resident(named: name, phone: store.normalizedPhone(phone))?.id)
            let today = try known.flatMap { try store.unfinishedVisit(ofResident: $0, on: store.today) }
                // Without a phone the name is all there is to go by.
                ?? (refused ? store.unfinishedVisit(named: name, withoutPhoneOn: store.today) : nil)
            return try register(draft, alreadyToday: today)
        }
        let names = others.map(\.name).joined(separator: "、")
        let question = Question("此电话已登记为 \(names)，\(name) 是另一个人吗？",
                                details: ["是：新登记 \(name)，与 \(names) 共用此电话",
                                          others.count == 1 ? "否：这次来的就是 \(other.name)" : "否：回到表单，从右边的名单里选"],
                                yes: "新登记 \(name)", no: others.count == 1 ? "就是 \(other.name)" : "回去选", destructive: false)
        return .ask(question, yes: { try self.register(draft, alreadyToday: nil) }, no: {
            guard others.count == 1 else {
                // Back to the form with everyone on this phone listed beside it, to pick from.
                self.matches = (try? self.store.residentMatches(phone)) ?? []
                self.highlighted = 0
                return .stay(focus: "phone")
            }
            var theirs = draft
            theirs.residentID = other.id
            return try self.register(theirs, alreadyToday: self.store.unfinishedVisit(ofResident: other.id, on: self.store.today))
        })
    }

    /// Registers the visit, first asking when the person is already in today's queue (Enter goes back
    /// to their number rather than making a second one).
    private func register(_ draft: VisitDraft, alreadyToday waiting: Visit?) throws -> SaveStep {
        let save = { () throws -> SaveStep in
            let visit = try self.store.registerVisit(draft, session: self.session)
            let stored = try self.store.resident(id: visit.residentID)?.name ?? draft.resident.name
            return .done("已登记：第 \(visit.queueNumber) 号 \(stored)", select: String(visit.id))
        }
        guard let waiting else { return try save() }
        let who = try store.resident(id: waiting.residentID)?.name ?? draft.resident.name
        let question = Question("\(who) 今天已登记第 \(waiting.queueNumber) 号，\(waiting.status.label)",
                                details: ["要再登记一次，还是回到第 \(waiting.queueNumber) 号？"],
                                yes: "再登记一次", no: "回到第 \(waiting.queueNumber) 号", destructive: true)
        return .ask(question, yes: save, no: {
            .done("\(who) 已在队列中：第 \(waiting.queueNumber) 号", select: String(waiting.id))
        })
    }

    func sideLines(form: Form) -> [DetailLine] {
        if let returning { return RegistrationForm.history(returning) }
        guard !matches.isEmpty else {
            return ["输入电话号码或姓名（也可打姓名的拼音首字母）时，这里列出已登记的居民；选中后自动填好。",
                    "一家人可以共用一个电话：同名同电话是同一个人。"].map { DetailLine($0, role: .muted) }
        }
        // Two lines a resident, so the narrow pane shows the name and phone whole.
        var lines = matches.enumerated().flatMap { index, match in
            let role: TextRole = index == highlighted ? .selected : .normal
            return [DetailLine("\(match.resident.name)  \(match.resident.maskedPhone)", role: role),
                    DetailLine("  来访\(match.visits)次 在办\(match.openCases)件 \(match.resident.community)",
                               role: index == highlighted ? .selected : .muted)]
        }
        lines.append(DetailLine(""))
        let keys = KeyTable.bindings(in: .picker).filter { [.moveDown, .moveUp, .pickOption].contains($0.action) }
        lines.append(DetailLine(keys.map { "\($0.keyLabel) \($0.label)" }.joined(separator: "，"), role: .muted))
        return lines
    }

    static func history(_ history: ResidentHistory) -> [DetailLine] {
        let resident = history.resident
        var lines = [DetailLine.heading(resident.name),
                     DetailLine("电话 \(resident.maskedPhone)"),
                     DetailLine("身份证 " + (resident.idNumber.map(IDCardNumber.masked) ?? "未登记")),
                     DetailLine("\(resident.community) \(resident.address)"),
                     DetailLine(""),
                     .heading("在办诉求 \(history.openCases.count) 件")]
        lines += history.openCases.map { summary in
            DetailLine("\(summary.code) \(summary.status.label) \(summary.categoryName) \(summary.title)")
        }
        lines.append(DetailLine(""))
        lines.append(.heading("以往来访 \(history.visits.count) 次"))
        lines += history.visits.map { visit in
            DetailLine("\(visit.day.iso) \(visit.outcome?.label ?? visit.status.label) \(visit.problem)", role: .muted)
        }
        return lines
    }
}
