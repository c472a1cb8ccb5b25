import LiaisonCore

/// 值班表: a month's reception days (the station's rule, holidays and make-up days respected, with days
/// added or moved) and who sits on each. `a` rosters a deputy or a legal officer onto the selected day,
/// `d` takes the selected one off, `D` adds or moves a reception day, `P` writes the day's notice
/// (公告) to print; `<` `>` change the month. The year's warnings close the list.
final class DutyRosterSection: DeputySection {
    let title = "值班表"
    let actions: Set<Action> = [.previousMonth, .nextMonth, .addSeat, .removeSeat, .changeReceptionDay, .writeNotice]
    private let store: LiaisonStore
    private(set) var month: (year: Int, month: Int)?
    private var days: [RosterDay] = []
    private var warnings: [String] = []
    private(set) lazy var rows = ListDetail(columns: [
        TableColumn("值班", width: 8, elastic: true), TableColumn("身份", width: 8, elastic: true),
        TableColumn("单位/界别", width: 10, flexible: true, elastic: true),
    ], detailTitle: "接待日", emptyText: "这个月没有接待日（D 增加）") { [unowned self] id in
        try self.detail(of: id)
    }

    init(store: LiaisonStore) {
        self.store = store
    }

    private var shown: (year: Int, month: Int) { month ?? (store.today.year, store.today.month) }

    func reload() throws {
        let (year, month) = shown
        days = try store.rosterMonth(year: year, month: month)
        warnings = try store.rosterWarnings(year: year)
        var entries: [ListEntry] = [.heading("\(year) 年 \(month) 月值班表（< > 换月）")]
        for day in days {
            let date = "\(day.slot.day.iso.dropFirst(5)) \(day.slot.day.chineseWeekday)"
            let past = day.slot.day < store.today
            let state = day.slot.day == store.today ? "今天" : day.seats.isEmpty ? (past ? "未排" : "未排班")
                : day.noticeWritten ? "公告已写" : past ? "已过" : day.noticeOutdated ? "公告需重写" : "公告未写"
            entries.append(.heading("\(date)  \(day.slot.originLabel)  \(state)", role: past ? .muted : .header))
            if day.seats.isEmpty {
                entries.append(.row("day-\(day.slot.day.iso)", ["（未排，按 a 排班）", "", ""], role: .muted, search: [day.slot.day.iso]))
            }
            entries += day.seats.map { seat in
                .row("seat-\(seat.id)", [seat.name, seat.legalOfficerRole?.label ?? "\(seat.deputyLevel?.label ?? "")代表 \(seat.role.label)",
                                        seat.deputyID == nil ? seat.organization : seat.sector],
                     role: seat.inactive ? .muted : .normal, search: [seat.name, seat.organization, seat.sector, day.slot.day.iso])
            }
        }
        if !warnings.isEmpty {
            entries.append(.heading("提醒（\(warnings.count)）", role: .dueSoon))
            // Whole lines: a warning names people and dates the columns would cut.
            entries += warnings.map { .heading($0, role: .dueSoon) }
        }
        rows.setEntries(entries)
    }

    /// The reception day of the selected row, or the month's next one from today, or its first.
    private var selectedDay: RosterDay? {
        guard let id = rows.selectedID else { return nil }
        if id.hasPrefix("day-") { return days.first { "day-\($0.slot.day.iso)" == id } }
        return days.first { $0.seats.contains { "seat-\($0.id)" == id } }
    }

    private var selectedSeat: DutySeat? {
        days.lazy.flatMap(\.seats).first { "seat-\($0.id)" == self.rows.selectedID }
    }

