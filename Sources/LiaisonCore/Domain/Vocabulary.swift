/// The station's words (GLOSSARY.md): each enum's raw value is what the database stores,
/// and `label` is what the screens show.
public protocol Labelled: RawRepresentable, CaseIterable, Hashable, Sendable, SQLBindable where RawValue == String {
    var label: String { get }
}

extension Labelled {
    /// An ORDER BY term putting `column` in the order the cases are declared (法官、检察官、警官、律师),
    /// not in the alphabetical order of their codes.
    static func sqlOrder(_ column: String) -> String {
        "CASE \(column) " + allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
    }
}

public enum StationKind: String, Labelled {
    case central, street, point, studio, sector

    /// As a new station is offered the kinds: the common one first.
    public static let choiceOrder: [StationKind] = [.street, .central, .point, .studio, .sector]

    public var label: String {
        switch self {
        case .central: "代表联络总站"
        case .street: "代表联络站"
        case .point: "代表联络点"
        case .studio: "代表工作室"
        case .sector: "行业代表联络站"
        }
    }
}

public enum DeputyLevel: String, Labelled {
    case national, provincial, city, county, township
    public var label: String {
        switch self {
        case .national: "全国"
        case .provincial: "省"
        case .city: "市"
        case .county: "县区"
        case .township: "乡镇"
        }
    }
}

public enum LegalOfficerRole: String, Labelled {
    case judge, prosecutor, police, lawyer
    public var label: String {
        switch self {
        case .judge: "法官"
        case .prosecutor: "检察官"
        case .police: "警官"
        case .lawyer: "律师"
        }
    }
}

public enum DepartmentKind: String, Labelled {
    case bureau, court, procuratorate, supervision, street, community, utility, other
    public var label: String {
        switch self {
        case .bureau: "政府部门"
        case .court: "法院"
        case .procuratorate: "检察院"
        case .supervision: "监委"
        case .street: "街道"
        case .community: "社区"
        case .utility: "公用事业单位"
        case .other: "其他"
        }
    }
}

public enum Channel: String, Labelled {
    case walkIn, phone, online, letter, homeVisit, meeting
    public var label: String {
        switch self {
        case .walkIn: "来访"
        case .phone: "来电"
        case .online: "网上"
        case .letter: "来信"
        case .homeVisit: "走访"
        case .meeting: "会议"
        }
    }
}

public enum VisitStatus: String, Labelled {
    case waiting, withDeputy, done, left
    public var label: String {
        switch self {
        case .waiting: "等候"
        case .withDeputy: "接待中"
        case .done: "已办"
        case .left: "离开"
        }
    }
}

public enum VisitOutcome: String, Labelled {
    case answeredOnSpot, caseOpened, referred, noShow
    public var label: String {
        switch self {
        case .answeredOnSpot: "当场答复"
        case .caseOpened: "转为诉求"
        case .referred: "转介"
        case .noShow: "过号"
        }
    }
}

public enum Tier: String, Labelled {
    case immediate, joint, major
    public var label: String {
        switch self {
        case .immediate: "小事即时办"
        case .joint: "共性问题会商办"
        case .major: "大事重点办"
        }
    }
}

public enum CaseStatus: String, Labelled {
    case registered, triaged, dispatched, acknowledged, replied, feedback, readyToClose, unsatisfied, escalated, closed
    public var label: String {
        switch self {
        case .registered: "已登记"
        case .triaged: "已研判"
        case .dispatched: "已交办"
        case .acknowledged: "已接单"
        case .replied: "已答复"
        case .feedback: "已反馈"
        case .readyToClose: "待销号"
        case .unsatisfied: "不满意"
        case .escalated: "已上报"
        case .closed: "已销号"
        }
    }

    /// Where the case stands, said as the reason an action cannot be taken (不能销号：群众尚未评价).
    public var standing: String {
        switch self {
        case .registered, .triaged: "尚未交办"
        case .dispatched, .acknowledged: "承办单位尚未答复"
        case .replied: "尚未向群众反馈"
        case .feedback: "群众尚未评价"
        case .readyToClose: "群众已满意，待销号"
        case .unsatisfied: "群众不满意，待重新交办"
        case .escalated: "已上报上级人大，待上级答复"
        case .closed: "已销号"
        }
    }

    public var isOpen: Bool { self != .closed }
}

