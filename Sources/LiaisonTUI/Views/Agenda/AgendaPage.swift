import LiaisonCore

/// 议程: meetings and reception days, a year back and four months ahead, as a list with the selected
/// meeting's detail (from last month on at once, the months before when no key waits), or (v) as a
/// month calendar. A meeting is planned, prepared (items, invitations, the
/// notice), closed as held with its minutes and results, and its result published, all from here.
final class AgendaPage: Page {
    static let daysBack = 365
    static let daysAhead = 120
    let id = DeskScreenID.agenda
    private let store: LiaisonStore
    private var entries: [String: AgendaEntry] = [:]
    /// The list's span; a day shown from the calendar widens it.
    private var span: (first: Day, last: Day)?
    /// From the first of last month to four months ahead: what the list shows at once.
    private var firstSpan: (first: Day, last: Day) {
        let today = store.today
        let lastMonth = Day.month(today.month, of: today.year, adding: -1)
        return (Day.firstOfMonth(year: lastMonth.year, month: lastMonth.month), today.adding(days: AgendaPage.daysAhead))
    }
    /// The first day the list goes back to once idle.
    private var yearBack: Day { store.today.adding(days: -AgendaPage.daysBack) }
    private var loadedOnce = false
    private(set) var calendar: MonthCalendar?
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("日期", width: 10), TableColumn("时间", width: 5), TableColumn("类型", width: 4),
        TableColumn("名称", width: 10, flexible: true, elastic: true), TableColumn("阶段", width: 8),
    ], detailTitle: "议程详情", emptyText: "没有会议和接待日（a 新建会议）") { [unowned self] id in
        try id.flatMap { self.entries[$0] }.map(self.detail(of:)) ?? []
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    var list: ListDetail? { calendar == nil ? rows : nil }

    private static func rowID(_ entry: AgendaEntry) -> String {
        entry.meetingID.map { "meeting-\($0)" } ?? "reception-\(entry.day.iso)"
    }

    private var selectedEntry: AgendaEntry? {
        guard calendar == nil, let id = rows.selectedID else { return nil }
        return entries[id]
    }
    private var selectedMeetingID: Int64? { selectedEntry?.meetingID }

    func reload() throws {
        if let calendar {
            try calendar.load(store: store, force: true)
            return
        }
        let today = store.today
        let span = self.span ?? firstSpan
        self.span = span
        let agenda = try store.agenda(from: span.first, through: span.last)
        entries = Dictionary(agenda.map { (AgendaPage.rowID($0), $0) }) { first, _ in first }
        var list: [ListEntry] = []
        var month = 0
        for entry in agenda {
            if entry.day.month != month {
                month = entry.day.month
                list.append(.heading("\(entry.day.year) 年 \(month) 月"))
            }
            let date = "\(entry.day.iso.dropFirst(5)) \(entry.day.chineseWeekday.replacingOccurrences(of: "星期", with: "周"))"
            let role: TextRole = entry.unclosed ? .overdue : entry.cancelled || entry.day < today ? .muted : entry.day == today ? .dueSoon : .normal
            list.append(.row(AgendaPage.rowID(entry), [date, entry.time, entry.kind.shortLabel, entry.title, entry.state], role: role,
                             search: [entry.title, entry.kind.label, entry.place, entry.day.iso, entry.state]))
        }
        rows.setEntries(list)
        // The list opens on today, or the first plan after it, rather than a year back.
        if !loadedOnce, let next = agenda.first(where: { $0.day >= today }) {
            _ = rows.select(id: AgendaPage.rowID(next))
            rows.scrollSelection(toRow: 3)
        }
        loadedOnce = true
    }

    var hasMoreToLoad: Bool { calendar == nil && (span?.first).map { $0 > yearBack } ?? false }

    func loadMore() throws {
        guard let span else { return }
        self.span = (min(span.first, yearBack), span.last)
        try rows.keepingPlace { try reload() }
    }

    func offers(_ action: Action) -> Bool {
        switch action {
        case .previousDay, .nextDay: calendar != nil
        case .previousMonth, .nextMonth, .toggleMonthView, .newMeeting, .scheduleThemeDays: true
        case .inviteParticipant, .addAgendaItem, .editMeeting, .cancelMeeting, .removeFromMeeting:
            selectedEntry?.status == .planned
        case .closeMeeting: selectedEntry.map { $0.status == .planned && $0.day <= store.today } ?? false
        case .publishNotice: selectedEntry.map { $0.status == .planned || $0.status == .held } ?? false
        case .openCaseOnBoard: selectedMeetingID != nil
        default: true
        }
    }

    func listsInHelp(_ action: Action) -> Bool { true }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        if let calendar, let reaction = try handleInCalendar(calendar, action, desk: desk) { return reaction }
        switch action {
        case .toggleMonthView:
            let day = rows.selectedID.flatMap { entries[$0]?.day } ?? store.today
            calendar = MonthCalendar(focus: day)
            try reload()
            return .say("月历：← → 换天，↑ ↓ 换周，< > 换月，Enter 到列表，v 回列表", .muted)
        case .previousMonth, .nextMonth:
            // In the list, the first plan of the month before or after the selected one.
            let day = rows.selectedID.flatMap { entries[$0]?.day } ?? store.today
            let (year, month) = Day.month(day.month, of: day.year, adding: action == .nextMonth ? 1 : -1)
            return try showInList(Day.firstOfMonth(year: year, month: month), exact: false)
        case .newMeeting:
            return .push(try FormLayer(spec: MeetingForm(store: store, session: desk.session, meeting: nil, day: nil), share: rows.share))
        case .scheduleThemeDays:
            let added = try store.scheduleThemeDays(session: desk.session)
            guard let first = added.first else { return .say("三个月内的主题活动日都已排上", .muted) }
            var reaction = Reaction.saved("已排主题活动日：" + added.map(\.iso).joined(separator: "、"))
            reaction.select = try store.agenda(from: first, through: first).first { $0.kind == .themeDay }.map(AgendaPage.rowID)
            return reaction
        case .previousDay, .nextDay:
            return .say("← → 在月历里换天：按 v 打开月历", .muted)
        case .editMeeting, .cancelMeeting, .inviteParticipant, .addAgendaItem, .removeFromMeeting, .closeMeeting, .publishNotice,
             .openCaseOnBoard:
            guard let meetingID = selectedMeetingID else { return .say("先选中一个会议", .warning) }
            return try MeetingActions(store: store, session: desk.session, meeting: try store.meeting(id: meetingID), share: rows.share)
                .handle(action)
        default:
            return rows.handle(action)
        }
    }

    /// The calendar's keys: days, weeks and months move the focus; Enter shows the day in the list.
    private func handleInCalendar(_ calendar: MonthCalendar, _ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .previousDay, .nextDay, .moveUp, .moveDown:
            let step = [Action.previousDay: -1, .nextDay: 1, .moveUp: -7, .moveDown: 7][action] ?? 0
            _ = calendar.move(days: step)
        case .previousMonth, .nextMonth:
            calendar.moveMonth(by: action == .nextMonth ? 1 : -1)
        case .first, .last:
            calendar.show(store.today)
        case .toggleMonthView, .back:
            self.calendar = nil
            return try showInList(calendar.focus, exact: false)
        case .open:
            self.calendar = nil
            return try showInList(calendar.focus, exact: true)
        case .newMeeting:
            return .push(try FormLayer(spec: MeetingForm(store: store, session: desk.session, meeting: nil, day: max(calendar.focus, store.today)),
                                       share: calendar.share))
        case .filter:
            return .say("月历里不筛选：按 v 回列表再按 /", .muted)
        default:
            return nil
        }
        try calendar.load(store: store)
        return .handled
    }

    /// Shows `day` in the list (widening its span to take in the day's month), selecting its first plan,
    /// or the next one after it unless `exact`.
    private func showInList(_ day: Day, exact: Bool) throws -> Reaction {
        let first = Day.firstOfMonth(year: day.year, month: day.month)
        let span = self.span ?? firstSpan
        self.span = (min(span.first, first), max(span.last, first.adding(days: Day.daysIn(year: day.year, month: day.month) - 1)))
        try reload()
        let candidates = entries.values.filter { exact ? $0.day == day : $0.day >= day }.sorted { ($0.day, $0.time) < ($1.day, $1.time) }
        guard let target = candidates.first else { return .say("\(day.iso) \(exact ? "这一天" : "之后")没有安排", .muted) }
        _ = rows.select(id: AgendaPage.rowID(target))
        rows.scrollSelection(toRow: 3)
        return .handled
    }

    func prepare(_ body: BodyArea) throws {
        if let calendar { calendar.prepare(body) } else { try rows.prepare(body) }
    }

    func render(on screen: Screen, body: BodyArea) {
        if let calendar { calendar.render(on: screen, body: body) } else { rows.render(on: screen, body: body) }
    }

    var status: DeskMessage? { calendar == nil ? rows.status : nil }

    private func detail(of entry: AgendaEntry) throws -> [DetailLine] {
        if let meetingID = entry.meetingID { return MeetingDetailLines.lines(try store.meetingDetail(id: meetingID), now: store.clock.now()) }
        var lines = [DetailLine("接待选民日", role: .header), DetailLine("\(entry.day.iso) \(entry.day.chineseWeekday) \(ReceptionHours.text)"),
                     DetailLine("地点 " + entry.place), DetailLine(""), .heading("值班")]
        let seats = try store.dutyRoster(on: entry.day)
        if seats.isEmpty { lines.append(DetailLine("尚未排班（代表 → 值班表 排班）", role: .warning)) }
        lines += seats.map { DetailLine($0.noticeText) }
        return lines
    }
}
