import LiaisonCore

/// 议程: reception days and meetings from today on, with the selected one's people and agenda items.
final class AgendaPage: Page {
    static let horizonDays = 90
    let id = DeskScreenID.agenda
    private let store: LiaisonStore
    private var entries: [String: ScheduleEntry] = [:]
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("日期", width: 10), TableColumn("时间", width: 5), TableColumn("类型", width: 12, elastic: true),
        TableColumn("名称", width: 10, flexible: true, elastic: true), TableColumn("状态", width: 6),
    ], detailTitle: "议程详情", emptyText: "九十天内没有安排") { [unowned self] id in
        try id.flatMap { self.entries[$0] }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { rows }

    /// A meeting by its id; a reception day, which has no row of its own, by its date.
    private static func rowID(_ entry: ScheduleEntry) -> String {
        entry.meetingID.map { "meeting-\($0)" } ?? "reception-\(entry.day.iso)"
    }

    func reload() throws {
        let today = store.today
        let schedule = try store.schedule(from: today, days: AgendaPage.horizonDays)
        entries = Dictionary(schedule.map { (AgendaPage.rowID($0), $0) }) { first, _ in first }
        rows.setEntries(schedule.map { entry in
            let date = "\(entry.day.iso.dropFirst(5)) \(entry.day.chineseWeekday.replacingOccurrences(of: "星期", with: "周"))"
            return .row(AgendaPage.rowID(entry), [date, entry.time, entry.kindLabel, entry.title, entry.status],
                        role: entry.day == today ? .dueSoon : .normal, search: [entry.title, entry.kindLabel, entry.place, entry.day.iso])
        })
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? { rows.handle(action) }
    func prepare(_ body: BodyArea) throws { try rows.prepare(body) }
    func render(on screen: Screen, body: BodyArea) { rows.render(on: screen, body: body) }

    private func detail(of entry: ScheduleEntry) throws -> [DetailLine] {
        var lines = [DetailLine(entry.title, role: .header), DetailLine("\(entry.day.iso) \(entry.day.chineseWeekday) \(entry.time)"),
                     DetailLine("地点 " + entry.place), DetailLine("")]
        guard let meetingID = entry.meetingID else {
            lines.append(.heading("值班"))
            let seats = try store.dutyRoster(on: entry.day)
            if seats.isEmpty { lines.append(DetailLine("尚未排班", role: .warning)) }
            lines += seats.map { DetailLine($0.line) }
            return lines
        }
        let detail = try store.meetingDetail(id: meetingID)
        lines.append(.heading("议题"))
        lines += detail.agendaItems.map { DetailLine("- " + $0) }
        lines += [DetailLine(""), .heading("参加"), DetailLine(detail.participants.joined(separator: "、"))]
        if !detail.resolution.isEmpty {
            lines += [DetailLine(""), .heading("协商结果"), DetailLine(detail.resolution)]
        }
        return lines
    }
}
