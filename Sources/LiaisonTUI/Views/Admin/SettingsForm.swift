import LiaisonCore

/// 本站设置: the station, its reception day, the area code for local numbers, each level's yearly
/// quota and how many residents its deputies keep in touch with, and how soon the terminal locks, in one
/// form that scrolls (the points rules have their own section).
/// Field keys are the settings' own, so a value the store refuses is said beside its field.
final class SettingsForm: FormSpec {
    private let store: LiaisonStore
    private let settings: StationSettings
    private let focus: String
    private let session: Session

    init(store: LiaisonStore, settings: StationSettings, focus: String, session: Session) {
        self.store = store
        self.settings = settings
        self.focus = focus
        self.session = session
    }

    private static func number(_ key: String, _ label: String, _ value: Int, hint: String) -> FormField {
        FormField(key, label, .text(TextField(text: String(value), limit: 3)), required: true, hint: hint)
    }

    func makeForm() throws -> Form {
        let kinds = StationKind.choiceOrder.map { ChoiceOption(value: $0.rawValue, label: $0.label) }
        let ties = ReceptionDayRule.Tie.allCases.map { ChoiceOption(value: $0.rawValue, label: $0.label) }
        var fields = [
            FormField("name", "名称", .text(TextField(text: settings.name, limit: max(StationSettings.nameLimit, settings.name.count))),
                      required: true),
            FormField("kind", "类型", .choice(ChoiceField(options: kinds, selectedValue: settings.kind.rawValue)), required: true),
            FormField("address", "地址", .text(TextField(text: settings.address, limit: max(100, settings.address.count)))),
            FormField("phone", "电话", .text(TextField(text: settings.phone, limit: 20)), hint: "带区号"),
            FormField("receptionDay", "接待选民日", .text(TextField(text: settings.receptionDay.map(String.init) ?? "", limit: 2)),
                      hint: "每月几号，空着为不固定"),
            FormField("tie", "前后一样近时", .choice(ChoiceField(options: ties, selectedValue: settings.tie.rawValue)), required: true,
                      hint: "接待日遇休息日"),
            FormField("themeDay", "主题活动日", .text(TextField(text: settings.themeDay.map(String.init) ?? "", limit: 2)),
                      hint: "每月几号，空着为没有"),
            FormField("areaCode", "区号", .text(TextField(text: settings.areaCode, limit: 4)), hint: "空着用本站电话的"),
        ]
        for level in DeputyLevel.allCases {
            let quota = settings.quotas[level] ?? .standard(for: level)
            fields.append(SettingsForm.number(StationSettings.quotaKey(level, .reception), "\(level.label)代表进站", quota.receptionDays,
                                              hint: "天/年"))
            fields.append(SettingsForm.number(StationSettings.quotaKey(level, .householdVisit), "\(level.label)代表走访",
                                              quota.householdVisits, hint: "户/年"))
            fields.append(SettingsForm.number(StationSettings.contactsKey(level), "\(level.label)代表联系", quota.contacts,
                                              hint: "人，每月联系"))
        }
        fields.append(SettingsForm.number("idleLockMinutes", "自动锁定", settings.idleLockMinutes, hint: "分钟无操作后"))
        fields.append(SettingsForm.number("returnLimitDays", "退回时限", settings.returnLimitDays, hint: "交办后工作日内"))
        fields.append(SettingsForm.number("satisfactionThreshold", "满意率要求", settings.satisfaction.threshold, hint: "%，低于的须说明"))
        fields.append(SettingsForm.number("minimumRatings", "最少测评", settings.satisfaction.minimumRatings, hint: "次，少于的不计"))
        fields.append(SettingsForm.number("explanationDays", "说明时限", settings.satisfaction.explanationDays, hint: "天"))
        fields.append(FormField("skipSignIn", "单人免登录", .choice(ChoiceField(options: SettingsForm.yesNo,
                                                                             selectedValue: settings.singleOperatorSkipsSignIn ? "1" : "0")),
                                required: true, hint: "只有一位操作员时"))
        var form = Form(title: "本站设置", fields: fields)
        form.focus(on: fields.contains { $0.key == focus } ? focus : "name")
        return form
    }

    private static let yesNo = [ChoiceOption(value: "0", label: "否（总要登录）"), ChoiceOption(value: "1", label: "是")]

    var sideTitle: String { "说明" }

    /// Whole numbers where numbers go; the store checks their ranges.
    func validate(_ form: inout Form) {
        for field in form.fields where !SettingsForm.mayBeEmpty(field.key) || !form.text(field.key).isEmpty {
            guard case .text = field.input, SettingsForm.isNumber(field.key) else { continue }
            if Int(form.number(field.key)) == nil { form.setError(field.key, "应为整数") }
        }
    }

    private static func mayBeEmpty(_ key: String) -> Bool { key == "receptionDay" || key == "themeDay" }

    private static func isNumber(_ key: String) -> Bool {
        mayBeEmpty(key) || ["idleLockMinutes", "returnLimitDays", "satisfactionThreshold", "minimumRatings", "explanationDays"].contains(key)
            || key.hasPrefix("quota.")
    }

