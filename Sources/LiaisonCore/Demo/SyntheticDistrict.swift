import Foundation

/// A district-sized database for the benchmark: `cases` cases over three years ending today, about a third
/// as many residents, four events per case, 2,000 deputies and 200 departments. Written with bulk inserts
/// (one transaction per batch, synchronous off while loading), not through the workflows: that would take hours.
public struct SyntheticDistrict {
    public let cases: Int
    public let today: Day
    public var residents: Int { max(1, cases / 3) }
    public var visits: Int { max(1, cases / 4) }
    public var events: Int { cases * 4 }
    public static let deputies = 2000
    public static let departments = 200
    static let categoryNames = ["供暖", "物业管理", "停车", "老旧小区改造", "加装电梯", "充电桩", "噪声扰民", "道路维修",
                                "养老服务", "就业", "医保", "营商环境"]
    static let spanDays = 3 * 365

    public init(cases: Int, today: Day) {
        self.cases = cases
        self.today = today
    }

    /// The marker that says a file already holds this district, so the benchmark can reuse it.
    public static func existingCaseCount(in database: Database) -> Int? {
        (try? database.scalarString("SELECT value FROM settings WHERE key = 'synthetic_cases'")).flatMap { $0.flatMap(Int.init) }
    }

    /// Every deputy's year of duty (a dozen approved entries of every kind, some applications), a reception
    /// day's roster for each month of the year, and residents to keep in touch with: what the deputies'
    /// screen reads. A file built before the duty log existed gets it when the benchmark next opens it.
    public func addDuty(to database: Database) throws {
        try addDutyLog(to: database)
        try addContacts(to: database)
        try addMeetings(to: database)
    }

    public static let meetings = 5000

    /// Meetings over the two years either side of today, about a hundred a month: three deputies, a
    /// department and a resident invited, two items each on an open case; those past held with everyone
    /// present, one in twenty cancelled.
    private func addMeetings(to database: Database) throws {
        guard try database.scalarString("SELECT value FROM settings WHERE key = 'synthetic_meetings'") == nil else { return }
        var random = SeededRandom(seed: 2_000_039)
        let kinds: [MeetingKind] = [.tripartite, .bench, .faceToFace, .forum, .themeDay]
        let open = try database.fetchAll("SELECT id FROM cases WHERE status <> 'closed' LIMIT 20000") { $0.int64(0) }
        try database.write {
            for index in 0..<SyntheticDistrict.meetings {
                let day = today.adding(days: Int.random(in: -730...730, using: &random))
                let start = LocalTime(day: day, hour: 8 + index % 10, minute: index % 2 * 30)
                let status = index % 20 == 0 ? "cancelled" : day < today ? "held" : "planned"
                let attended = status == "held" ? 1 : nil
                try database.execute("""
                    INSERT INTO meetings(station_id, kind, title, starts_at, ends_at, place, status, minutes) VALUES (1, ?, ?, ?, ?, '合成议事厅', ?, ?)
                    """, [kinds[index % kinds.count], "合成会议\(index)", start, start.adding(seconds: 5400), status,
                          status == "held" ? "合成纪要" : ""])
                let meeting = database.lastInsertedRowID
                for seat in 0..<3 {
                    try database.execute("INSERT INTO meeting_participants(meeting_id, deputy_id, attended) VALUES (?, ?, ?)",
                                         [meeting, (index * 7 + seat * 13) % SyntheticDistrict.deputies + 1, attended])
                }
                try database.execute("INSERT INTO meeting_participants(meeting_id, department_id, name, attended) VALUES (?, ?, '合成科长', ?)",
                                     [meeting, index % SyntheticDistrict.departments + 1, attended])
                try database.execute("INSERT INTO meeting_participants(meeting_id, name, role, attended) VALUES (?, ?, '居民代表', ?)",
                                     [meeting, "居民\(index)", attended])
                for position in 1...2 {
                    try database.execute("INSERT INTO agenda_items(meeting_id, position, title, resolution) VALUES (?, ?, ?, ?)",
                                         [meeting, position, "合成议题\(index)-\(position)", status == "held" ? "合成结果" : ""])
                    try database.execute("INSERT INTO agenda_item_cases(item_id, case_id) VALUES (?, ?)",
                                         [database.lastInsertedRowID, open.isEmpty ? 1 : open[Int.random(in: 0..<open.count, using: &random)]])
                }
            }
            try database.execute("INSERT INTO settings(key, value) VALUES ('synthetic_meetings', '1')")
        }
    }

