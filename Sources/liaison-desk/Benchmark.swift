import Foundation
import LiaisonCore
import LiaisonTUI

/// `liaison-desk bench`: builds (or reuses) a synthetic district and times what the screens do,
/// against the same SQL run by the sqlite3 command-line program.
struct Benchmark {
    let cases: Int
    let databasePath: String?

    struct Measurement {
        let name: String
        let target: String
        let samples: [Double] // milliseconds
        var cliMean: Double?

        var median: Double { percentile(0.5) }
        var p99: Double { percentile(0.99) }
        var mean: Double { samples.reduce(0, +) / Double(max(1, samples.count)) }

        func percentile(_ fraction: Double) -> Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
        }
    }

    func run() throws {
        let path = databasePath ?? ".bench/district-\(cases).sqlite"
        let today = SystemClock().today
        let build = try prepare(path: path, today: today)
        let store = try LiaisonStore(database: Database(path: path))
        // Timed registrations go to a day of their own, so repeated runs do not fill today's queue.
        let registrationStore = try LiaisonStore(database: Database(path: path),
                                                 clock: ManualClock(LocalTime(day: Day(year: 2099, month: 1, day: 1)!)))
        var random = SystemRandomNumberGenerator()
        let caseCount = try store.database.scalarInt("SELECT max(id) FROM cases") ?? 1
        let (monthStart, monthEnd) = LiaisonStore.monthBounds(year: today.adding(days: -31).year, month: today.adding(days: -31).month)

        var results: [Measurement] = []
        results.append(Measurement(name: "登记来访（含提交）", target: "≤ 5 ms 中位", samples: try time(400) { index in
            let phone = "17" + String(format: "%09d", Int.random(in: 0..<999_999_999, using: &random))
            try registrationStore.registerVisit(VisitDraft(resident: ResidentDraft(name: "基准居民\(index)", phone: phone),
                                               categoryID: 1, problem: "基准测试登记的问题"), session: .system)
        }))

        let caseIDs = (0..<2000).map { _ in Int.random(in: 1...caseCount, using: &random) }
        var timeline = Measurement(name: "诉求时间线", target: "≤ 5 ms", samples: try time(caseIDs.count, warm: true) { index in
            _ = try store.timeline(caseID: Int64(caseIDs[index]))
        })
        timeline.cliMean = try cliMean(path: path, statements: caseIDs.map { inline(CaseQuerySQL.timeline, [$0]) })
        results.append(timeline)

        results.append(Measurement(name: "诉求详情（各轮、期限、时间线）", target: "≤ 5 ms", samples: try time(caseIDs.count) { index in
            _ = try store.caseDetail(id: Int64(caseIDs[index]))
        }))

        var board = Measurement(name: "督办首页（逾期在前）", target: "≤ 10 ms 中位", samples: try time(1000, warm: true) { _ in
            _ = try store.overdueCases(asOf: today, limit: 50)
        })
        // The store runs one query per overdue status and merges them; so does the sqlite3 program here.
        let overdueParts = Overdue.statuses.map { inline(BoardSQL.rows(where: Overdue.condition), [$0.rawValue, today.iso, 50]) }
        board.cliMean = try cliMean(path: path, statements: Array(repeating: overdueParts.joined(separator: "\n"), count: 1000))
        results.append(board)

        var overdue = Measurement(name: "逾期件数", target: "≤ 10 ms 中位", samples: try time(1000) { _ in
            _ = try store.overdueCount(asOf: today)
        })
        let countParts = Overdue.statuses.map { inline(BoardSQL.count(where: Overdue.condition), [$0.rawValue, today.iso]) }
        overdue.cliMean = try cliMean(path: path, statements: Array(repeating: countParts.joined(separator: "\n"), count: 1000))
        results.append(overdue)

        var month = Measurement(name: "月度统计（状态×类别）", target: "≤ 200 ms", samples: try time(50, warm: true) { _ in
            _ = try store.monthStatistics(year: monthStart.year, month: monthStart.month)
        })
        month.cliMean = try cliMean(path: path, statements: Array(
            repeating: inline(CaseQuerySQL.monthStatistics, [monthStart.iso, monthEnd.iso]), count: 50))
        results.append(month)

        // A year's figures, and the same broken down by department: the store against the sqlite3 program
        // running the same statements.
        for (name, dimension) in [("年度统计（全站）", StatisticsDimension?.none), ("年度统计按承办单位", .department)] {
            let year = StatisticsPeriod.year(today.year)
            var figures = Measurement(name: name, target: "≤ 200 ms", samples: try time(10, warm: true) { _ in
                _ = try store.statistics(year, by: dimension)
            })
            let statements = StatisticsSQL.statements(year, by: dimension, stationID: store.station.id, today: today)
                .map { inline($0.sql, $0.arguments) }.joined(separator: "\n")
            figures.cliMean = try cliMean(path: path, statements: Array(repeating: statements, count: 10))
            results.append(figures)
        }

        // From nothing to the first frame: the file opened (only the cheap checks), the store and the desk
        // made, the reception screen loaded and drawn.
        results.append(Measurement(name: "启动到首帧（打开数据库）", target: "≤ 200 ms", samples: try time(10, warm: true) { _ in
            let opened = try LiaisonStore(database: Database(path: path))
            DeskController(store: opened, session: .system).show(on: GridScreen(rows: 24, columns: 80))
        }))

        // Each screen's first frame (loading included) and a keystroke answered, on the in-memory grid.
        for id in DeskScreenID.allCases {
            results.append(Measurement(name: "首帧：\(id.rawValue) \(id.title)", target: "≤ 16 ms p99", samples: try time(30, warm: true) { _ in
                DeskController(store: store, session: .system, start: id).show(on: GridScreen(rows: 24, columns: 80))
            }))
        }
        for (name, screen) in [("督办首帧加其余载入", DeskScreenID.board), ("代表首帧加其余载入", .deputies), ("统计首帧加本月数字", .statistics)] {
            results.append(Measurement(name: name, target: "空闲时载入", samples: try time(30, warm: true) { _ in
                let desk = DeskController(store: store, session: .system, start: screen)
                desk.doPendingWork()
            }))
        }
        // The roster's first frame in each order after `s` (pinyin is the screen's first frame above), and each
        // other section's after → (积分申请, 积分排名, …): the desk is brought to the order or the section
        // before, with only the first screenful loaded, and the key with its frame is timed.
        let steps = ["按姓氏笔画", "按级别", "按今年积分"].map { ("代表名单\($0)", Key.character("s")) }
            + ["积分申请", "积分排名", "未达要求", "值班表", "联系群众"].map { ("代表·\($0)", Key.right) }
        for (name, key) in steps {
            let before = steps.prefix { $0.0 != name }.filter { $0.1 == key }.count
            let desks = (0..<60).map { _ in
                let desk = DeskController(store: store, session: .system, start: .deputies)
                for _ in 0..<before { _ = desk.handle(key) }
                return desk
            }
            var next = desks.makeIterator()
            results.append(Measurement(name: name, target: "≤ 16 ms p99", samples: try time(30, warm: true) { _ in
                let desk = next.next()!
                _ = desk.handle(key)
                desk.show(on: GridScreen(rows: 24, columns: 80))
            }))
        }
        // The agenda's month calendar (v) and the month after (>), with 5,000 meetings in the file: the
        // desk shows the agenda's list first; the key and its frame are timed.
        for (name, keys) in [("议程月历首帧（v）", [Key.character("v")]), ("议程月历换月（>）", [.character("v"), .character(">")])] {
            let desks = (0..<60).map { _ in
                let desk = DeskController(store: store, session: .system, start: .agenda)
                desk.show(on: GridScreen(rows: 24, columns: 80))
                for key in keys.dropLast() { _ = desk.handle(key) }
                return desk
            }
            var next = desks.makeIterator()
            results.append(Measurement(name: name, target: "≤ 16 ms p99", samples: try time(30, warm: true) { _ in
                let desk = next.next()!
                _ = desk.handle(keys.last!)
                desk.show(on: GridScreen(rows: 24, columns: 80))
            }))
        }
        results.append(Measurement(name: "议题可选诉求（会商办在前）", target: "≤ 50 ms", samples: try time(30, warm: true) { _ in
            _ = try store.agendaCandidates()
        }))
        let controller = DeskController(store: store, session: .system, start: .board)
        controller.doPendingWork()
        let grid = GridScreen(rows: 24, columns: 80)
        results.append(Measurement(name: "按键响应（督办 j/k）", target: "≤ 16 ms p99", samples: try time(400) { index in
            _ = controller.handle(.character(index % 40 < 20 ? "j" : "k"))
            controller.show(on: grid)
        }))

        // The supervisor's round: n to the next overdue case across the database, with the frame.
        let stepping = DeskController(store: store, session: .system, start: .board)
        results.append(Measurement(name: "逐件查看逾期（n，含画面）", target: "≤ 16 ms p99", samples: try time(300) { _ in
            _ = stepping.handle(.character("n"))
            stepping.show(on: grid)
        }))
        let codes = caseIDs.prefix(200).map { CaseCode.format(year: today.year - $0 % 2, serial: $0 % 400_000 + 1) }
        results.append(Measurement(name: "搜索：编号", target: "≤ 50 ms", samples: try time(codes.count, warm: true) { index in
            _ = try store.searchCases(codes[index])
        }))
        // Fragments of the synthetic titles (合成诉求N): three characters and more, and the two-character worst
        // case, a pair every title begins with.
        let fragments = caseIDs.prefix(200).enumerated().map { index, id in
            index % 4 == 3 ? "诉求" : "诉求\(id)".prefix(3 + index % 4).description
        }
        results.append(Measurement(name: "搜索：标题", target: "≤ 50 ms", samples: try time(fragments.count, warm: true) { index in
            _ = try store.searchCases(fragments[index])
        }))
        let marked = try store.overdueCases(asOf: today, limit: 100).map { ($0.id, Optional<Int>.none) }
        results.append(Measurement(name: "督办意见写入 100 件标记", target: "≤ 50 ms", samples: try time(20) { _ in
            try store.supervise(marked, note: "基准测试：请尽快办理", session: .system)
        }))

        // The clerk's desk: lookups as a phone number or initials are typed, and the queue screen on the
        // benchmark's own day, whose queue holds every registration timed above (it grows run by run).
        // The synthetic residents are 居民N with phones 130…; every name shares the initials jm, the worst case.
        let names = ["jm", "居民1", "居民23", "居", "j"]
        var prefixes: [String] = []
        for index in 0..<200 {
            let phonePrefix = String("130" + String(format: "%08d", Int.random(in: 0..<335_000, using: &random)).prefix(3 + index % 6))
            prefixes.append(index % 2 == 0 ? phonePrefix : names[index / 2 % names.count])
        }
        results.append(Measurement(name: "居民查找（边打边查）", target: "≤ 16 ms p99", samples: try time(prefixes.count, warm: true) { index in
            _ = try store.residentMatches(prefixes[index])
        }))
        let queueDesk = DeskController(store: registrationStore, session: .system, start: .reception)
        results.append(Measurement(name: "接待队列按键（j/k）", target: "≤ 16 ms p99", samples: try time(400) { index in
            _ = queueDesk.handle(.character(index % 40 < 20 ? "j" : "k"))
            queueDesk.show(on: grid)
        }))
        _ = queueDesk.handle(.character("a"))
        let typed = Array("13912345678")
        results.append(Measurement(name: "登记表按键（含居民查找）", target: "≤ 16 ms p99", samples: try time(typed.count * 20) { index in
            let position = index % (typed.count + 1)
            _ = queueDesk.handle(position == typed.count ? .control("u") : .character(typed[position]))
            queueDesk.show(on: grid)
        }))

        // A letter pasted into the registration form's problem field (one bracketed paste, one frame).
        for (name, size, target) in [("粘贴 100 KB 到反映问题", 100 * 1024, "≤ 500 ms"), ("粘贴 10 MB 到反映问题", 10 * 1024 * 1024, "≤ 2 s")] {
            let line = "尊敬的代表：小区东门路灯坏了两个星期，晚上老人出门不方便，请帮忙反映。\n"
            let letter = Paste(String(repeating: line, count: size / line.utf8.count))
            // Each sample pastes into a fresh form, opened before the clock starts.
            let desks = (0..<5).map { _ in
                let desk = DeskController(store: registrationStore, session: .system)
                for key in [Key.character("a")] + Array(repeating: Key.tab, count: 7) { _ = desk.handle(key) }
                return desk
            }
            results.append(Measurement(name: name, target: target, samples: try time(desks.count) { index in
                _ = desks[index].handle(.paste(letter))
                desks[index].show(on: grid)
            }))
        }

        results += try importMeasurements()
        report(results, build: build, path: path, store: store)
    }

    /// A district's roster of 10,000 deputies as WPS saves it (GB18030), imported into a new station
    /// and then imported again (every row found unchanged).
    private func importMeasurements() throws -> [Measurement] {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
        let given = Array("建国秀英志强丽华海燕文斌晓东桂英振华淑兰宝山雅琴美玲婉婷国栋")
        let levels = ["全国", "省", "市", "区", "乡镇"]
        var rows = ["姓名,性别,级别,界别,选区,代表小组,联系电话,工作单位"]
        for index in 0..<10_000 {
            let name = String(surnames[index % surnames.count]) + String(given[index / surnames.count % given.count])
                + String(given[(index / 7) % given.count])
            rows.append("\(name),\(index % 2 == 0 ? "男" : "女"),\(levels[index % levels.count]),企业,第\(index % 40 + 1)选区,"
                        + "第\(index % 12 + 1)小组,139\(String(format: "%08d", index)),某某有限公司第\(index % 90)分公司")
        }
        let sheet = try gb18030(rows.joined(separator: "\r\n") + "\r\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stores = try (0..<3).map { index in
            try LiaisonStore.initialize(database: Database(path: directory.appendingPathComponent("\(index).sqlite").path, mode: .create),
                                        station: StationDraft(name: "基准联络站"))
        }
        let fresh = Measurement(name: "导入 10000 位代表（GB18030）", target: "≤ 2 s", samples: try time(stores.count) { index in
            _ = try stores[index].importSheet(.deputies, bytes: sheet, fileName: "roster.csv", session: .commandLine)
        })
        let again = Measurement(name: "再次导入同一名单（全未变）", target: "≤ 2 s", samples: try time(stores.count) { index in
            _ = try stores[index].importSheet(.deputies, bytes: sheet, fileName: "roster.csv", session: .commandLine)
        })
        return [fresh, again]
    }

    /// Text as GB18030 bytes, through the system's iconv.
    private func gb18030(_ text: String) throws -> [UInt8] {
        struct EncodingFailed: Error {}
        let converter = iconv_open("GB18030", "UTF-8")
        guard converter != iconv_t(bitPattern: -1) else { throw EncodingFailed() }
        defer { iconv_close(converter) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inputLeft = input.count, outputLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft)
            }
        }
        guard result != -1 else { throw EncodingFailed() }
        return output[..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
    }

    /// Reuses a district file built for the same number of cases; builds one otherwise.
    private func prepare(path: String, today: Day) throws -> String {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try Database(path: path)
            if SyntheticDistrict.existingCaseCount(in: existing) == cases {
                try SyntheticDistrict(cases: cases, today: today).addDuty(to: existing)
                return "沿用已生成的数据"
            }
            throw StoreOpenError.alreadyExists(path)
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty
                                                ? "." : (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let district = SyntheticDistrict(cases: cases, today: today)
        let started = Date()
        let database = try Database(path: path, mode: .create)
        var lastShown = -1
        try district.build(into: database) { fraction in
            let percent = Int(fraction * 100)
            guard percent != lastShown else { return }
            lastShown = percent
            let filled = percent * 40 / 100
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 40 - filled)
            FileHandle.standardError.write(Data("\r生成合成数据 [\(bar)] \(percent)%".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        return String(format: "生成用时 %.1f s", Date().timeIntervalSince(started))
    }

    /// Times `count` runs; `warm` runs them all once first, so the figures are of a warm page cache,
    /// as the sqlite3 program's are.
    private func time(_ count: Int, warm: Bool = false, _ body: (Int) throws -> Void) throws -> [Double] {
        if warm { for index in 0..<count { try body(index) } }
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body(index)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return samples
    }

    /// The SQL with its parameters written in as literals, for the sqlite3 program.
    private func inline(_ sql: String, _ values: [Any]) -> String {
        var result = ""
        var remaining = values[...]
        for character in sql {
            if character == "?", let value = remaining.popFirst() {
                result += value is String ? "'\(value)'" : "\(value)"
            } else {
                result.append(character)
            }
        }
        return result + ";"
    }

    /// Mean milliseconds per statement in the sqlite3 program: the best of three runs with the statements,
    /// less the best of three without them (start-up and opening the file).
    private func cliMean(path: String, statements: [String]) throws -> Double? {
        guard let withStatements = try bestOfThree(path: path, script: statements.joined(separator: "\n")),
              let baseline = try bestOfThree(path: path, script: "SELECT 1;") else { return nil }
        return max(0, withStatements - baseline) / Double(statements.count)
    }

    private func bestOfThree(path: String, script: String) throws -> Double? {
        let scriptPath = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-bench-\(getpid()).sql").path
        try (".output /dev/null\n" + script + "\n").write(toFile: scriptPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        let runs = (0..<3).compactMap { _ in runCLI(path: path, scriptPath: scriptPath) }
        return runs.count == 3 ? runs.min() : nil
    }

    /// Runs sqlite3 with posix_spawn and waitpid: Foundation's Process polls for the exit, which adds
    /// tens of milliseconds of noise.
    private func runCLI(path: String, scriptPath: String) -> Double? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, scriptPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = ["sqlite3", "-batch", "-readonly", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, "sqlite3", &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid, status == 0 else { return nil }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    private func report(_ results: [Measurement], build: String, path: String, store: LiaisonStore) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let residents = (try? store.database.scalarInt("SELECT count(*) FROM residents")) ?? 0
        let events = (try? store.database.scalarInt("SELECT count(*) FROM case_events")) ?? 0
        print("LiaisonDesk 基准：\(cases) 件诉求，\(residents) 位居民，\(events) 条事件，"
              + "\(SyntheticDistrict.deputies) 位代表，\(SyntheticDistrict.departments) 个承办单位；"
              + String(format: "数据库 %.0f MB；", Double(size) / 1_048_576) + build)
        let header = ["操作".fitted(to: 24), "中位数".fitted(to: 10), "p99".fitted(to: 10), "目标".fitted(to: 14),
                      "sqlite3 均值".fitted(to: 13), "本程序均值".fitted(to: 11), "比值"]
        print(header.joined())
        for result in results {
            let cli = result.cliMean.map { String(format: "%.3f ms", $0) } ?? "—"
            let ratio = result.cliMean.map { $0 > 0 ? String(format: "%.2f×", result.mean / $0) : "—" } ?? "—"
            print([result.name.fitted(to: 24), String(format: "%.3f ms", result.median).fitted(to: 10),
                   String(format: "%.3f ms", result.p99).fitted(to: 10), result.target.fitted(to: 14), cli.fitted(to: 13),
                   String(format: "%.3f ms", result.mean).fitted(to: 11), ratio].joined())
        }
        print("峰值内存（VmHWM）：\(peakMemory())")
    }

    private func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "未知" }
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return String(format: "%.1f MB", Double(kilobytes) / 1024)
    }
}