public enum Satisfaction: String, Labelled {
    case satisfied, basicallySatisfied, unsatisfied
    public var label: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .unsatisfied: "不满意"
        }
    }

    /// 满意率 counts 满意 and 基本满意.
    public var countsAsSatisfied: Bool { self != .unsatisfied }
}

/// Who gave the rating: the resident, or a deputy on their behalf (代表评单).
public enum RatedBy: String, Labelled {
    case resident, deputy
    public var label: String {
        switch self {
        case .resident: "群众本人"
        case .deputy: "代表评单"
        }
    }
}

/// How the resident was told the result (反馈).
public enum FeedbackMethod: String, Labelled {
    case phone, visit, atStation
    public var label: String {
        switch self {
        case .phone: "电话"
        case .visit: "上门"
        case .atStation: "来站当面"
        }
    }
}

public enum MeetingKind: String, Labelled {
    case reception, tripartite, bench, faceToFace, forum, themeDay
    public var label: String {
        switch self {
        case .reception: "接待选民日"
        case .tripartite: "三方共议"
        case .bench: "小板凳会议"
        case .faceToFace: "代表·局长面对面"
        case .forum: "民情恳谈会"
        case .themeDay: "主题活动日"
        }
    }
}

public enum MeetingPhase: String, Labelled {
    case before, during, after
    public var label: String {
        switch self {
        case .before: "协商前"
        case .during: "协商中"
        case .after: "协商后"
        }
    }
}

public enum MeetingStatus: String, Labelled {
    case planned, held, cancelled
    public var label: String {
        switch self {
        case .planned: "待召开"
        case .held: "已召开"
        case .cancelled: "已取消"
        }
    }
}

public enum DutyKind: String, Labelled {
    case reception, householdVisit, enterpriseVisit, training, inspection, meeting, suggestion, reportToVoters, other
    public var label: String {
        switch self {
        case .reception: "进站接待"
        case .householdVisit: "走访选民"
        case .enterpriseVisit: "走访企业"
        case .training: "学习培训"
        case .inspection: "视察调研"
        case .meeting: "参加会议"
        case .suggestion: "提出建议"
        case .reportToVoters: "向选民述职"
        case .other: "其他"
        }
    }

    /// What may be entered by hand: a reception is credited by the reception desk when a deputy receives
    /// a resident, once per day.
    public static let entered: [DutyKind] = allCases.filter { $0 != .reception }
    /// Counted per reception day, not per entry.
    var countsByDay: Bool { self == .reception }
}

/// 积分申请: an entry counts for points and quotas only once a supervisor approved it; a reception is
/// approved as the desk credits it.
public enum DutyEntryStatus: String, Labelled {
    case applied, approved, refused
    public var label: String {
        switch self {
        case .applied: "待审批"
        case .approved: "已认定"
        case .refused: "不予认定"
        }
    }
}

/// How a deputy kept in touch with a resident (联系群众).
public enum ContactMethod: String, Labelled {
    case phone, visit
    public var label: String { self == .phone ? "电话" : "走访" }
}

public enum DutyRole: String, Labelled {
    case receiving, legalAdvice, lead
    public var label: String {
        switch self {
        case .receiving: "接待"
        case .legalAdvice: "法律咨询"
        case .lead: "带班"
        }
    }
}

public enum OperatorRole: String, Labelled {
    case clerk, deputy, supervisor, admin

    /// As the command line takes it: the code or the station's word (前台, 代表, 督办, 管理员).
    public init?(spelled text: String) {
        let words: [String: OperatorRole] = ["前台": .clerk, "工作人员": .clerk, "代表": .deputy, "督办": .supervisor,
                                             "督办人员": .supervisor, "管理员": .admin]
        guard let role = OperatorRole(rawValue: text.lowercased()) ?? words[text] else { return nil }
        self = role
    }

    public static let spelled = "clerk（工作人员）|deputy（代表）|supervisor（督办人员）|admin（管理员）"

    public var label: String {
        switch self {
        case .clerk: "工作人员"
        case .deputy: "代表"
        case .supervisor: "督办人员"
        case .admin: "管理员"
        }
    }
}

public enum Gender: String, Labelled {
    case unknown = "", male, female
    public var label: String {
        switch self {
        case .unknown: ""
        case .male: "男"
        case .female: "女"
        }
    }
}
