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
        case .initialize(let stationName):
            try initialize(stationName: stationName)
        case .demo(let path):
            try DemoStation.create(at: path, now: SystemClock().now())
            print("已新建演示数据库：\(path)")
        case .check(let full):
            return try check(full: full)
        case .backup(let destination):
            let database = try Database(path: location.path)
            try database.backup(to: destination)
            // The copy passed the full check, so the desk need not run its own today.
            try database.noteIntegrityChecked(on: SystemClock().today)
            print("已备份到 \(destination)")
        case .calendarImport(let file):
            try importCalendar(file: file)
        case .calendarList:
            let store = try LiaisonStore(database: Database(path: location.path, mode: .readOnly))
            for year in store.calendar.knownYears.sorted() { print(year) }
        case .bench(let cases, let path):
            try Benchmark(cases: cases, databasePath: path).run()
        }
        return 0
    }

    private func initialize(stationName: String) throws {
        let (path, isDefault) = location
        if isDefault {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
        }
        let store = try LiaisonStore.initialize(database: Database(path: path, mode: .create),
                                                station: StationDraft(name: stationName))
        print("已新建「\(store.station.name)」：\(path)")
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