    func offers(_ action: Action) -> Bool {
        switch action {
        case .previousMonth, .nextMonth, .changeReceptionDay: true
        case .addSeat, .writeNotice: selectedDay != nil
        case .removeSeat: selectedSeat != nil
        default: false
        }
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .previousMonth, .nextMonth:
            let (year, month) = shown
            self.month = Day.month(month, of: year, adding: action == .nextMonth ? 1 : -1)
            try reload()
            _ = rows.handle(.first)
            return .say("\(self.month!.year) 年 \(self.month!.month) 月值班表", .muted)
        case .addSeat:
            guard let day = selectedDay?.slot.day else { return .say("先选中一个接待日", .warning) }
            return .push(try seatPicker(day: day, session: desk.session))
        case .removeSeat:
            guard let seat = selectedSeat else { return .say("先选中值班的一位", .warning) }
            let question = Question("把 \(seat.name) 移出 \(seat.day.iso) 的值班表吗？", yes: "移出", no: "保留", destructive: true)
            return .push(QuestionLayer(question, yes: { [store] in
                try store.removeFromRoster(seatID: seat.id, session: desk.session)
                return .saved("已把 \(seat.name) 移出 \(seat.day.iso) 的值班表")
            }))
        case .changeReceptionDay:
            let form = try FormLayer(spec: ReceptionDayForm(store: store, session: desk.session, month: shown),
                                     share: rows.share)
            // On a day the station added or moved, the change can be undone instead.
            guard let slot = selectedDay?.slot, slot.isChange, slot.day >= store.today else { return .push(form) }
            let undo: String
            if case .moved(let from) = slot.origin { undo = "改回 \(from.iso)（已排的值班一并移回）" } else { undo = "取消增加的这一天" }
            // Enter on the first option is the harmless one; undoing asks first.
            return .push(PickLayer(title: "\(slot.day.iso) \(slot.originLabel)", options: [
                ChoiceOption(value: "change", label: "增加或调整其他接待日"), ChoiceOption(value: "undo", label: undo),
            ]) { [store] option in
                guard option.value == "undo" else { return .push(form) }
                return .push(QuestionLayer(Question("\(slot.day.iso)：\(undo)吗？", yes: "撤销", no: "不撤销", destructive: true), yes: {
                    try store.undoReceptionDayChange(slot.day, session: desk.session)
                    return .saved("\(slot.day.iso)：已\(undo.prefix { $0 != "（" })")
                }))
            })
        case .writeNotice:
            guard let day = selectedDay else { return .say("先选中一个接待日", .warning) }
            guard day.seats.contains(where: { $0.deputyID != nil }) else { return .say("\(day.slot.day.iso) 还没有排代表，先按 a 排班", .warning) }
            return .push(try FormLayer(spec: NoticeForm(store: store, session: desk.session, day: day.slot.day), share: rows.share))
        default: return nil
        }
    }

    /// Deputies, then legal officers: typing a name or its initials narrows the list; a day that is not a
    /// reception day, or someone already on it, asks first.
    private func seatPicker(day: Day, session: Session) throws -> PickLayer {
        let deputies = try store.deputies(order: .strokes).map {
            ChoiceOption(value: "d\($0.id)", label: $0.name, note: "\($0.level.label)代表 \($0.sector)", initials: $0.nameInitials)
        }
        // An officer is found by their role or organisation too (律师, 法院).
        let officers = try store.legalOfficers(onDutyOn: day).map {
            ChoiceOption(value: "o\($0.id)", label: $0.name, note: $0.note, initials: Pinyin.initials($0.name) + " " + $0.note)
        }
        return PickLayer(title: "排到 \(day.iso) \(day.chineseWeekday)", details: ["代表在前，三官一员在后"],
                         options: deputies + officers) { [store] option in
            let id = Int64(option.value.dropFirst())
            let isDeputy = option.value.hasPrefix("d")
            let add = { (confirmed: Bool) throws -> Reaction in
                try store.addToRoster(day: day, deputyID: isDeputy ? id : nil, legalOfficerID: isDeputy ? nil : id,
                                      role: isDeputy ? .receiving : .legalAdvice, confirmed: confirmed, session: session)
                return .saved("已把 \(option.label) 排到 \(day.iso)")
            }
            do {
                return try add(false)
            } catch let confirmation as RosterConfirmation {
                return .push(QuestionLayer(Question(confirmation.question, yes: "仍要排", no: "不排", destructive: true),
                                           yes: { try add(true) }))
            }
        }
    }

    private func detail(of id: String?) throws -> [DetailLine] {
        if let seat = selectedSeat, id == rows.selectedID {
            var lines: [DetailLine] = [.heading(seat.name), DetailLine(seat.noticeText), DetailLine("\(seat.day.iso) \(seat.day.chineseWeekday)")]
            if seat.inactive { lines.append(DetailLine("已停用：请另排一位", role: .dueSoon)) }
            if let deputyID = seat.deputyID {
                let credit = try store.dutyCredit(deputyID: deputyID, year: seat.day.year)
                lines.append(DetailLine("\(seat.day.year) 年进站接待 \(credit.receptionDays) 天"))
            }
            return lines
        }
        guard let day = selectedDay else {
            return warnings.isEmpty ? [] : [.heading("提醒")] + warnings.map { DetailLine($0, role: .dueSoon) }
        }
        var lines: [DetailLine] = [.heading("\(day.slot.day.iso) \(day.slot.day.chineseWeekday)"), DetailLine(day.slot.originLabel)]
        if !day.slot.note.isEmpty { lines.append(DetailLine(day.slot.note)) }
        let deputies = day.seats.filter { $0.deputyID != nil }.count
        lines.append(DetailLine("代表 \(deputies) 位，三官一员 \(day.seats.count - deputies) 位"))
        let notice = store.calendar.adding(workingDays: -LiaisonStore.noticeWorkingDays, to: day.slot.day)
        if day.noticeOutdated { lines.append(DetailLine("公告写好后值班有变动，请按 P 重写", role: .dueSoon)) }
        lines.append(DetailLine(day.noticeWritten ? "公告已写" : "最迟 \(notice.iso) 张贴公告（提前 \(LiaisonStore.noticeWorkingDays) 个工作日，当天起标题栏提醒）",
                                role: day.noticeWritten ? .normal : .dueSoon))
        return lines
    }
}