    private func addDutyLog(to database: Database) throws {
        guard try database.scalarString("SELECT value FROM settings WHERE key = 'synthetic_duty'") == nil else { return }
        var random = SeededRandom(seed: 2_000_003)
        let kinds = DutyKind.entered
        try database.write {
            for deputy in 1...SyntheticDistrict.deputies {
                for entry in 0..<12 {
                    let day = today.adding(days: -Int.random(in: 0...300, using: &random))
                    let kind = kinds[(deputy + entry) % kinds.count]
                    try database.execute("""
                        INSERT INTO duty_log(deputy_id, day, kind, households, note, status) VALUES (?, ?, ?, ?, '合成履职', ?)
                        """, [deputy, day, kind, kind == .householdVisit ? Int.random(in: 1...6, using: &random) : nil,
                              entry == 0 ? DutyEntryStatus.applied : .approved])
                }
                try database.execute("INSERT INTO duty_log(deputy_id, day, kind, note) VALUES (?, ?, 'reception', '合成接待')",
                                     [deputy, today.adding(days: -(deputy % 300))])
                for resident in 0..<3 {
                    try database.execute("INSERT INTO contact_assignments(deputy_id, resident_id, assigned_on) VALUES (?, ?, ?)",
                                         [deputy, deputy * 3 + resident, today.adding(days: -60)])
                }
            }
            for month in 1...12 {
                let day = Day(year: today.year, month: month, day: 15)!
                for seat in 0..<4 {
                    try database.execute("INSERT INTO duty_roster(station_id, day, deputy_id) VALUES (1, ?, ?)", [day, month * 40 + seat])
                }
            }
            try database.execute("INSERT INTO settings(key, value) VALUES ('synthetic_duty', '1')")
        }
    }

    /// A contact with each resident kept in touch with in most months of the year so far (one in ten
    /// missed), so this month's check finds some behind. Marked apart: a file built before contacts were
    /// logged gets them when the benchmark next opens it.
    private func addContacts(to database: Database) throws {
        guard try database.scalarString("SELECT value FROM settings WHERE key = 'synthetic_contacts'") == nil else { return }
        var random = SeededRandom(seed: 2_000_029)
        try database.write {
            let kept = try database.fetchAll("SELECT deputy_id, resident_id FROM contact_assignments") { ($0.int64(0), $0.int64(1)) }
            for (deputy, resident) in kept {
                for month in 1...today.month where Int.random(in: 0..<10, using: &random) > 0 {
                    let day = Day(year: today.year, month: month, day: Int.random(in: 1...28, using: &random))!
                    guard day <= today else { continue }
                    try database.execute("""
                        INSERT INTO resident_contacts(deputy_id, resident_id, day, method, raised) VALUES (?, ?, ?, 'phone', '')
                        """, [deputy, resident, day])
                }
            }
            try database.execute("INSERT INTO settings(key, value) VALUES ('synthetic_contacts', '1')")
        }
    }

