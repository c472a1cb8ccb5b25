import Foundation

/// 年度要求: what a deputy must do in a year (进站接待不少于2次、走访选民不少于10户), and how many residents
/// they keep in touch with every month (联系群众: 县区代表 5 户，乡镇代表 3 户). The reception quota counts
/// the days a deputy received at the station (`DutyCredit`), not the residents seen; the visits count
/// households.
public struct AnnualQuota: Hashable, Sendable {
    public var receptionDays: Int
    public var householdVisits: Int
    public var contacts: Int

    public init(receptionDays: Int, householdVisits: Int, contacts: Int = 0) {
        self.receptionDays = receptionDays
        self.householdVisits = householdVisits
        self.contacts = contacts
    }

    /// The sources' minimums for a deputy of `level`, until the station sets its own.
    public static func standard(for level: DeputyLevel) -> AnnualQuota {
        AnnualQuota(receptionDays: 2, householdVisits: 10, contacts: level == .county ? 5 : level == .township ? 3 : 0)
    }

    public func receptionMet(by credit: DutyCredit) -> Bool { credit.receptionDays >= receptionDays }
    public func householdVisitsMet(by credit: DutyCredit) -> Bool { credit.householdVisits >= householdVisits }

    /// What is missing this year (进站差 1 天、走访差 10 户), nil when the quota is met.
    public func shortfall(of credit: DutyCredit) -> String? {
        var missing: [String] = []
        if receptionDays > credit.receptionDays { missing.append("进站差 \(receptionDays - credit.receptionDays) 天") }
        if householdVisits > credit.householdVisits { missing.append("走访差 \(householdVisits - credit.householdVisits) 户") }
        return missing.isEmpty ? nil : missing.joined(separator: "、")
    }
}

/// The station's own settings, as the administration screen edits them: the station itself, its
/// reception-day rule, the area code for local phone numbers, the yearly quotas per deputy level and how
/// soon the shared terminal locks. The points per duty activity have their own table (`PointRule`).
public struct StationSettings: Equatable, Sendable {
    public var name: String
    public var kind: StationKind
    public var address: String
    public var phone: String
    /// The day of the month deputies receive the public; nil when the station has no fixed day.
    public var receptionDay: Int?
    public var tie: ReceptionDayRule.Tie
    /// The day of the month of the theme activity (主题活动日); nil when the station has none.
    public var themeDay: Int? = nil
    /// Empty when unset: a local number then takes the area code of the station's own phone.
    public var areaCode: String
    public var quotas: [DeputyLevel: AnnualQuota]
    public var idleLockMinutes: Int
    /// Working days after dispatch within which a department may send a case back as not its own (退回).
    public var returnLimitDays = StationSettings.defaultReturnLimitDays
    /// Below this satisfaction rate (once a unit has enough ratings) a department or deputy explains itself.
    public var satisfaction = SatisfactionRule.standard
    /// A station with one operator may open the desk signed in as them, without the PIN.
    public var singleOperatorSkipsSignIn = false

    public static let defaultIdleLockMinutes = 10
    /// The longest name a station may have, wherever it is given (init, the settings form).
    public static let nameLimit = 40
    public static let idleLockRange = 1...120
    public static let returnLimitRange = 1...30
    static let quotaRange = 0...366
    static let contactsRange = 0...50

    /// Setting keys: the quota of a level for an activity, the residents a deputy of a level keeps in touch with.
    public static func quotaKey(_ level: DeputyLevel, _ kind: DutyKind) -> String { "quota.\(level.rawValue).\(kind.rawValue)" }
    public static func contactsKey(_ level: DeputyLevel) -> String { "quota.\(level.rawValue).contacts" }
    static let areaCodeKey = "area_code"
    static let idleLockKey = "idle_lock_minutes"
    static let skipSignInKey = "single_operator_skips_sign_in"
    static let returnLimitKey = "return_limit_working_days"
    static let themeDayKey = "theme_day_of_month"
    static let satisfactionKeys = (threshold: "satisfaction_threshold", minimum: "satisfaction_minimum_ratings",
                                   days: "satisfaction_explanation_days")
    /// 非本单位职责 may be sent back within 7 working days of dispatch unless the station says otherwise.
    public static let defaultReturnLimitDays = 7

    /// A station's name as `init` takes it: the settings' check, said as the station's name.
    static func checkedName(_ name: String) throws -> String {
        do {
            return try DraftCheck.name(name, limit: nameLimit)
        } catch let problem as InvalidField {
            throw DomainError.invalid("联络站名称" + (problem.message == "必填" ? "不能为空" : problem.message))
        }
    }

