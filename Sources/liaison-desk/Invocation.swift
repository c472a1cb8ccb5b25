import Foundation
import LiaisonCore

/// What the command line asked for.
struct Invocation: Equatable {
    enum Command: Equatable {
        case help
        case version
        case desk(demo: Bool)
        case initialize(StationSetup)
        case demo(path: String)
        case check(full: Bool)
        case backup(destination: String)
        case calendarImport(file: String)
        case calendarList
        case importSheet(DirectoryList, file: String, dryRun: Bool)
        case exportSheet(DirectoryList, file: String)
        case operatorAdd(name: String, role: OperatorRole, deputy: String?)
        case operatorPasswd(name: String)
        case operatorList
        case operatorDisable(name: String)
        case operatorEnable(name: String)
        case operatorRole(name: String, role: OperatorRole, deputy: String?)
        case bench(cases: Int, path: String?)
        /// Dates as typed (checked against the station's today when run); nil for this month.
        case report(from: Day?, to: Day?, by: StatisticsDimension?, csv: Bool)
        case exportLedger(Ledger, from: Day, to: Day, file: String, fullNames: Bool, force: Bool)
    }

    var command: Command
    var databasePath: String?

    struct UsageError: Error, Equatable {
        let message: String
    }

    static func parse(_ arguments: [String]) throws -> Invocation {
        var databasePath: String?
        var demo = false
        var words: [String] = []
        var remaining = arguments[...]
        func value(for option: String) throws -> String {
            guard let next = remaining.popFirst(), !next.hasPrefix("--") else { throw UsageError(message: "\(option) 后面要跟一个值") }
            return next
        }
        var options: [String: String] = [:]
        var flags: Set<String> = []
        while let argument = remaining.popFirst() {
            switch argument {
            case "-h", "--help": return Invocation(command: .help, databasePath: nil)
            case "-V", "--version": return Invocation(command: .version, databasePath: nil)
            case "--db": databasePath = try value(for: argument)
            case "--demo": demo = true
            case "--station", "--cases", "--kind", "--reception-day", "--tie", "--admin", "--role", "--deputy", "--from", "--to", "--by",
                 "--format":
                options[argument] = try value(for: argument)
            case "--full", "--dry-run", "--force", "--full-names": flags.insert(argument)
            default:
                if argument.hasPrefix("-") && argument != "-" { throw UsageError(message: "不认识的选项 \(argument)") }
                words.append(argument)
            }
        }
        func expect(_ count: Int, _ usage: String) throws {
            guard words.count == count else { throw UsageError(message: "用法：liaison-desk \(usage)") }
        }
        let command: Command
        switch words.first {
        case nil:
            command = .desk(demo: demo)
        case "init":
            try expect(1, "init [--station 名称] [--kind 类型] [--reception-day 日] [--tie earlier|later] [--admin 姓名]")
            command = .initialize(try StationSetup(options: options))
        case "export" where words.count > 1 && words[1] == "ledger":
            let usage = "用法：liaison-desk export ledger " + Ledger.allCases.map(\.rawValue).joined(separator: "|")
                + " --from 日期 --to 日期 文件 [--full-names] [--force]"
            guard words.count == 4 else { throw UsageError(message: usage) }
            guard let ledger = Ledger(rawValue: words[2]) else {
                throw UsageError(message: "没有这个登记簿：\(words[2])（可用 " + Ledger.allCases.map(\.rawValue).joined(separator: "|") + "）")
            }
            guard let from = try Invocation.date("--from", options), let to = try Invocation.date("--to", options) else {
                throw UsageError(message: "导出登记簿要给 --from 和 --to 两个日期")
            }
            command = .exportLedger(ledger, from: from, to: to, file: words[3], fullNames: flags.contains("--full-names"),
                                    force: flags.contains("--force"))
        case "import", "export":
            let lists = DirectoryList.allCases.map(\.rawValue).joined(separator: "|")
            guard words.count == 3, let list = DirectoryList(rawValue: words[1]) else {
                throw UsageError(message: "用法：liaison-desk \(words[0]) \(lists) 文件" + (words[0] == "import" ? " [--dry-run]" : ""))
            }
            command = words[0] == "import" ? .importSheet(list, file: words[2], dryRun: flags.contains("--dry-run"))
                : .exportSheet(list, file: words[2])
        case "operator":
            command = try Invocation.operatorCommand(Array(words.dropFirst()), options: options)
        case "demo":
            try expect(2, "demo 路径")
            command = .demo(path: words[1])
        case "check":
            try expect(1, "check [--full]")
            command = .check(full: flags.contains("--full"))
        case "backup":
            try expect(2, "backup 目标路径")
            command = .backup(destination: words[1])
        case "calendar":
            if words.count == 3 && words[1] == "import" {
                command = .calendarImport(file: words[2])
            } else if words.count == 2 && words[1] == "list" {
                command = .calendarList
            } else {
                throw UsageError(message: "用法：liaison-desk calendar import 文件 | calendar list")
            }
        case "bench":
            try expect(1, "bench [--cases 数量]")
            let cases = options["--cases"] ?? "1000000"
            guard let count = Int(cases), count >= 100 else { throw UsageError(message: "--cases 应为不小于 100 的整数") }
            command = .bench(cases: count, path: databasePath)
        case "report":
            try expect(1, "report [--from 日期 --to 日期] [--by category|department|deputy|tier] [--format text|csv]")
            command = try Invocation.report(options: options)
        case let other?:
            throw UsageError(message: "不认识的子命令 \(other)（liaison-desk --help 查看用法）")
        }
        let leftovers = Set(options.keys).subtracting(command.acceptedOptions).union(flags.subtracting(command.acceptedOptions))
        if let unexpected = leftovers.sorted().first { throw UsageError(message: "\(unexpected) 不适用于这个命令") }
        if demo && command != .desk(demo: true) { throw UsageError(message: "--demo 只用于打开工作台") }
        if demo && databasePath != nil { throw UsageError(message: "--demo 与 --db 不能同时使用") }
        return Invocation(command: command, databasePath: databasePath)
    }

