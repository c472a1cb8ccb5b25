/// How the station's sheets write the glossary's words: the label the desk shows, and the other forms
/// rosters use (区 for 县, 全国人大代表 for 全国, 民警 for 警官). Each returns nil for what it does not know,
/// so the import can say which cell is wrong.
extension DeputyLevel {
    public init?(written text: String) {
        // 县（区） is how rosters often write the level.
        var word = text.trimmingSheetSpace.replacingOccurrences(of: "（区）", with: "").replacingOccurrences(of: "(区)", with: "")
        for suffix in ["人民代表大会代表", "人大代表", "代表", "人大", "级"] where word.hasSuffix(suffix) && word.count > suffix.count {
            word.removeLast(suffix.count)
        }
        // A county-level city's congress (县级市) is a county's, not a city's.
        if word.hasSuffix("县级市") {
            self = .county
            return
        }
        // The level's own word, or a named place ending in it (东城区 → 区, 浙江省 → 省).
        let endings: [(String, DeputyLevel)] = [
            ("全国", .national), ("乡镇", .township), ("自治区", .provincial), ("自治州", .city), ("省", .provincial),
            ("市", .city), ("县", .county), ("区", .county), ("旗", .county), ("乡", .township), ("镇", .township),
        ]
        guard let level = endings.first(where: { word.hasSuffix($0.0) })?.1 else { return nil }
        self = level
    }

    /// What the sheet says when the level is not one of these.
    static let writtenChoices = "全国、省、市、县区（县或区）、乡镇"
}

extension Gender {
    public init?(written text: String) {
        switch text.trimmingSheetSpace {
        case "": self = .unknown
        case "男", "男性": self = .male
        case "女", "女性": self = .female
        default: return nil
        }
    }
}

extension LegalOfficerRole {
    public init?(written text: String) {
        switch text.trimmingSheetSpace {
        case "法官": self = .judge
        case "检察官": self = .prosecutor
        case "警官", "民警", "警察", "公安民警": self = .police
        case "律师": self = .lawyer
        default: return nil
        }
    }

    static let writtenChoices = "法官、检察官、警官、律师"
}

extension DepartmentKind {
    public init?(written text: String) {
        let word = text.trimmingSheetSpace
        if let exact = DepartmentKind.allCases.first(where: { $0.label == word }) {
            self = exact
            return
        }
        switch word {
        case "职能部门", "政府", "局", "委", "办": self = .bureau
        case "人民法院": self = .court
        case "人民检察院": self = .procuratorate
        case "监察委员会", "纪委监委": self = .supervision
        case "街道办事处", "乡镇", "乡镇政府": self = .street
        case "居委会", "村委会", "村": self = .community
        case "公用事业", "企业", "国企": self = .utility
        default: return nil
        }
    }

    /// The kind a department's name shows (区住建委, 区人民法院, 供电公司) when the sheet leaves it blank.
    public static func guess(fromName name: String) -> DepartmentKind {
        let contains = { (words: [String]) in words.contains { name.contains($0) } }
        if contains(["法院"]) { return .court }
        if contains(["检察院"]) { return .procuratorate }
        if contains(["监委", "监察委员会"]) { return .supervision }
        if contains(["街道", "乡政府", "镇政府"]) { return .street }
        if contains(["社区", "居委会", "村委会"]) { return .community }
        if contains(["公司", "集团", "供电", "供水", "燃气", "热力"]) { return .utility }
        if ["局", "委", "委员会", "办", "办公室", "厅", "署", "政府", "中心", "支队", "大队"].contains(where: { name.hasSuffix($0) }) {
            return .bureau
        }
        return .other
    }

    static var writtenChoices: String { allCases.map(\.label).joined(separator: "、") }
}