    func save(_ form: Form) throws -> SaveStep {
        var edited = settings
        edited.name = form.text("name")
        edited.kind = form.choice("kind").flatMap(StationKind.init(rawValue:)) ?? settings.kind
        edited.address = form.text("address")
        edited.phone = form.text("phone")
        edited.receptionDay = Int(form.number("receptionDay"))
        edited.themeDay = Int(form.number("themeDay"))
        edited.tie = form.choice("tie").flatMap(ReceptionDayRule.Tie.init(rawValue:)) ?? settings.tie
        edited.areaCode = form.text("areaCode")
        for level in DeputyLevel.allCases {
            edited.quotas[level] = AnnualQuota(receptionDays: Int(form.number(StationSettings.quotaKey(level, .reception))) ?? 0,
                                               householdVisits: Int(form.number(StationSettings.quotaKey(level, .householdVisit))) ?? 0,
                                               contacts: Int(form.number(StationSettings.contactsKey(level))) ?? 0)
        }
        edited.idleLockMinutes = Int(form.number("idleLockMinutes")) ?? 0
        edited.returnLimitDays = Int(form.number("returnLimitDays")) ?? 0
        edited.satisfaction = SatisfactionRule(threshold: Int(form.number("satisfactionThreshold")) ?? 0,
                                               minimumRatings: Int(form.number("minimumRatings")) ?? 0,
                                               explanationDays: Int(form.number("explanationDays")) ?? 0)
        edited.singleOperatorSkipsSignIn = form.choice("skipSignIn") == "1"
        try store.updateSettings(edited, expected: settings, session: session)
        return .done("已保存本站设置", select: focus)
    }

    func sideLines(form: Form) -> [DetailLine] {
        [DetailLine(SettingsForm.explanation(of: form.focusedKey, areaCodeFromPhone: PhoneNumber.areaCode(of: form.text("phone"))),
                    role: .muted)]
    }

    /// The settings as the section lists them: the field each row opens at, its name and its value.
    static func lines(_ settings: StationSettings) -> [(key: String, label: String, value: String)] {
        var lines: [(String, String, String)] = [
            ("name", "名称", settings.name), ("kind", "类型", settings.kind.label), ("address", "地址", settings.address),
            ("phone", "电话", settings.phone),
            ("receptionDay", "接待选民日", settings.receptionDay.map { "每月 \($0) 日，前后一样近时\(settings.tie.label)" } ?? "不固定"),
            ("themeDay", "主题活动日", settings.themeDay.map { "每月 \($0) 日（议程页 T 排上）" } ?? "没有"),
            ("areaCode", "区号", settings.areaCode.isEmpty ? PhoneNumber.areaCode(of: settings.phone).map { "\($0)（本站电话的）" } ?? "未设"
                                                           : settings.areaCode),
        ]
        for level in DeputyLevel.allCases {
            let quota = settings.quotas[level] ?? .standard(for: level)
            lines.append((StationSettings.quotaKey(level, .reception), "年度要求·\(level.label)",
                          "进站 \(quota.receptionDays) 天，走访 \(quota.householdVisits) 户" + (quota.contacts > 0 ? "，联系 \(quota.contacts) 人" : "")))
        }
        lines.append(("idleLockMinutes", "自动锁定", "\(settings.idleLockMinutes) 分钟无操作后"))
        lines.append(("returnLimitDays", "退回时限", "交办后 \(settings.returnLimitDays) 个工作日内可退回"))
        lines.append(("satisfactionThreshold", "满意率要求", settings.satisfaction.description))
        lines.append(("skipSignIn", "单人免登录", settings.singleOperatorSkipsSignIn ? "是：只有一位操作员时打开即登录" : "否"))
        return lines
    }

    /// What a setting does, for the pane beside it.
    static func explanation(of key: String, areaCodeFromPhone: String?) -> String {
        switch key {
        case "name": return "联络站的名称，显示在标题行和公示上。"
        case "kind": return "代表联络站（街道、乡镇）、联络总站、联络点、代表工作室或行业代表联络站。"
        case "address", "phone": return "联络站的地址和电话，写在公示上；电话带区号。"
        case "receptionDay", "tie":
            return "每月固定的接待选民日。这一天不是工作日时改到最近的工作日；前后一样近（如长假中）时提前或推后。空着表示没有固定的接待日。"
        case "themeDay":
            return "每月的主题活动日，规则同接待日：不是工作日时改到最近的工作日。在议程页按 T 把三个月内的排上。空着表示没有。"
        case "areaCode":
            return "登记来访时，没带区号的 7 或 8 位固话按这个区号保存。空着则用本站电话的区号"
                + (areaCodeFromPhone.map { "（\($0)）" } ?? "（本站电话也没有区号时，固话须带区号）") + "。"
        case "idleLockMinutes": return "共用的终端多少分钟没人操作就锁定；本人输入 PIN 回到原处，换人登录则从头开始，原来没保存的表单给原操作员留着。"
        case "returnLimitDays": return "承办单位认为诉求不属本单位职责时，交办后这么多个工作日内可以退回（退回后待重新交办，不算逾期）；过了只能调整承办单位。"
        case "satisfactionThreshold", "minimumRatings", "explanationDays":
            return "承办单位（和代表评单的代表）期间满意率低于这个百分比的，须在说明时限内书面说明；测评次数少于最少测评的不计，免得一位群众不满意就标出一个单位。统计页按 E 写说明通知。"
        case "skipSignIn": return "只有一位在用的操作员时，打开工作台直接以他登录，不问 PIN；有两位以上时总要登录。"
        default:
            return "每位这一级的代表一年至少进站接待多少天、走访多少户选民，每月联系多少位群众（县区代表 5 人、乡镇代表 3 人为常见要求）；代表页按此标出未达到的。"
        }
    }
}
