import LiaisonCore

/// The top line: station, date and weekday, what kind of day it is.
struct TitleLine {
    let stationName: String
    let overview: StationOverview
    var operatorName: String? = nil
    /// What the integrity check found: it takes the whole line until the program restarts.
    var problem: String? = nil

    /// The kind of day; any day but a reception day says so, since residents walk in on any day. `brief`
    /// leaves that out, for a narrow terminal.
    func dayDescription(brief: Bool = false) -> String {
        if overview.isReceptionDay { return "接待选民日" }
        let kind = overview.holidayName.map { overview.isWorkingDay ? "\($0)上班" : "\($0)放假" } ?? (overview.isWorkingDay ? "工作日" : "休息日")
        return brief ? kind : kind + " 非接待日"
    }

    func render(on screen: Screen, row: Int) {
        if let problem {
            screen.drawRow(row, " 数据库检查发现问题（\(problem)），请尽快备份并运行 liaison-desk check --full", role: .warning)
            return
        }
        let today = overview.today
        let left = " " + stationName
        // The station's name stays whole where it can: the rest says itself more briefly first (the date
        // without its year, the day without 非接待日, the reminder shorter).
        let wordings = [(today.iso, false, "接待公告待写"), (String(today.iso.dropFirst(5)), false, "接待公告待写"),
                        (String(today.iso.dropFirst(5)), true, "接待公告待写"), (String(today.iso.dropFirst(5)), true, "公告待写")]
        let rights = wordings.map { date, brief, reminder in
            var right = "\(date) \(today.chineseWeekday) \(dayDescription(brief: brief))  \(operatorName ?? "未登录")"
            // 公布: the roster is posted five working days ahead; until its notice is written the line reminds.
            if let due = overview.noticeDue { right = "\(due.iso.dropFirst(5))\(reminder)  " + right }
            if !overview.calendarKnowsYear { right += "（\(today.year)年节假日未载入，按周末计算）" }
            return right
        }
        let right = rights.first { left.displayWidth + $0.displayWidth + 1 <= screen.columns } ?? rights[rights.count - 1]
        let room = screen.columns - right.displayWidth - 1
        screen.drawRow(row, left.fitted(to: max(0, room), ellipsis: true) + right + " ", role: .title)
    }
}