    /// `report`'s options: both dates or neither (this month), a breakdown, text or CSV.
    /// A date option as typed: nil when not given; a day that does not exist, or no date, refused.
    static func date(_ option: String, _ options: [String: String]) throws -> Day? {
        guard let text = options[option] else { return nil }
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let shaped = parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { Int($0) != nil }
        throw UsageError(message: shaped ? "\(option) \(text)：没有这一天" : "\(option) 应为日期，如 2026-11-01")
    }

    static func report(options: [String: String]) throws -> Command {
        let (from, to) = (try date("--from", options), try date("--to", options))
        guard (from == nil) == (to == nil) else { throw UsageError(message: "--from 和 --to 要一起给（都不给为本月）") }
        var by: StatisticsDimension?
        if let text = options["--by"] {
            guard let dimension = StatisticsDimension(rawValue: text) else {
                throw UsageError(message: "--by 应为 " + StatisticsDimension.allCases.map(\.rawValue).joined(separator: "|"))
            }
            by = dimension
        }
        guard ["text", "csv", nil].contains(options["--format"]) else { throw UsageError(message: "--format 应为 text 或 csv") }
        return .report(from: from, to: to, by: by, csv: options["--format"] == "csv")
    }

    static let operatorUsage = "用法：liaison-desk operator add 姓名 --role 角色 [--deputy 代表姓名] | role 姓名 --role 角色 [--deputy 代表姓名]"
        + " | passwd 姓名 | list | disable 姓名 | enable 姓名"

    static func operatorCommand(_ words: [String], options: [String: String]) throws -> Command {
        switch (words.first, words.count) {
        case ("add", 2), ("role", 2):
            guard let text = options["--role"] else { throw UsageError(message: "operator \(words[0]) 要用 --role 给出角色：" + OperatorRole.spelled) }
            guard let role = OperatorRole(spelled: text) else { throw UsageError(message: "--role 应为 " + OperatorRole.spelled) }
            return words[0] == "add" ? .operatorAdd(name: words[1], role: role, deputy: options["--deputy"])
                : .operatorRole(name: words[1], role: role, deputy: options["--deputy"])
        case ("passwd", 2): return .operatorPasswd(name: words[1])
        case ("list", 1): return .operatorList
        case ("disable", 2): return .operatorDisable(name: words[1])
        case ("enable", 2): return .operatorEnable(name: words[1])
        default: throw UsageError(message: operatorUsage)
        }
    }

    static let helpText = """
    liaison-desk — 人大代表联络站工作台

    用法：
      liaison-desk [--db 路径]                 打开工作台
      liaison-desk --demo                      在新建的演示站上打开工作台
      liaison-desk [--db 路径] init [--station 名称] [--kind 类型] [--reception-day 日] [--tie earlier|later]
                                               新建数据库和本联络站（在终端上逐项询问未给的选项）；
                                               类型 street|central|point|studio|sector，
                                               接待日 1–31 或 none，遇休息日 earlier 提前 / later 推后；
                                               --admin 第一位管理员（PIN 从标准输入读一行）
      liaison-desk [--db 路径] import 名录 文件 [--dry-run]
                                               从 CSV（UTF-8 或 GB18030）导入名录，全部或全不；
                                               名录 deputies|legal-officers|departments|categories；
                                               --dry-run 只列出将新增、修改和未变的行
      liaison-desk [--db 路径] export 名录 文件  把名录导出为 CSV（UTF-8 带 BOM，Excel 可直接打开）
      liaison-desk [--db 路径] report [--from 日期 --to 日期] [--by category|department|deputy|tier] [--format text|csv]
                                           统计数字（与统计页相同）；不给日期为本月
      liaison-desk [--db 路径] export ledger 登记簿 --from 日期 --to 日期 文件 [--full-names] [--force]
                                           导出六簿之一为 CSV（UTF-8 带 BOM）：reception|cases|duty|meetings|
                                           training|deputies；群众姓名只留姓氏，--full-names 写全名；
                                           文件已有时不覆盖，--force 覆盖
      liaison-desk [--db 路径] operator add 姓名 --role clerk|deputy|supervisor|admin [--deputy 代表姓名]
                                               添加操作员（工作人员、代表、督办人员、管理员）；PIN 在终端上
                                               不回显地输入两次，脚本从标准输入给一行
      liaison-desk [--db 路径] operator role 姓名 --role 角色 [--deputy 代表姓名]
                                               改操作员的角色（最后一位管理员不能改）
      liaison-desk [--db 路径] operator passwd 姓名 | list | disable 姓名 | enable 姓名
                                               改 PIN、列出、停用或恢复操作员（最后一位管理员不能停用）
      liaison-desk demo 路径                   在“路径”新建演示数据库（不覆盖已有文件）
      liaison-desk [--db 路径] check [--full]  检查完整性、外键和版本；全部正常才返回 0
      liaison-desk [--db 路径] backup 目标     在线备份到“目标”（先写临时文件，校验后改名）
      liaison-desk [--db 路径] calendar import 文件
                                               导入一年的节假日安排（全部或全不）
      liaison-desk [--db 路径] calendar list   列出已载入节假日安排的年份
      liaison-desk bench [--cases 数量] [--db 路径]
                                               性能基准（默认 1,000,000 件诉求）
      liaison-desk --help | --version

    数据库位置：--db 路径，否则环境变量 LIAISON_DESK_DB，否则
    $XDG_DATA_HOME/liaison-desk/desk.sqlite（默认 ~/.local/share/liaison-desk/desk.sqlite）。

    退出码：0 成功；1 操作失败或检查发现问题；2 用法错误。
    """
}

