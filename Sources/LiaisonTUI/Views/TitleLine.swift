import LiaisonCore

/// The top line: station, date and weekday, what kind of day it is.
struct TitleLine {
    let stationName: String
    let overview: StationOverview
    var operatorName: String? = nil
    /// What the integrity check found: it takes the whole line until the program restarts.
    var problem: String? = nil

    /// The kind of day; any day but a reception day says so, since residents walk in on any day.
    var dayDescription: String {
        if overview.isReceptionDay { return "接待选民日" }
        if let name = overview.holidayName { return (overview.isWorkingDay ? "\(name)上班" : "\(name)放假") + " 非接待日" }
        return (overview.isWorkingDay ? "工作日" : "休息日") + " 非接待日"
    }

    func render(on screen: Screen, row: Int) {
        if let problem {
            screen.drawRow(row, " 数据库检查发现问题（\(problem)），请尽快备份并运行 liaison-desk check --full", role: .warning)
            return
        }
        let today = overview.today
        var right = "\(today.iso) \(today.chineseWeekday) \(dayDescription)  \(operatorName ?? "未登录")"
        // 公布: the roster is posted five working days ahead; until its notice is written the line reminds.
        if let due = overview.noticeDue { right = "\(due.iso.dropFirst(5))接待公告待写  " + right }
        if !overview.calendarKnowsYear { right += "（\(today.year)年节假日未载入，按周末计算）" }
        let left = " " + stationName
        let room = screen.columns - right.displayWidth - 1
        screen.drawRow(row, left.fitted(to: max(0, room), ellipsis: true) + right + " ", role: .title)
    }
}
