import LiaisonCore

/// 议程: reception days and meetings from today on, with the selected one's people and items.
final class AgendaPage: DeskPage {
    static let horizonDays = 90
    let id = DeskScreenID.agenda
    private var entries: [ScheduleEntry] = []
    private var filter = RowFilter()
    private var today = Day(ordinal: 0)

    let columns = [
        TableColumn("日期", width: 10), TableColumn("时间", width: 5), TableColumn("类型", width: 12),
        TableColumn("名称", width: 10, flexible: true), TableColumn("状态", width: 6),
    ]
    let detailTitle = "议程详情"
    var emptyText: String { "九十天内没有安排" }

    var rows: [TableRow] {
        filter.shown.map { index in
            let entry = entries[index]
            let date = "\(entry.day.iso.dropFirst(5)) \(entry.day.chineseWeekday.replacingOccurrences(of: "星期", with: "周"))"
            return TableRow([date, entry.time, entry.kindLabel, entry.title, entry.status],
                            role: entry.day == today ? .dueSoon : .normal)
        }
    }

    func reload(from store: LiaisonStore) throws {
        today = store.today
        entries = try store.schedule(from: today, days: AgendaPage.horizonDays)
        filter.setKeys(entries.map { RowFilter.searchKey([$0.title, $0.kindLabel, $0.place, $0.day.iso], initials: []) })
    }

    func applyFilter(_ query: String) { filter.apply(query) }

    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine] {
        guard filter.shown.indices.contains(row) else { return [] }
        let entry = entries[filter.shown[row]]
        var lines: [DetailLine] = entry.title.wrapped(to: width).map { DetailLine($0, role: .header) }
        lines.append(DetailLine("\(entry.day.iso) \(entry.day.chineseWeekday) \(entry.time)"))
        lines += ("地点 " + entry.place).wrapped(to: width).map { DetailLine($0) }
        lines.append(DetailLine(""))
        guard let meetingID = entry.meetingID else {
            lines.append(.heading("值班"))
            let roster = try store.dutyRoster(on: entry.day)
            if roster.isEmpty { lines.append(DetailLine("尚未排班", role: .warning)) }
            for seat in roster {
                lines.append(DetailLine("\(seat.name)  \(seat.legalOfficerRole.map { "\($0.label) \(seat.organization)" } ?? seat.role.label)"))
            }
            return lines
        }
        let detail = try store.meetingDetail(id: meetingID)
        lines.append(.heading("议题"))
        lines += detail.agendaItems.flatMap { ("- " + $0).wrapped(to: width) }.map { DetailLine($0) }
        lines.append(DetailLine(""))
        lines.append(.heading("参加"))
        lines += detail.participants.joined(separator: "、").wrapped(to: width).map { DetailLine($0) }
        if !detail.resolution.isEmpty {
            lines.append(DetailLine(""))
            lines.append(.heading("协商结果"))
            lines += detail.resolution.wrapped(to: width).map { DetailLine($0) }
        }
        return lines
    }
}
