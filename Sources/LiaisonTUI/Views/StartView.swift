import LiaisonCore

/// The first screen: the station at a glance. The terminal issue replaces it with the four screens.
struct StartView {
    let stationName: String
    let overview: StationOverview

    func render(on screen: Screen) {
        screen.clear()
        TitleLine(stationName: stationName, overview: overview).render(on: screen, row: 0)
        var lines: [(String, TextRole)] = [
            ("今日来访 \(overview.visitsToday) 人，等候 \(overview.waiting) 人", .normal),
            ("未办结诉求 \(overview.openCases) 件，其中逾期 \(overview.overdue) 件", overview.overdue > 0 ? .overdue : .normal),
        ]
        if let next = overview.nextReceptionDay {
            lines.append(("下一个接待选民日：\(next.iso) \(next.chineseWeekday)", .normal))
        }
        for (offset, line) in lines.enumerated() where offset + 2 < screen.rows - 1 {
            screen.drawRow(offset + 2, "  " + line.0, role: line.1)
        }
        screen.drawRow(screen.rows - 1, " q 退出", role: .hint)
    }
}
