import Foundation

/// 六簿: the registers a station keeps for inspection, each with the columns its paper register has.
public enum Ledger: String, CaseIterable, Sendable {
    case reception, cases, duty, meetings, training, deputies

    public var label: String {
        switch self {
        case .reception: "接待选民登记簿"
        case .cases: "建议办理登记簿"
        case .duty: "履职登记簿"
        case .meetings: "主题活动登记簿"
        case .training: "学习培训登记簿"
        case .deputies: "代表信息登记簿"
        }
    }

    public var header: [String] {
        switch self {
        case .reception: ["日期", "号码", "来访群众", "社区", "渠道", "反映问题", "接待代表", "处理结果", "诉求编号"]
        // 交办, 期限, 答复 and 反馈 are the current round's.
        case .cases: ["编号", "受理日期", "群众", "类别", "分级", "承办单位", "交办日期", "期限", "答复日期", "反馈日期", "测评", "销号日期", "轮次",
                      "督办次数"]
        case .duty: ["代表", "日期", "履职类型", "户数", "说明", "状态"]
        case .meetings: ["日期", "时间", "类型", "名称", "地点", "组织", "状态", "邀请", "出席", "议题", "会议纪要"]
        case .training: ["代表", "日期", "说明", "状态"]
        case .deputies: ["姓名", "级别", "界别", "选区", "代表小组", "联系电话", "在用"]
        }
    }

    /// The columns the register's statement reads (the training register reads the duty log's).
    var columnCount: Int { self == .training ? Ledger.duty.header.count : header.count }

    /// The rows of the period, in date order (the deputies as they are now).
    static func sql(_ ledger: Ledger) -> String {
        switch ledger {
        case .reception:
            """
            SELECT v.day, v.queue_number, r.name, coalesce(r.community, ''), v.channel, v.problem, coalesce(d.name, ''),
                   coalesce(v.outcome, ''), coalesce(c.code, '')
            FROM visits v JOIN residents r ON r.id = v.resident_id LEFT JOIN deputies d ON d.id = v.receiving_deputy_id
            LEFT JOIN cases c ON c.id = v.case_id
            WHERE v.station_id = ? AND v.day >= ? AND v.day <= ? ORDER BY v.day, v.queue_number
            """
        case .cases:
            """
            SELECT c.code, c.opened_on, coalesce(r.name, ''), coalesce(g.name, ''), coalesce(c.tier, ''), coalesce(dep.name, ''),
                   coalesce((SELECT min(p.dispatched_on) FROM dispatches p WHERE p.case_id = c.id AND p.round = c.round), ''),
                   coalesce(c.due_date, ''),
                   coalesce((SELECT max(p.replied_on) FROM dispatches p WHERE p.case_id = c.id AND p.round = c.round), ''),
                   coalesce((SELECT max(p.feedback_on) FROM dispatches p WHERE p.case_id = c.id AND p.round = c.round), ''),
                   coalesce((SELECT t.result FROM ratings t WHERE t.case_id = c.id ORDER BY t.round DESC, t.id DESC LIMIT 1), ''),
                   coalesce(c.closed_on, ''), c.round,
                   (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'supervised')
            FROM cases c LEFT JOIN residents r ON r.id = c.resident_id LEFT JOIN categories g ON g.id = c.category_id
            LEFT JOIN departments dep ON dep.id = c.department_id
            WHERE c.station_id = ? AND c.opened_on >= ? AND c.opened_on <= ? ORDER BY c.opened_on, c.id
            """
        case .duty, .training:
            """
            SELECT d.name, l.day, l.kind, coalesce(l.households, ''), l.note, l.status
            FROM duty_log l JOIN deputies d ON d.id = l.deputy_id
            WHERE d.station_id = ? AND l.day >= ? AND l.day <= ?\(ledger == .training ? " AND l.kind = 'training'" : "") ORDER BY l.day, d.name
            """
        case .meetings:
            """
            SELECT substr(m.starts_at, 1, 10), substr(m.starts_at, 12, 5), m.kind, m.title, m.place, m.organiser, m.status,
                   (SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id),
                   (SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id AND p.attended = 1),
                   (SELECT group_concat(a.title, '；') FROM agenda_items a WHERE a.meeting_id = m.id), m.minutes
            FROM meetings m WHERE m.station_id = ? AND m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at
            """
        case .deputies:
            """
            SELECT name, level, sector, constituency, station_group, phone, active FROM deputies WHERE station_id = ? ORDER BY name_pinyin
            """
        }
    }
}

