import Foundation
import XCTest
import LiaisonCore

/// The built `liaison-desk` binary, run as a script or an administrator would.
final class CLITests: XCTestCase {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // On Linux the test runner is the .xctest executable, built beside liaison-desk.
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("liaison-desk")
    }

    private var directory: URL!

    override func setUpWithError() throws {
        struct MissingBinary: Error, CustomStringConvertible {
            var description: String { "liaison-desk is not built beside the tests: run swift build first (scripts/test does)" }
        }
        guard FileManager.default.isExecutableFile(atPath: CLITests.binary.path) else { throw MissingBinary() }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // An unprivileged user must be able to reach the files in the read-only test.
        chmod(directory.path, 0o755)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], asUser user: String? = nil, input: String? = nil) throws -> Result {
        let process = Process()
        // Standard input is not a terminal here: a PIN comes as one line, as from a script.
        let stdin = Pipe()
        process.standardInput = stdin
        stdin.fileHandleForWriting.write(Data((input ?? "").utf8))
        try stdin.fileHandleForWriting.close()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user == "nobody" ? "nogroup" : user)", "--clear-groups",
                                 CLITests.binary.path] + arguments
        } else {
            process.executableURL = CLITests.binary
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["LIAISON_DESK_DB"] = nil
        env["XDG_DATA_HOME"] = path("xdg")
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A refusal: non-zero, one line on stderr that contains `expected`, and the file exactly as before.
    func assertRefused(_ arguments: [String], file target: String?, contains expected: String, asUser user: String? = nil,
                       line: UInt = #line) throws {
        let before = try target.flatMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        let result = try run(arguments, asUser: user)
        XCTAssertNotEqual(result.status, 0, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one line: \(result.stderr)", line: line)
        XCTAssertTrue(result.stderr.contains(expected), "\(result.stderr) should say \(expected)", line: line)
        if let target {
            XCTAssertEqual(try? Data(contentsOf: URL(fileURLWithPath: target)), before, "file changed", line: line)
        }
    }

    func testHelpAndVersion() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        for word in ["init", "demo", "check", "backup", "--db", "LIAISON_DESK_DB", "XDG_DATA_HOME"] {
            XCTAssertTrue(help.stdout.contains(word), word)
        }
        XCTAssertTrue(try run(["--version"]).stdout.hasPrefix("liaison-desk "))
        let usage = try run(["frobnicate"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("不认识的子命令"))
    }

    func testReportGivesTheScreensFiguresAndRefusesBadPeriods() throws {
        let demo = path("demo.sqlite")
        XCTAssertEqual(try run(["demo", demo]).status, 0)
        let store = try LiaisonStore(database: Database(path: demo, mode: .readOnly))
        let year = StatisticsPeriod.year(store.today.year)
        let screen = try store.statistics(year, by: .department)
        let text = try run(["--db", demo, "report", "--from", year.first.iso, "--to", year.last.iso, "--by", "department"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout.split(separator: "\n").first.map(String.init), "\(store.station.name) 统计：\(year.label)")
        for line in screen.total.summary(byChannel: screen.byChannel) { XCTAssertTrue(text.stdout.contains("  " + line + "\n"), line) }
        let csv = try run(["--db", demo, "report", "--from", year.first.iso, "--to", year.last.iso, "--by", "department", "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}名称,来访登记,"), "UTF-8 with a byte-order mark for WPS and Excel")
        let rows = try CSV.parse(String(csv.stdout.dropFirst())).map(\.fields)
        XCTAssertEqual(rows, screen.table, "the CSV is the screen's table")
        XCTAssertEqual(rows.count, 2 + screen.groups.count)

        try assertRefused(["--db", demo, "report", "--from", "2026-11-20", "--to", "2026-11-03"], file: demo, contains: "--to 2026-11-03 不能早于开始日期 2026-11-20")
        try assertRefused(["--db", demo, "report", "--from", "2026-02-30", "--to", "2026-03-01"], file: demo, contains: "--from 2026-02-30：没有这一天")
        try assertRefused(["--db", demo, "report", "--from", "2026-11-01"], file: demo, contains: "--from 和 --to 要一起给")
        try assertRefused(["--db", demo, "report", "--by", "street"], file: demo, contains: "--by 应为 category|department|deputy|tier")
        try assertRefused(["--db", demo, "report", "--format", "xls"], file: demo, contains: "--format 应为 text 或 csv")
    }

    func testEachLedgerIsExportedWithNamesMaskedAndNothingHalfWritten() throws {
        let demo = path("demo.sqlite")
        XCTAssertEqual(try run(["demo", demo]).status, 0)
        let store = try LiaisonStore(database: Database(path: demo, mode: .readOnly))
        let year = StatisticsPeriod.year(store.today.year)
        for ledger in Ledger.allCases {
            let file = path("\(ledger.rawValue).csv")
            let result = try run(["--db", demo, "export", "ledger", ledger.rawValue, "--from", year.first.iso, "--to", year.last.iso, file])
            XCTAssertEqual(result.status, 0, result.stderr)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(ledger) opens in WPS and Excel")
            let rows = try CSV.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self)).map(\.fields)
            XCTAssertEqual(rows.first, ledger.header)
            XCTAssertEqual(rows.count - 1, try store.ledgerCount(ledger, period: year), "\(ledger): every row of the database")
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0.count == ledger.header.count })
            XCTAssertTrue(result.stdout.contains("已导出\(ledger.label)"), result.stdout)
        }
        let cases = try CSV.parse(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path("cases.csv"))).dropFirst(3), as: UTF8.self))
        let first = try XCTUnwrap(cases.dropFirst().first { !$0.fields[2].isEmpty }).fields
        XCTAssertTrue(first[2].hasSuffix("某"), "residents by surname only: \(first[2])")
        let stored = try store.database.fetchOne("""
            SELECT coalesce(r.name, ''), coalesce(d.name, '') FROM cases c LEFT JOIN residents r ON r.id = c.resident_id
            LEFT JOIN departments d ON d.id = c.department_id WHERE c.code = ?
            """, [first[0]]) { [$0.string(0), $0.string(1)] }
        XCTAssertEqual(stored.map { [AnonymousName.of($0[0]), $0[1]] }, [first[2], first[5]], "the row is the database's")
        XCTAssertEqual(try store.database.scalarString("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1"), "ledger.export")

        let existing = path("cases.csv")
        try assertRefused(["--db", demo, "export", "ledger", "cases", "--from", year.first.iso, "--to", year.last.iso, existing], file: existing,
                          contains: "不会覆盖")
        let forced = try run(["--db", demo, "export", "ledger", "cases", "--from", year.first.iso, "--to", year.last.iso, existing, "--force",
                              "--full-names"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("（群众全名）"))
        try assertRefused(["--db", demo, "export", "ledger", "visits", "--from", "2026-01-01", "--to", "2026-12-31", path("v.csv")], file: nil,
                          contains: "没有这个登记簿：visits")
        try assertRefused(["--db", demo, "export", "ledger", "cases", "--from", "2026-12-31", "--to", "2026-01-01", path("x.csv")], file: nil,
                          contains: "--to 2026-01-01 不能早于开始日期 2026-12-31")
        try assertRefused(["--db", demo, "export", "ledger", "cases", "--from", "2026-02-30", "--to", "2026-03-01", path("x.csv")], file: nil,
                          contains: "--from 2026-02-30：没有这一天")
        try assertRefused(["--db", demo, "export", "ledger", "cases", "--to", "2026-03-01", path("x.csv")], file: nil, contains: "要给 --from 和 --to")
        try assertRefused(["--db", demo, "export", "ledger", "cases", "--from", "2026-01-01", "--to", "2026-03-01", path("missing/x.csv")],
                          file: nil, contains: "目录不存在")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("x.csv")), "nothing written by a refused export")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }, [])
    }

    func testInitDemoCheckAndBackup() throws {
        let database = path("station.sqlite")
        XCTAssertEqual(try run(["--db", database, "init", "--station", "和平里街道代表联络站"]).status, 0)
        try assertRefused(["--db", database, "init"], file: database, contains: "和平里街道代表联络站")
        let check = try run(["--db", database, "check", "--full"])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("完整性（完整检查）：正常"))

        let demo = path("demo.sqlite")
        XCTAssertEqual(try run(["demo", demo]).status, 0)
        try assertRefused(["demo", demo], file: demo, contains: "不会覆盖")
        let store = try LiaisonStore(database: Database(path: demo, mode: .readOnly))
        XCTAssertGreaterThan(try store.database.scalarInt("SELECT count(*) FROM cases") ?? 0, 100)

        let copy = path("backup.sqlite")
        // Whatever the umask lets others read, the copy of every resident's phone is its owner's only.
        let umaskBefore = umask(0o022)
        defer { umask(umaskBefore) }
        XCTAssertEqual(try run(["--db", demo, "backup", copy]).status, 0)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try store.database.fetchOne("SELECT actor, action, subject FROM audit_log ORDER BY id DESC LIMIT 1") {
            [$0.string(0), $0.string(1), $0.string(2)]
        }, ["命令行", "backup", copy], "who, when (the row's time) and where to")
        XCTAssertEqual(try run(["--db", copy, "check"]).status, 0)
        let original = try Database(path: demo, mode: .readOnly)
        let backup = try Database(path: copy, mode: .readOnly)
        XCTAssertEqual(try original.scalarInt("SELECT count(*) FROM case_events"), try backup.scalarInt("SELECT count(*) FROM case_events"))
        try assertRefused(["--db", demo, "backup", copy], file: copy, contains: "不会覆盖")
        try assertRefused(["--db", demo, "backup", path("missing/dir/b.sqlite")], file: nil, contains: "目录不存在")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("partial") }, [],
                       "no half-written backup left behind")
    }

    func testDatabaseLocationFromEnvironmentAndDataDirectory() throws {
        let database = path("env.sqlite")
        XCTAssertEqual(try run(["init"], environment: ["LIAISON_DESK_DB": database]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: database))
        XCTAssertEqual(try run(["init", "--station", "默认站"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("xdg/liaison-desk/desk.sqlite")))
    }

    func testBadInputIsRefusedInOneLineAndLeavesFilesUntouched() throws {
        let notes = path("notes.txt")
        try Data("会议纪要，不是数据库\n".utf8).write(to: URL(fileURLWithPath: notes))
        for command in [["check"], ["backup", path("out.sqlite")], ["calendar", "list"], ["init"]] {
            try assertRefused(["--db", notes] + command, file: notes, contains: "不是 SQLite")
        }
        try assertRefused(["--db", path("none.sqlite"), "check"], file: nil, contains: "不存在")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("none.sqlite")))
        try assertRefused(["--db", path("no/such/dir/a.sqlite"), "init"], file: nil, contains: "目录不存在")

        let newer = path("newer.sqlite")
        XCTAssertEqual(try run(["--db", newer, "init"]).status, 0)
        try sqlite3(newer, "PRAGMA user_version = 42;")
        try assertRefused(["--db", newer, "calendar", "import", path("x.txt")], file: newer, contains: "无法读取")
        try Data("year 2027\nholiday 2027-01-01 元旦\n".utf8).write(to: URL(fileURLWithPath: path("2027.txt")))
        try assertRefused(["--db", newer, "calendar", "import", path("2027.txt")], file: newer, contains: "比本程序支持的版本")
        try assertRefused(["--db", newer, "check"], file: newer, contains: "检查发现问题")

        let foreign = path("foreign.sqlite")
        try sqlite3(foreign, "PRAGMA application_id = 7; CREATE TABLE t(x); INSERT INTO t VALUES ('别的程序');")
        try assertRefused(["--db", foreign, "check"], file: foreign, contains: "不是本程序的数据库")
    }

    func testReadOnlyFileIsRefusedForWriting() throws {
        let database = path("station.sqlite")
        XCTAssertEqual(try run(["--db", database, "init"]).status, 0)
        XCTAssertEqual(try run(["--db", database, "check"]).status, 0)
        chmod(database, 0o444)
        try Data("year 2027\nholiday 2027-01-01 元旦\n".utf8).write(to: URL(fileURLWithPath: path("2027.txt")))
        chmod(path("2027.txt"), 0o644)
        // Root writes through file permissions, so the refusal is checked as an unprivileged user.
        let user: String? = getuid() == 0 ? "nobody" : nil
        try assertRefused(["--db", database, "calendar", "import", path("2027.txt")], file: database, contains: "只读", asUser: user)
    }

    func testCalendarImportIsAllOrNothing() throws {
        let database = path("station.sqlite")
        XCTAssertEqual(try run(["--db", database, "init"]).status, 0)
        try Data("year 2027\nholiday 2027-01-01 元旦\nholiday 2027-02-30 春节\n".utf8).write(to: URL(fileURLWithPath: path("bad.txt")))
        try assertRefused(["--db", database, "calendar", "import", path("bad.txt")], file: nil, contains: "第 3 行")
        XCTAssertFalse(try run(["--db", database, "calendar", "list"]).stdout.contains("2027"))
        try Data("year 2027\nholiday 2027-01-01 元旦\n".utf8).write(to: URL(fileURLWithPath: path("good.txt")))
        XCTAssertEqual(try run(["--db", database, "calendar", "import", path("good.txt")]).status, 0)
        XCTAssertTrue(try run(["--db", database, "calendar", "list"]).stdout.contains("2027"))
    }

    func testInitSetsUpAWorkingStationFromItsFlags() throws {
        let database = path("new.sqlite")
        let result = try run(["--db", database, "init", "--station", "安定门街道代表联络站", "--kind", "street", "--reception-day", "20",
                              "--tie", "later"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("接待选民日：每月 20 日（不是工作日时改到最近的工作日，前后一样近时推后）"), result.stdout)
        XCTAssertTrue(result.stdout.contains("import deputies"), "says what to do next: \(result.stdout)")
        let store = try LiaisonStore(database: Database(path: database, mode: .readOnly))
        XCTAssertEqual(store.station.receptionRule, ReceptionDayRule(dayOfMonth: 20, tie: .later))
        XCTAssertEqual(try store.categories().count, 13)
        XCTAssertEqual(try run(["--db", path("point.sqlite"), "init", "--kind", "point", "--reception-day", "none"]).status, 0)
        XCTAssertEqual(try run(["--db", path("full-width.sqlite"), "init", "--reception-day", "２０号"]).status, 0, "as a clerk writes it")
        XCTAssertEqual(try LiaisonStore(database: Database(path: path("full-width.sqlite"), mode: .readOnly)).station.receptionRule?.dayOfMonth, 20)
        XCTAssertNil(try LiaisonStore(database: Database(path: path("point.sqlite"), mode: .readOnly)).station.receptionRule)
        for (flags, message) in [(["--kind", "town"], "--kind 应为"), (["--reception-day", "32"], "--reception-day 应为 1 到 31"),
                                 (["--tie", "soon"], "--tie 应为 earlier 或 later"), (["--station", " "], "--station 不能为空"),
                                 (["--station", String(repeating: "长", count: 41)], "--station 最多 40 个字")] {
            let refused = try run(["--db", path("bad.sqlite"), "init"] + flags)
            XCTAssertEqual(refused.status, 2)
            XCTAssertTrue(refused.stderr.contains(message), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("bad.sqlite")))
        }
    }

    func testImportAndExportFromTheShell() throws {
        let database = path("station.sqlite")
        XCTAssertEqual(try run(["--db", database, "init", "--station", "和平里街道代表联络站"]).status, 0)
        let roster = path("代表名单.csv")
        try Data("姓名,性别,级别,联系电话,备注\n张三,男,区,13800000001,新任\n李四,女,市,13800000002,\n".utf8)
            .write(to: URL(fileURLWithPath: roster))
        let dry = try run(["--db", database, "import", "deputies", roster, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("没有写入：将新增 2 位，修改 0 位，未变 0 位"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("新增 第 2 行 张三"), dry.stdout)
        XCTAssertTrue(dry.stderr.contains("「备注」"), "the unknown column is named: \(dry.stderr)")
        let imported = try run(["--db", database, "import", "deputies", roster])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("已导入代表名单 代表名单.csv（UTF-8）：新增 2 位"), imported.stdout)
        XCTAssertTrue(try run(["--db", database, "import", "deputies", roster]).stdout.contains("未变 2 位"))

        let exported = path("导出.csv")
        XCTAssertEqual(try run(["--db", database, "export", "deputies", exported]).status, 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: exported))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        // The mobile written so Excel keeps it as text, not 1.38E+10.
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("张三,男,县区,,,,\"=\"\"13800000001\"\"\",\r\n"))
        try assertRefused(["--db", database, "export", "deputies", exported], file: exported, contains: "不会覆盖")
        let toStdout = try run(["--db", database, "export", "categories", "-"])
        XCTAssertTrue(toStdout.stdout.contains("名称,默认承办单位,办理时限（工作日）"), toStdout.stdout)
        let store = try LiaisonStore(database: Database(path: database, mode: .readOnly))
        XCTAssertEqual(try store.database.fetchAll("SELECT action FROM audit_log ORDER BY id") { $0.string(0) },
                       ["import.deputies", "import.deputies", "export.deputies", "export.categories"])
    }

    func testABadSheetIsRefusedInOneLineWithNothingWritten() throws {
        let database = path("station.sqlite")
        XCTAssertEqual(try run(["--db", database, "init"]).status, 0)
        func sheet(_ name: String, _ bytes: [UInt8]) throws -> String {
            try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
            return path(name)
        }
        let refusals: [([String], String)] = [
            (["deputies", path("none.csv")], "找不到文件"),
            (["deputies", directory.path], "这是一个目录"),
            (["deputies", try sheet("empty.csv", [])], "文件是空的"),
            (["deputies", try sheet("book.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0])], "Excel 工作簿"),
            (["deputies", try sheet("broken.csv", Array("姓名,级别\n".utf8) + [0x80, 0x0A])], "看来是 UTF-8，第 2 行却有不是 UTF-8 的字节"),
            (["deputies", try sheet("latin.csv", Array("Name,Level\nM".utf8) + [0xFC] + Array("ller,x\n".utf8))], "既不是 UTF-8 也不是 GB18030"),
            (["deputies", try sheet("noname.csv", Array("级别\n区\n".utf8))], "表头缺少「姓名」"),
            (["deputies", try sheet("level.csv", Array("姓名,级别\n张三,处级\n".utf8))], "第 2 行「级别」：不认识的级别「处级」"),
            (["deputies", try sheet("phone.csv", Array("姓名,级别,电话\n张三,区,12345\n".utf8))], "第 2 行「电话」"),
            (["deputies", try sheet("twice.csv", Array("姓名,级别\n张三,区\n张三,市\n".utf8))], "第 3 行：与第 2 行重复"),
            (["deputies", try sheet("fields.csv", Array("姓名,级别\n张三,区,多\n".utf8))], "第 2 行：有 3 列，表头有 2 列"),
        ]
        for (arguments, message) in refusals {
            try assertRefused(["--db", database, "import"] + arguments, file: database, contains: message)
        }
        let usage = try run(["--db", database, "import", "people", path("x.csv")])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("deputies|legal-officers|departments|categories"), usage.stderr)
        let store = try LiaisonStore(database: Database(path: database, mode: .readOnly))
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM deputies"), 0)
        XCTAssertEqual(try store.database.scalarInt("SELECT count(*) FROM audit_log"), 0)
    }

    /// Changes a file with the sqlite3 program, as another tool would.
    private func sqlite3(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testOperatorsAreAddedWithAPINFromStandardInputAndRefusedAsTheIssueSays() throws {
        let db = path("ops.sqlite")
        let made = try run(["--db", db, "init", "--station", "测试站", "--kind", "street", "--reception-day", "15", "--tie", "earlier",
                            "--admin", "张站长"], input: "2580\n")
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try run(["--db", db, "operator", "add", "小李", "--role", "前台"], input: "1357\n").status, 0)
        try assertRefused(["--db", db, "operator", "add", "小王", "--role", "clerk"], file: db, contains: "标准输入没有 PIN")
        try assertRefused(["--db", db, "operator", "add", "小李", "--role", "clerk"], file: db, contains: "已有名为「小李」的操作员")
        try assertRefused(["--db", db, "operator", "add", "王五", "--role", "deputy"], file: db, contains: "名录中没有在用的代表「王五」")
        try assertRefused(["--db", db, "operator", "disable", "张站长"], file: db, contains: "这是唯一在用的管理员")
        XCTAssertEqual(try run(["--db", db, "operator", "add", "小赵", "--role", "clerk"], input: "12ab\n").status, 1)
        XCTAssertEqual(try run(["--db", db, "operator", "list"]).stdout, "张站长\t管理员\t在用\n小李\t工作人员\t在用\n")
        XCTAssertEqual(try run(["--db", db, "operator", "disable", "小李"]).status, 0)
        XCTAssertTrue(try run(["--db", db, "operator", "list"]).stdout.contains("小李\t工作人员\t已停用"))
        XCTAssertEqual(try run(["--db", db, "operator", "enable", "小李"]).status, 0)
        XCTAssertEqual(try run(["--db", db, "operator", "role", "小李", "--role", "admin"]).status, 0)
        XCTAssertEqual(try run(["--db", db, "operator", "role", "张站长", "--role", "督办"]).status, 0, "another admin now exists")
        try assertRefused(["--db", db, "operator", "role", "小李", "--role", "clerk"], file: db, contains: "这是唯一在用的管理员")
        XCTAssertEqual(try run(["--db", db, "operator", "list"]).stdout, "张站长\t督办人员\t在用\n小李\t管理员\t在用\n")
        XCTAssertEqual(try run(["--db", db, "operator", "passwd", "张站长"], input: "9999\n").status, 0)
        let store = try LiaisonStore(database: Database(path: db))
        XCTAssertEqual(try store.signIn(name: "张站长", pin: "9999").role, .supervisor)
        XCTAssertEqual(try store.database.fetchAll("SELECT action FROM audit_log WHERE action LIKE 'operator.%' ORDER BY id") { $0.string(0) },
                       ["operator.create", "operator.create", "operator.disable", "operator.restore", "operator.update", "operator.update",
                        "operator.passwd"])
        // A PIN is never taken from the command line.
        XCTAssertEqual(try run(["--db", db, "operator", "add", "小钱", "--role", "clerk", "--pin", "1234"]).status, 2)
    }

    func testInitFillsAnEmptyFileAndSaysWhenItTookTheDefaultName() throws {
        let db = path("touched.sqlite")
        _ = FileManager.default.createFile(atPath: db, contents: Data())
        let made = try run(["--db", db, "init", "--kind", "street", "--reception-day", "5", "--tie", "earlier", "--admin", "甲"], input: "2580\n")
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stderr.contains("没有给 --station，站名用「人大代表联络站」"), made.stderr)
        XCTAssertEqual(try LiaisonStore(database: Database(path: db, mode: .readOnly)).station.name, "人大代表联络站")
    }
}