    public func build(into database: Database, progress: (Double) -> Void) throws {
        var random = SeededRandom(seed: 1_000_003)
        try database.execute("PRAGMA synchronous = OFF")
        try database.execute("PRAGMA cache_size = -262144")
        defer { try? database.execute("PRAGMA synchronous = FULL") }
        let now = LocalTime(day: today, hour: 8, minute: 0)
        let totalRows = Double(residents + visits + cases * 6)
        var written = 0.0

        try database.write {
            try database.execute("""
                INSERT INTO stations(name, kind, reception_day_of_month, created_at) VALUES ('合成区人大代表联络总站', 'central', 15, ?)
                """, [now])
            try database.execute("INSERT INTO settings(key, value) VALUES ('station_id', ?)", [database.lastInsertedRowID])
            for index in 1...SyntheticDistrict.deputies {
                try database.execute("""
                    INSERT INTO deputies(station_id, name, name_pinyin, name_initials, level, sector, constituency, created_at)
                    VALUES (1, ?, ?, ?, ?, '社区', ?, ?)
                    """, ["代表\(index)", "daibiao \(index)", "db\(index)", DeputyLevel.allCases[index % 5], "第\(index % 90 + 1)选区", now])
            }
            for index in 1...SyntheticDistrict.departments {
                try database.execute("INSERT INTO departments(name, kind) VALUES (?, 'bureau')", ["承办单位\(index)"])
            }
            for (index, name) in SyntheticDistrict.categoryNames.enumerated() {
                try database.execute("INSERT INTO categories(name, default_department_id, position) VALUES (?, ?, ?)",
                                     [name, index + 1, index + 1])
            }
        }

        /// Rows in transactions of 50,000; `weight` is how many rows one item writes, for the progress bar.
        func batched(_ count: Int, weight: Int = 1, _ body: (Int) throws -> Void) throws {
            var start = 0
            while start < count {
                let end = min(count, start + 50_000)
                try database.write { for index in start..<end { try body(index) } }
                written += Double((end - start) * weight)
                progress(written / totalRows)
                start = end
            }
        }

        try batched(residents) { index in
            try database.execute("""
                INSERT INTO residents(name, name_initials, phone, community, created_at) VALUES (?, 'jm', ?, '合成社区', ?)
                """, ["居民\(index)", "13" + String(format: "%09d", index), now])
        }
        let visitsPerDay = max(1, visits / SyntheticDistrict.spanDays)
        try batched(visits) { index in
            let day = today.adding(days: -(index / visitsPerDay) - 1)
            try database.execute("""
                INSERT INTO visits(station_id, day, queue_number, resident_id, channel, category_id, problem, status, outcome, arrived_at)
                VALUES (1, ?, ?, ?, 'walkIn', ?, '合成来访', 'done', 'caseOpened', ?)
                """, [day, index % visitsPerDay + 1, index % residents + 1, index % 12 + 1, LocalTime(day: day)])
        }
        var serials: [Int: Int] = [:]
        try batched(cases, weight: 6) { index in
            // Newest first: index 0 opened today, the last one three years ago.
            let opened = today.adding(days: -(index * SyntheticDistrict.spanDays / cases))
            let age = opened.days(until: today)
            let serial = serials[opened.year, default: 0] + 1
            serials[opened.year] = serial
            let roll = Int.random(in: 0..<100, using: &random)
            let status: CaseStatus
            if age > 60 {
                status = roll < 97 ? .closed : (roll < 99 ? .dispatched : .unsatisfied)
            } else if age > 15 {
                status = roll < 55 ? .closed : (roll < 75 ? .dispatched : (roll < 85 ? .replied : (roll < 92 ? .feedback : .readyToClose)))
            } else {
                status = roll < 10 ? .registered : (roll < 20 ? .triaged : (roll < 80 ? .dispatched : .replied))
            }
            let due = opened.adding(days: 14)
            let department = Int.random(in: 1...SyntheticDistrict.departments, using: &random)
            try database.execute("""
                INSERT INTO cases(station_id, year, serial, code, title, category_id, tier, status, department_id, due_date,
                                  resident_id, responsible_deputy_id, opened_on, closed_on, supervisions)
                VALUES (1, ?, ?, ?, ?, ?, 'immediate', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [opened.year, serial, CaseCode.format(year: opened.year, serial: serial), "合成诉求\(index)",
                      index % 12 + 1, status, status == .registered ? nil : department, status == .registered ? nil : due,
                      index % residents + 1, index % SyntheticDistrict.deputies + 1, opened,
                      status == .closed ? opened.adding(days: 12) : nil, status == .closed ? 0 : 1])
            let caseID = database.lastInsertedRowID
            let kinds: [CaseEventKind] = [.registered, .dispatched, .replied, status == .closed ? .closed : .supervised]
            for (step, kind) in kinds.enumerated() {
                try database.execute("INSERT INTO case_events(case_id, kind, at, actor, text) VALUES (?, ?, ?, '合成', ?)",
                                     [caseID, kind, LocalTime(day: opened.adding(days: step * 3), hour: 9 + step, minute: 0),
                                      "\(kind.label)：合成事件文本，用于基准测试"])
            }
            if status != .registered {
                try database.execute("""
                    INSERT INTO dispatches(case_id, department_id, round, dispatched_on, due_date) VALUES (?, ?, 1, ?, ?)
                    """, [caseID, department, opened, due])
            }
        }
        try database.write {
            // The search index and the due dates' history, as the store keeps them for each case it opens.
            try database.execute("INSERT INTO case_search(rowid, text) SELECT id, title || ' ' || description || ' ' FROM cases")
            try database.execute("""
                INSERT INTO due_dates(case_id, round, due_date, set_on, why)
                SELECT case_id, round, due_date, dispatched_on, 'dispatched' FROM dispatches
                """)
            try database.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('synthetic_cases', ?)", [String(cases)])
        }
        try addDuty(to: database)
        try database.execute("ANALYZE")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