    /// What differs from `before`, named as the station says it, for the audit log.
    func changes(from before: StationSettings) -> [String] {
        let named: [(String, Bool)] = [
            ("名称", name != before.name), ("类型", kind != before.kind), ("地址", address != before.address),
            ("电话", phone != before.phone), ("接待日", receptionDay != before.receptionDay || tie != before.tie),
            ("主题活动日", themeDay != before.themeDay),
            ("区号", areaCode != before.areaCode), ("年度要求", quotas != before.quotas),
            ("自动锁定", idleLockMinutes != before.idleLockMinutes), ("退回时限", returnLimitDays != before.returnLimitDays),
            ("单人免登录", singleOperatorSkipsSignIn != before.singleOperatorSkipsSignIn), ("满意率要求", satisfaction != before.satisfaction),
        ]
        return named.filter(\.1).map(\.0)
    }

    /// Checked and trimmed; a value refused names its field (`quota.county.reception`, `points.training`).
    func validated() throws -> StationSettings {
        var settings = self
        settings.name = try DraftCheck.name(name, limit: StationSettings.nameLimit)
        settings.address = try DraftCheck.text(address, field: "address", limit: 100)
        do {
            settings.phone = try DraftCheck.phone(phone, areaCode: nil, office: true)
        } catch let problem as InvalidField {
            throw InvalidField("phone", problem.message)
        }
        if let day = receptionDay { settings.receptionDay = try DraftCheck.number(day, field: "receptionDay", in: 1...31, unit: "号") }
        if let day = themeDay { settings.themeDay = try DraftCheck.number(day, field: "themeDay", in: 1...31, unit: "号") }
        settings.areaCode = areaCode.trimmingSheetSpace.halfWidthDigits
        if !settings.areaCode.isEmpty, !PhoneNumber.isAreaCode(settings.areaCode) {
            throw InvalidField("areaCode", "区号应为 0 开头的 3 或 4 位数字，如 010、0571")
        }
        for (level, quota) in quotas {
            _ = try DraftCheck.number(quota.receptionDays, field: StationSettings.quotaKey(level, .reception),
                                      in: StationSettings.quotaRange, unit: "天")
            _ = try DraftCheck.number(quota.householdVisits, field: StationSettings.quotaKey(level, .householdVisit),
                                      in: StationSettings.quotaRange, unit: "户")
            _ = try DraftCheck.number(quota.contacts, field: StationSettings.contactsKey(level), in: StationSettings.contactsRange,
                                      unit: "人")
        }
        settings.idleLockMinutes = try DraftCheck.number(idleLockMinutes, field: "idleLockMinutes", in: StationSettings.idleLockRange,
                                                         unit: "分钟")
        settings.returnLimitDays = try DraftCheck.number(returnLimitDays, field: "returnLimitDays", in: StationSettings.returnLimitRange,
                                                         unit: "个工作日")
        settings.satisfaction.threshold = try DraftCheck.number(satisfaction.threshold, field: "satisfactionThreshold", in: 1...100, unit: "%")
        settings.satisfaction.minimumRatings = try DraftCheck.number(satisfaction.minimumRatings, field: "minimumRatings", in: 1...1000,
                                                                     unit: "次")
        settings.satisfaction.explanationDays = try DraftCheck.number(satisfaction.explanationDays, field: "explanationDays", in: 1...365,
                                                                      unit: "天")
        return settings
    }
}

extension LiaisonStore {
    private func setting(_ key: String) throws -> String? {
        try database.scalarString("SELECT value FROM settings WHERE key = ?", [key])
    }

    func intSetting(_ key: String) throws -> Int? { try setting(key).flatMap { Int($0) } }

    /// The station's area code (010), with which a local number may be typed without it: its setting,
    /// else the code of the station's own phone number; nil when neither gives one.
    public var areaCode: String? {
        (try? setting(StationSettings.areaCodeKey)).flatMap { $0 } ?? PhoneNumber.areaCode(of: station.phone)
    }

    /// The yearly quota of a deputy of `level`: the station's, else the sources' minimums.
    public func annualQuota(for level: DeputyLevel) throws -> AnnualQuota {
        let standard = AnnualQuota.standard(for: level)
        return AnnualQuota(
            receptionDays: try intSetting(StationSettings.quotaKey(level, .reception)) ?? standard.receptionDays,
            householdVisits: try intSetting(StationSettings.quotaKey(level, .householdVisit)) ?? standard.householdVisits,
            contacts: try intSetting(StationSettings.contactsKey(level)) ?? standard.contacts)
    }

    /// The one operator a station may open the desk as without the PIN (the setting on, one operator in
    /// use); nil when the desk must ask who is there.
    public func sessionWithoutSignIn() throws -> Session? {
        guard try setting(StationSettings.skipSignInKey) == "1" else { return nil }
        let inUse = try operators().filter(\.active)
        guard inUse.count == 1, let only = inUse.first else { return nil }
        return Session(operatorID: only.id, name: only.name, role: only.role, deputyID: only.deputyID)
    }