extension LiaisonStore {
    /// How many rows `ledger` has over `period`, for the progress bar.
    public func ledgerCount(_ ledger: Ledger, period: StatisticsPeriod) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM (\(Ledger.sql(ledger)))", ledgerArguments(ledger, period)) ?? 0
    }

    private func ledgerArguments(_ ledger: Ledger, _ period: StatisticsPeriod) -> [SQLBindable?] {
        switch ledger {
        case .deputies: [station.id]
        // Meetings start at a moment: the period runs to the start of the day after.
        case .meetings: [station.id, period.first, period.last.adding(days: 1)]
        default: [station.id, period.first, period.last]
        }
    }

    /// Writes the register as CSV (UTF-8 with a byte-order mark, so WPS and Excel open it) through `write`,
    /// a row at a time, telling `progress` how many rows are done; audited with whether names were whole.
    @discardableResult
    public func exportLedger(_ ledger: Ledger, period: StatisticsPeriod, fullNames: Bool = false, fileName: String, session: Session,
                             progress: (Int) -> Void = { _ in }, write: ([UInt8]) throws -> Void) throws -> Int {
        if fullNames { try session.require(.keepRecords) }
        var count = 0
        try database.read {
            try write(SheetText.byteOrderMark + Array(CSV.write([ledger.header]).utf8))
            // Rows go out a thousand at a time: one piece of text each, not one per row.
            var chunk = ""
            _ = try database.fetchAll(Ledger.sql(ledger), ledgerArguments(ledger, period)) { row in
                let cells = (0..<Int32(ledger.columnCount)).map { row.string($0) }
                CSV.append(ledgerRow(ledger, cells, fullNames: fullNames).map { ExcelText.protect(ExcelText.defused($0)) }, to: &chunk)
                count += 1
                if count % 1000 == 0 {
                    try write(Array(chunk.utf8))
                    chunk = ""
                    if count % 10_000 == 0 { progress(count) }
                }
            }
            try write(Array(chunk.utf8))
        }
        progress(count)
        try database.write {
            try audit("ledger.export", subject: fileName, detail: "\(ledger.label) \(period.label) \(count) 行" + (fullNames ? "，全名" : ""),
                      session: session)
        }
        return count
    }

    /// Stored codes in the station's words, and residents' names masked.
    private func ledgerRow(_ ledger: Ledger, _ cells: [String], fullNames: Bool) -> [String] {
        var cells = cells
        let mask = { (name: String) in fullNames || name.isEmpty ? name : AnonymousName.of(name) }
        switch ledger {
        case .reception:
            cells[2] = mask(cells[2])
            cells[4] = Channel(rawValue: cells[4])?.label ?? cells[4]
            cells[7] = VisitOutcome(rawValue: cells[7])?.label ?? cells[7]
        case .cases:
            cells[2] = mask(cells[2])
            cells[4] = Tier(rawValue: cells[4])?.label ?? cells[4]
            cells[10] = Satisfaction(rawValue: cells[10])?.label ?? cells[10]
        case .duty, .training:
            cells[2] = DutyKind(rawValue: cells[2])?.label ?? cells[2]
            cells[5] = DutyEntryStatus(rawValue: cells[5])?.label ?? cells[5]
            if ledger == .training { cells = [cells[0], cells[1], cells[4], cells[5]] }
        case .meetings:
            cells[2] = MeetingKind(rawValue: cells[2])?.label ?? cells[2]
            cells[6] = MeetingStatus(rawValue: cells[6])?.label ?? cells[6]
        case .deputies:
            cells[1] = DeputyLevel(rawValue: cells[1])?.label ?? cells[1]
            cells[6] = cells[6] == "1" ? "是" : "否"
        }
        return cells
    }
}
