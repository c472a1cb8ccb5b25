import Foundation
import LiaisonCore
import LiaisonTUI

/// Runs one invocation and returns the exit code.
struct Commands {
    static let version = "0.1.0"
    let invocation: Invocation

    var location: (path: String, isDefault: Bool) { DatabaseLocation.resolve(explicit: invocation.databasePath) }

    func run() throws -> Int32 {
        switch invocation.command {
        case .help:
            print(Invocation.helpText)
        case .version:
            print("liaison-desk \(Commands.version)（数据库结构版本 \(DatabaseMigrator.liaisonSchema.latestVersion)）")
        case .desk(let demo):
            return try openDesk(demo: demo)
        case .initialize(let setup):
            try initialize(setup)
        case .demo(let path):
            try DemoStation.create(at: path, now: SystemClock().now())
            print("已新建演示数据库：\(path)")
        case .check(let full):
            return try check(full: full)
        case .backup(let destination):
            let store = try LiaisonStore(database: Database(path: location.path))
            try store.backup(to: destination, session: .commandLine)
            // The copy passed the full check, so the desk need not run its own today.
            try store.database.noteIntegrityChecked(on: SystemClock().today)
            print("已备份到 \(destination)")
        case .calendarImport(let file):
            try importCalendar(file: file)
        case .calendarList:
            let store = try LiaisonStore(database: Database(path: location.path, mode: .readOnly))
            for year in store.calendar.knownYears.sorted() { print(year) }
        case .importSheet(let list, let file, let dryRun):
            try importSheet(list, file: file, dryRun: dryRun)
        case .exportSheet(let list, let file):
            try exportSheet(list, file: file)
        case .report(let from, let to, let by, let csv):
            try report(from: from, to: to, by: by, csv: csv)
        case .exportLedger(let ledger, let from, let to, let file, let fullNames, let force):
            try exportLedger(ledger, from: from, to: to, file: file, fullNames: fullNames, force: force)
        case .operatorAdd(let name, let role, let deputy):
            try addOperator(name: name, role: role, deputy: deputy)
        case .operatorRole(let name, let role, let deputy):
            let store = try LiaisonStore(database: Database(path: location.path))
            let record = try existingOperator(name, in: store)
            try store.updateOperator(id: record.id, role: role, deputyID: try deputyID(for: name, role: role, deputy: deputy, in: store),
                                     session: .commandLine)
            let now = try existingOperator(name, in: store)
            print("\(now.name) 现为\(now.role.label)" + (now.deputyName.map { "，对应代表 \($0)" } ?? ""))
        case .operatorEnable(let name):
            let store = try LiaisonStore(database: Database(path: location.path))
            let record = try existingOperator(name, in: store)
            try store.setOperatorActive(id: record.id, true, session: .commandLine)
            print("已恢复操作员 \(record.name)，可以登录")
        case .operatorPasswd(let name):
            let store = try LiaisonStore(database: Database(path: location.path))
            let record = try existingOperator(name, in: store)
            try store.changePIN(operatorID: record.id, to: try PINReader.read(for: record.name), session: .commandLine)
            print("已改 \(record.name) 的 PIN" + (record.active ? "" : "（此操作员已停用，恢复后才能登录：operator enable \(record.name)）"))
        case .operatorList:
            let store = try LiaisonStore(database: Database(path: location.path, mode: .readOnly))
            for record in try store.operators() {
                print([record.name, record.role.label, record.active ? "在用" : "已停用", record.deputyName.map { "对应代表 \($0)" } ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        case .operatorDisable(let name):
            let store = try LiaisonStore(database: Database(path: location.path))
            let record = try existingOperator(name, in: store)
            try store.setOperatorActive(id: record.id, false, session: .commandLine)
            print("已停用操作员 \(record.name)（做过的事仍记在他名下）")
        case .bench(let cases, let path):
            try Benchmark(cases: cases, databasePath: path).run()
        }
        return 0
    }

    private func initialize(_ setup: StationSetup) throws {
        let (path, isDefault) = location
        if FileManager.default.fileExists(atPath: path) {
            // Said before asking anything, or the answers would be thrown away: a file that is not this
            // program's, or a station already there. An empty file (what `touch` leaves) is filled.
            do {
                let existing = try Database(path: path, mode: .readOnly)
                if let store = try? LiaisonStore(database: existing) { throw DomainError.stationAlreadyExists(store.station.name) }
            } catch StoreOpenError.notInitialized {}
        }
        let setup = setup.isComplete || !SetupQuestions.onTerminal ? setup : try SetupQuestions.complete(setup)
        // The PIN comes before the file: a PIN refused leaves nothing behind.
        let adminPIN = try setup.admin.map { try PINReader.read(for: $0) }
        if isDefault {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
        }
        let store = try LiaisonStore.initialize(database: Database(path: path, mode: .create), station: setup.draft,
                                                categories: LiaisonStore.defaultCategories())
        if let admin = setup.admin, let adminPIN {
            do {
                try store.createOperator(name: admin, role: .admin, pin: adminPIN, session: .commandLine)
            } catch {
                // The file was made a moment ago by this command: all of it or none.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                throw error
            }
        }
        if setup.name == nil {
            FileHandle.standardError.write(Data("liaison-desk: 没有给 --station，站名用「\(StationSetup.defaultName)」，可在管理页的本站设置里改\n".utf8))
        }
        let station = store.station
        let db = isDefault ? "" : " --db \(path)"
        print("""
            已新建「\(station.name)」（\(station.kind.label)）：\(path)
            接待选民日：\(station.receptionRule?.description ?? "不固定")
            问题类别：\(try store.categories().count) 个（含「\(CatchAllCategory.name)」），可在工作台的管理页修改
            下一步，导入代表和承办单位名单（Excel 或 WPS 另存为 CSV）：
              liaison-desk\(db) import deputies 代表名单.csv
              liaison-desk\(db) import departments 承办单位.csv
            然后打开工作台：liaison-desk\(db)（6 管理 页可逐个添加和修改）
            """)
        print(setup.admin.map { "管理员：\($0)（用 PIN 登录工作台；其他操作员用 liaison-desk\(db) operator add 姓名 --role 角色 添加）" }
              ?? "还没有操作员，工作台要有人登录才能用：liaison-desk\(db) operator add 姓名 --role admin")
    }

    private func existingOperator(_ name: String, in store: LiaisonStore) throws -> OperatorRecord {
        guard let record = try store.operatorRecord(named: name) else { throw DomainError.notFound("操作员「\(name)」") }
        return record
    }

    /// The deputy a deputy's operator is: `--deputy`, else the deputy of the operator's own name.
    private func deputyID(for name: String, role: OperatorRole, deputy: String?, in store: LiaisonStore) throws -> Int64? {
        guard role == .deputy else {
            if deputy != nil { throw DomainError.invalid("--deputy 只用于代表身份的操作员") }
            return nil
        }
        let deputy = deputy ?? name
        let matches = try store.deputies().filter { $0.name == deputy }
        guard let match = matches.first else {
            throw DomainError.invalid("名录中没有在用的代表「\(deputy)」：先导入或添加代表，再用 --deputy 对应")
        }
        guard matches.count == 1 else { throw DomainError.invalid("名录中有 \(matches.count) 位在用的代表叫「\(deputy)」，请先在管理页停用不用的") }
        return match.id
    }

    private func addOperator(name: String, role: OperatorRole, deputy: String?) throws {
        let store = try LiaisonStore(database: Database(path: location.path))
        let deputyID = try deputyID(for: name, role: role, deputy: deputy, in: store)
        // Refused before the PIN is asked, so nobody types a PIN for nothing.
        if try store.operatorRecord(named: name) != nil { throw DomainError.invalid("已有名为「\(name)」的操作员") }
        let pin = try PINReader.read(for: name)
        try store.createOperator(name: name, role: role, pin: pin, deputyID: deputyID, session: .commandLine)
        print("已添加操作员 \(name)（\(role.label)）")
    }

    private func importSheet(_ list: DirectoryList, file: String, dryRun: Bool) throws {
        let sheet = try SheetFile.read(file)
        let store = try LiaisonStore(database: Database(path: location.path, mode: dryRun ? .readOnly : .readWrite))
        let report = try store.importSheet(list, bytes: sheet, fileName: (file as NSString).lastPathComponent, dryRun: dryRun,
                                           session: .commandLine)
        if !report.ignoredColumns.isEmpty {
            FileHandle.standardError.write(Data("liaison-desk: 注意：这些列没有导入：\(report.ignoredColumns.map { "「\($0)」" }.joined())\n".utf8))
        }
        let what = "\(list.label)名单 \((file as NSString).lastPathComponent)（\(report.encoding.rawValue)）"
        print(dryRun ? "试导入\(what)，没有写入：将\(report.summary)" : "已导入\(what)：\(report.summary)")
        let lines = (dryRun ? report.added.map { ("新增", $0) } : []) + report.changed.map { ("修改", $0) }
        for (verb, line) in lines {
            print("  \(verb) 第 \(line.line) 行 \(line.name)" + (line.changes.isEmpty ? "" : "：" + line.changes.joined(separator: "，")))
        }
        for line in report.sameName {
            print("  注意 第 \(line.line) 行 \(line.name)：名录中已有同名的（电话 \(line.changes.joined(separator: "、"))），按新的一位导入；"
                  + "若是同一人换了电话，请在管理页停用旧的")
        }
        if report.notInFile > 0 {
            print("名录中另有 \(report.notInFile) \(list.measure)不在文件里，保持不变（\(list == .deputies ? "离任" : "不再使用")的可在管理页停用）")
        }
    }

    /// The statistics screen's figures on standard output: the station's, then each group's row.
    private func report(from: Day?, to: Day?, by dimension: StatisticsDimension?, csv: Bool) throws {
        let store = try LiaisonStore(database: Database(path: location.path, mode: .readOnly))
        let period: StatisticsPeriod
        do {
            period = try from.flatMap { first in try to.map { try StatisticsPeriod(first: first, last: $0) } }
                ?? .month(store.today.month, of: store.today.year)
        } catch let problem as InvalidField {
            throw DomainError.invalid("--to \(to?.iso ?? "") \(problem.message)")
        }
        let report = try store.statistics(period, by: dimension)
        if csv {
            FileHandle.standardOutput.write(Data(([0xEF, 0xBB, 0xBF] + Array(CSV.write(report.table).utf8))))
            return
        }
        print("\(store.station.name) 统计：\(period.label)")
        report.total.summary(byChannel: report.byChannel).forEach { print("  " + $0) }
        guard let dimension else { return }
        print("按\(dimension.label)：")
        for group in report.groups.sorted(by: { $0.name < $1.name }) {
            let figures = group.figures
            let counts = [Figure.dispatched, .replied, .repliedOnTime, .overdueNow].map { "\($0.label) \(figures[$0])" }
            let rates = [StatisticsRate.onTimeRate, .satisfactionRate].map { "\($0.label) \(FigureSet.percent(figures.rate($0)))" }
            print("  \(group.name)：" + (counts + rates).joined(separator: "，"))
        }
    }

    /// A register written to a temporary file beside `file` and renamed into place, so nothing is left
    /// half-written; a progress bar on the terminal while it runs.
    private func exportLedger(_ ledger: Ledger, from: Day, to: Day, file: String, fullNames: Bool, force: Bool) throws {
        let store = try LiaisonStore(database: Database(path: location.path))
        let period: StatisticsPeriod
        do {
            period = try StatisticsPeriod(first: from, last: to)
        } catch let problem as InvalidField {
            throw DomainError.invalid("--to \(to.iso) \(problem.message)")
        }
        let total = try store.ledgerCount(ledger, period: period)
        let showsProgress = isatty(STDERR_FILENO) == 1
        var count = 0
        let draft = try SheetFile.draft(for: file, replacing: force) { write in
            count = try store.exportLedger(ledger, period: period, fullNames: fullNames, fileName: file, session: .commandLine, progress: { done in
                guard showsProgress, total > 0 else { return }
                // Rows added since the count was taken do not push the bar past its end.
                let done = min(done, total)
                let filled = done * 40 / total
                FileHandle.standardError.write(Data("\r导出\(ledger.label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 40 - filled))] \(done * 100 / total)%".utf8))
            }, write: write)
        }
        if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        try force ? draft.replace() : draft.publish()
        print("已导出\(ledger.label) \(period.label) \(count) 行：\(file)" + (fullNames ? "（群众全名）" : "（群众只留姓氏）"))
    }

    private func exportSheet(_ list: DirectoryList, file: String) throws {
        let store = try LiaisonStore(database: Database(path: location.path))
        if file == "-" {
            try store.exportSheet(list, fileName: "标准输出", session: .commandLine, write: { FileHandle.standardOutput.write(Data($0)) })
            return
        }
        var draft: SheetFile.Draft?
        let count = try store.exportSheet(list, fileName: file, session: .commandLine, write: { draft = try SheetFile.draft($0, for: file) },
                                          publish: { try draft?.publish() })
        print("已导出 \(count) \(list.measure)\(list.label)：\(file)")
    }

    private func check(full: Bool) throws -> Int32 {
        let database = try Database(path: location.path, mode: .readOnly)
        let report = try database.check(full: full)
        print("完整性（\(full ? "完整" : "快速")检查）：\(report.integrity == ["ok"] ? "正常" : report.integrity.joined(separator: "；"))")
        print("外键：\(report.foreignKeyViolations == 0 ? "正常" : "\(report.foreignKeyViolations) 处不一致")")
        let versionNote: String
        if report.schemaVersion == report.knownVersion {
            versionNote = "正常"
        } else if report.schemaVersion > report.knownVersion {
            versionNote = "比本程序新（本程序支持 \(report.knownVersion)），请升级程序"
        } else {
            versionNote = "较旧（本程序为 \(report.knownVersion)），以读写方式打开时会自动升级"
        }
        print("结构版本：\(report.schemaVersion)，\(versionNote)")
        if !report.isHealthy { fail("检查发现问题：\(location.path)") }
        return 0
    }

    private func importCalendar(file: String) throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { fail("无法读取节假日文件：\(file)") }
        let schedule = try HolidaySchedule(parsing: text, source: (file as NSString).lastPathComponent)
        let store = try LiaisonStore(database: Database(path: location.path))
        try store.importCalendar(schedule, session: .commandLine)
        print("已导入 \(schedule.year) 年节假日安排：放假 \(schedule.entries.filter { $0.kind == .holiday }.count) 天，"
              + "调休上班 \(schedule.entries.filter { $0.kind == .workday }.count) 天")
    }

    private func openDesk(demo: Bool) throws -> Int32 {
        var demoPath: String?
        let path: String
        if demo {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-desk-demo-\(getpid()).sqlite").path
            try DemoStation.create(at: file, now: SystemClock().now())
            demoPath = file
            path = file
        } else {
            let (resolved, isDefault) = location
            if isDefault && !FileManager.default.fileExists(atPath: resolved) {
                fail("还没有数据库：\(resolved)（用 liaison-desk init 新建，或 liaison-desk --demo 试用演示站）")
            }
            path = resolved
        }
        defer {
            if let demoPath {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: demoPath + suffix) }
            }
        }
        let store = try LiaisonStore(database: Database(path: path))
        return try DeskApplication.run(store: store)
    }
}
