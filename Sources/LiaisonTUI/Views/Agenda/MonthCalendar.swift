import LiaisonCore

extension MeetingKind {
    /// Two characters for a calendar cell; the day's pane beside it gives the whole name.
    var shortLabel: String {
        switch self {
        case .reception: "接待"
        case .tripartite: "共议"
        case .bench: "板凳"
        case .faceToFace: "面对"
        case .forum: "恳谈"
        case .themeDay: "主题"
        }
    }
}

/// 月历: one month as calcurse draws it, a week to a row: reception days (接), holidays (休) and make-up
/// working days (班), today in brackets, each day's meetings by kind beneath its date. The selected day's
/// plans fill the pane beside it. Everything drawn is worked out when the month loads or the day moves.
final class MonthCalendar {
    struct Cell {
        let day: Day
        let top: String
        let bottom: String
        let dayRole: TextRole
        let bottomRole: TextRole
    }

    /// The narrowest a day's cell may be: its date, a mark and two characters of a meeting's kind.
    static let cellWidth = 7
    private(set) var focus: Day
    private(set) var entries: [Day: [AgendaEntry]] = [:]
    private var cells: [Cell] = []
    private var heading = ""
    private var dayLines: [DetailLine] = []
    private var wrapped: [DetailLine] = []
    private var loaded: (year: Int, month: Int)?
    let share = 62

    init(focus: Day) {
        self.focus = focus
    }

    var month: (year: Int, month: Int) { (focus.year, focus.month) }

    /// Loads the focused day's month (again when `force`), and works out the cells and the day's pane.
    func load(store: LiaisonStore, force: Bool = false) throws {
        let (year, month) = self.month
        if force || loaded.map({ $0 != (year, month) }) ?? true {
            let first = Day.firstOfMonth(year: year, month: month)
            let last = first.adding(days: Day.daysIn(year: year, month: month) - 1)
            entries = Dictionary(grouping: try store.agenda(from: first, through: last), by: \.day)
            loaded = (year, month)
            cells = MonthCalendar.cells(year: year, month: month, entries: entries, calendar: store.calendar, today: store.today)
            heading = "\(year) 年 \(month) 月" + (store.calendar.knows(year: year) ? "" : "（未导入 \(year) 年节假日，只按周末算）")
        }
        dayLines = MonthCalendar.dayLines(focus, entries: entries[focus] ?? [], calendar: store.calendar, today: store.today)
    }

    /// Moves the focus; true when it left the month (the caller reloads).
    func move(days: Int) -> Bool {
        let before = month
        focus = focus.adding(days: days)
        return month != before
    }

    func moveMonth(by offset: Int) {
        let (year, month) = Day.month(month.month, of: month.year, adding: offset)
        focus = Day(year: year, month: month, day: min(focus.dayOfMonth, Day.daysIn(year: year, month: month)))!
    }

    func show(_ day: Day) { focus = day }

    private static func cells(year: Int, month: Int, entries: [Day: [AgendaEntry]], calendar: WorkingCalendar, today: Day) -> [Cell] {
        let first = Day.firstOfMonth(year: year, month: month)
        return (0..<Day.daysIn(year: year, month: month)).map { offset in
            let day = first.adding(days: offset)
            let plans = entries[day] ?? []
            let reception = plans.contains { $0.kind == .reception }
            let meetings = plans.filter { $0.kind != .reception && !$0.cancelled }
            let mark = reception ? "接" : calendar.isHoliday(day) ? "休" : calendar.isMakeUpWorkday(day) ? "班" : "  "
            let number = day.dayOfMonth < 10 ? " \(day.dayOfMonth)" : "\(day.dayOfMonth)"
            let top = (day == today ? "[\(number)]" : " \(number) ") + mark
            let bottom = meetings.first.map { " " + $0.kind.shortLabel + (meetings.count > 1 ? "+\(meetings.count - 1)" : "") } ?? ""
            return Cell(day: day, top: top, bottom: bottom, dayRole: calendar.isWorkingDay(day) ? .normal : .muted,
                        bottomRole: meetings.contains(where: \.unclosed) ? .overdue : .normal)
        }
    }

    private static func dayLines(_ day: Day, entries: [AgendaEntry], calendar: WorkingCalendar, today: Day) -> [DetailLine] {
        let kind = calendar.name(of: day).map { $0 + (calendar.isHoliday(day) ? " 放假" : " 调休上班") }
            ?? (calendar.isHoliday(day) ? "放假" : calendar.isMakeUpWorkday(day) ? "调休上班" : day.isWeekend ? "周末" : "工作日")
        var lines = [DetailLine.heading("\(day.iso) \(day.chineseWeekday)"), DetailLine(kind + (day == today ? "（今天）" : ""), role: .muted),
                     DetailLine("")]
        if entries.isEmpty { lines.append(DetailLine("这一天没有安排", role: .muted)) }
        for entry in entries {
            let role: TextRole = entry.unclosed ? .overdue : entry.cancelled ? .muted : .normal
            lines.append(DetailLine("\(entry.time) \(entry.kind.shortLabel) \(entry.title)", role: role, indent: 0))
            lines.append(DetailLine("\(entry.kind.label) · \(entry.state)", role: .muted, indent: 6))
        }
        lines += [DetailLine(""), DetailLine("Enter 在列表中查看，a 在这天新建会议", role: .muted)]
        return lines
    }

    private func listWidth(_ body: BodyArea) -> Int { body.width * share / 100 }

    func prepare(_ body: BodyArea) {
        wrapped = dayLines.flatMap { $0.wrapped(to: body.width - listWidth(body) - 2) }
    }

    func render(on screen: Screen, body: BodyArea) {
        let width = listWidth(body)
        // Wider windows get wider cells.
        let cellWidth = max(MonthCalendar.cellWidth, (width - 1) / 7)
        screen.draw(row: body.top, column: 0, heading.fitted(to: width - 1), role: .header)
        let names = ["一", "二", "三", "四", "五", "六", "日"]
        for (index, name) in names.enumerated() {
            screen.draw(row: body.top + 1, column: index * cellWidth + 2, name, role: index >= 5 ? .muted : .header)
        }
        let lead = (cells.first?.day.weekday ?? 1) - 1
        for (index, cell) in cells.enumerated() {
            let slot = lead + index
            let row = body.top + 2 + (slot / 7) * 2
            guard row + 1 < body.top + body.height else { break }
            let column = (slot % 7) * cellWidth
            let selected = cell.day == focus
            screen.draw(row: row, column: column, cell.top.fitted(to: cellWidth), role: selected ? .selected : cell.dayRole)
            screen.draw(row: row + 1, column: column, cell.bottom.fitted(to: cellWidth),
                        role: selected ? .selected : cell.bottomRole)
        }
        let legendRow = body.top + 2 + ((lead + cells.count + 6) / 7) * 2
        if legendRow < body.top + body.height {
            screen.draw(row: legendRow, column: 0, "接 接待日  休 放假  班 调休上班  [ ] 今天".fitted(to: width - 1), role: .muted)
        }
        DeskFrame.renderDivider(on: screen, column: width, body: body)
        DeskFrame.renderDetail(on: screen, left: width + 2, width: body.width - width - 2, body: body, title: "当天安排",
                               lines: wrapped, scroll: 0, focused: false)
    }
}