extension Invocation.Command {
    var acceptedOptions: Set<String> {
        switch self {
        case .initialize: ["--station", "--kind", "--reception-day", "--tie", "--admin"]
        case .operatorAdd, .operatorRole: ["--role", "--deputy"]
        case .importSheet: ["--dry-run"]
        case .check: ["--full"]
        case .bench: ["--cases"]
        case .report: ["--from", "--to", "--by", "--format"]
        case .exportLedger: ["--from", "--to", "--full-names", "--force"]
        default: []
        }
    }
}

/// What `init` was told about the station; what it was not told is asked on a terminal, or defaulted.
struct StationSetup: Equatable {
    var name: String?
    var kind: StationKind?
    /// nil: not given; .some(nil): the station has no fixed reception day.
    var receptionDay: Int??
    var tie: ReceptionDayRule.Tie?
    /// The first administrator, whose PIN is asked for (or read from standard input).
    var admin: String?

    static let defaultName = "人大代表联络站"

    init(name: String? = nil, kind: StationKind? = nil, receptionDay: Int?? = nil, tie: ReceptionDayRule.Tie? = nil) {
        self.name = name
        self.kind = kind
        self.receptionDay = receptionDay
        self.tie = tie
    }

    init(options: [String: String]) throws {
        if let name = options["--station"] {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Invocation.UsageError(message: "--station 不能为空") }
            guard name.count <= StationSettings.nameLimit else {
                throw Invocation.UsageError(message: "--station 最多 \(StationSettings.nameLimit) 个字")
            }
            self.name = name
        }
        if let kind = options["--kind"] {
            guard let parsed = StationKind(rawValue: kind) else {
                throw Invocation.UsageError(message: "--kind 应为 " + StationKind.allCases.map(\.rawValue).joined(separator: "|"))
            }
            self.kind = parsed
        }
        if let day = options["--reception-day"] {
            guard let parsed = StationSetup.receptionDay(day) else { throw Invocation.UsageError(message: "--reception-day 应为 1 到 31，或 none") }
            receptionDay = .some(parsed)
        }
        if let admin = options["--admin"] {
            guard !admin.trimmingCharacters(in: .whitespaces).isEmpty else { throw Invocation.UsageError(message: "--admin 不能为空") }
            self.admin = admin
        }
        if let tie = options["--tie"] {
            guard let parsed = ReceptionDayRule.Tie(rawValue: tie) else { throw Invocation.UsageError(message: "--tie 应为 earlier 或 later") }
            self.tie = parsed
        }
    }

    /// 15, １５, 15号 or 15日 → 15; none or 无 → no fixed day (.some(nil)); anything else → nil.
    static func receptionDay(_ text: String) -> Int?? {
        if ["none", "无", "不固定"].contains(text) { return .some(nil) }
        var digits = text.halfWidthDigits
        if digits.hasSuffix("号") || digits.hasSuffix("日") { digits.removeLast() }
        guard let day = Int(digits), (1...31).contains(day) else { return nil }
        return .some(day)
    }

    var isComplete: Bool { name != nil && kind != nil && receptionDay != nil && tie != nil && admin != nil }

    /// The station to create, what was not given taking its default.
    var draft: StationDraft {
        let day = receptionDay ?? .some(15)
        return StationDraft(name: name ?? StationSetup.defaultName, kind: kind ?? .street,
                            receptionRule: day.map { ReceptionDayRule(dayOfMonth: $0, tie: tie ?? .earlier) })
    }
}