    /// Minutes without a key before the shared terminal locks.
    public func idleLockMinutes() throws -> Int {
        try intSetting(StationSettings.idleLockKey) ?? StationSettings.defaultIdleLockMinutes
    }

    /// Working days after dispatch within which a department may send a case back as not its own.
    public func returnLimitDays() throws -> Int {
        try intSetting(StationSettings.returnLimitKey) ?? StationSettings.defaultReturnLimitDays
    }

    /// The station's satisfaction rule, the standard one where it set none.
    public func satisfactionRule() throws -> SatisfactionRule {
        let standard = SatisfactionRule.standard
        let keys = StationSettings.satisfactionKeys
        return SatisfactionRule(threshold: try intSetting(keys.threshold) ?? standard.threshold,
                                minimumRatings: try intSetting(keys.minimum) ?? standard.minimumRatings,
                                explanationDays: try intSetting(keys.days) ?? standard.explanationDays)
    }

    public func settings() throws -> StationSettings {
        var quotas: [DeputyLevel: AnnualQuota] = [:]
        for level in DeputyLevel.allCases { quotas[level] = try annualQuota(for: level) }
        return StationSettings(name: station.name, kind: station.kind, address: station.address, phone: station.phone,
                               receptionDay: station.receptionRule?.dayOfMonth, tie: station.receptionRule?.tie ?? .earlier,
                               themeDay: try intSetting(StationSettings.themeDayKey),
                               areaCode: try setting(StationSettings.areaCodeKey) ?? "", quotas: quotas,
                               idleLockMinutes: try idleLockMinutes(), returnLimitDays: try returnLimitDays(),
                               satisfaction: try satisfactionRule(),
                               singleOperatorSkipsSignIn: try setting(StationSettings.skipSignInKey) == "1")
    }

    /// Saves the settings in one transaction and says what changed in the audit log. `expected` is the
    /// settings as the form opened on them: when another terminal changed them since, the save is
    /// refused rather than undo that change.
    public func updateSettings(_ settings: StationSettings, expected: StationSettings? = nil, session: Session) throws {
        try session.require(.manageDirectory)
        // A local station phone takes the area code given beside it.
        var typed = settings
        let areaCode = typed.areaCode.trimmingSheetSpace.halfWidthDigits
        if !areaCode.isEmpty, PhoneNumber.isAreaCode(areaCode), let phone = PhoneNumber.normalized(typed.phone, areaCode: areaCode) {
            typed.phone = phone
        }
        let settings = try typed.validated()
        try database.write {
            // Read inside the transaction, as stored now: another terminal may have saved a moment ago.
            try reloadStation()
            let before = try self.settings()
            if let expected, expected != before { throw DomainError.changedOnAnotherTerminal("本站设置") }
            try database.execute("""
                UPDATE stations SET name = ?, kind = ?, address = ?, phone = ?, reception_day_of_month = ?, reception_tie = ?
                WHERE id = ?
                """, [settings.name, settings.kind, settings.address, settings.phone, settings.receptionDay, settings.tie, station.id])
            var values: [(String, String?)] = [
                (StationSettings.areaCodeKey, settings.areaCode.isEmpty ? nil : settings.areaCode),
                (StationSettings.idleLockKey, String(settings.idleLockMinutes)),
                (StationSettings.returnLimitKey, String(settings.returnLimitDays)),
                (StationSettings.themeDayKey, settings.themeDay.map(String.init)),
                (StationSettings.satisfactionKeys.threshold, String(settings.satisfaction.threshold)),
                (StationSettings.satisfactionKeys.minimum, String(settings.satisfaction.minimumRatings)),
                (StationSettings.satisfactionKeys.days, String(settings.satisfaction.explanationDays)),
                (StationSettings.skipSignInKey, settings.singleOperatorSkipsSignIn ? "1" : nil),
            ]
            for (level, quota) in settings.quotas {
                values.append((StationSettings.quotaKey(level, .reception), String(quota.receptionDays)))
                values.append((StationSettings.quotaKey(level, .householdVisit), String(quota.householdVisits)))
                values.append((StationSettings.contactsKey(level), String(quota.contacts)))
            }
            for (key, value) in values {
                if let value {
                    try database.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", [key, value])
                } else {
                    try database.execute("DELETE FROM settings WHERE key = ?", [key])
                }
            }
            let changed = settings.changes(from: before)
            try audit("settings.update", subject: settings.name, detail: changed.isEmpty ? "未改动" : changed.joined(separator: "、"),
                      session: session)
        }
        try reloadStation()
    }
}
