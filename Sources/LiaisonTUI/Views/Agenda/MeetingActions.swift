import Foundation
import LiaisonCore

/// What the agenda's keys do to the selected meeting: the forms, pickers and questions they open, and
/// the notices they write.
struct MeetingActions {
    let store: LiaisonStore
    let session: Session
    let meeting: Meeting
    /// The list's share of the width, for the forms opened over it.
    let share: Int

    func handle(_ action: Action) throws -> Reaction? {
        let changes: Set<Action> = [.editMeeting, .cancelMeeting, .inviteParticipant, .addAgendaItem, .removeFromMeeting, .closeMeeting]
        if changes.contains(action), meeting.status != .planned { return .say("会议\(meeting.status.label)，不能再改", .warning) }
        switch action {
        case .editMeeting:
            return .push(try FormLayer(spec: MeetingForm(store: store, session: session, meeting: meeting, day: nil), share: share))
        case .cancelMeeting:
            let (store, session, meeting) = (self.store, self.session, self.meeting)
            let form = OneLineForm(title: "取消会议", key: "reason", label: "取消理由", hint: "如 承办单位另有安排", sideTitle: "会议", side: [
                DetailLine(meeting.title, role: .header), DetailLine("\(meeting.day.iso) \(meeting.timeText) \(meeting.place)"), DetailLine(""),
                DetailLine("取消后仍留在议程里，标为已取消；已写公告的，请另行通知参加人。", role: .muted),
            ]) { reason in
                try store.cancelMeeting(id: meeting.id, reason: reason, expectedVersion: meeting.version, session: session)
                return .done("已取消「\(meeting.title)」：\(reason)", select: "meeting-\(meeting.id)")
            }
            return .push(try FormLayer(spec: form, share: share))
        case .inviteParticipant: return .push(try invitePicker())
        case .addAgendaItem:
            return .push(try FormLayer(spec: AgendaItemForm(store: store, session: session, meeting: meeting), share: share))
        case .removeFromMeeting: return try removePicker()
        case .closeMeeting:
            let items = try store.agendaItems(meetingID: meeting.id).count
            let people = try store.participants(meetingID: meeting.id).count
            if let refusal = meeting.closeRefusal(now: store.clock.now(), items: items, participants: people) { return .say(refusal, .warning) }
            return .push(try FormLayer(spec: CloseOutForm(store: store, session: session, meeting: meeting), share: share))
        case .publishNotice: return try writeNotice()
        case .openCaseOnBoard:
            let items = try store.agendaItems(meetingID: meeting.id)
            let cases = items.flatMap { $0.cases + ($0.followUp.map { [$0] } ?? []) }
            guard !cases.isEmpty else { return .say("这个会议没有关联的诉求", .muted) }
            return .push(PickLayer(title: "「\(meeting.title)」的诉求", details: ["Enter 在督办页打开"],
                                   options: cases.map { ChoiceOption(value: "\($0.id)", label: "\($0.code) \($0.title)", note: $0.status.label) }) {
                Reaction(switchTo: .board, reveal: $0.value)
            })
        default: return nil
        }
    }

    /// Deputies, departments, the residents whose cases are on the agenda, and anyone else typed in.
    private func invitePicker() throws -> PickLayer {
        let deputies = try store.deputies(order: .strokes).map {
            ChoiceOption(value: "d\($0.id)", label: $0.name, note: "代表 \($0.level.label)", initials: $0.nameInitials)
        }
        let departments = try store.departments().map { ChoiceOption(value: "u\($0.id)", label: $0.name, note: "单位 \($0.note)") }
        let concerned = try store.concernedResidents(meetingID: meeting.id).map {
            ChoiceOption(value: "r\($0.id)", label: $0.name, note: "诉求人 \($0.code)", initials: Pinyin.initials($0.name))
        }
        let other = ChoiceOption(value: "other", label: "名单外的群众…", note: "填写姓名和身份", initials: "qt mdw")
        let (store, session, meeting, share) = (self.store, self.session, self.meeting, self.share)
        return PickLayer(title: "邀请参加「\(meeting.title)」", details: ["代表、单位、诉求人；名单外的群众选第一项"],
                         options: [other] + concerned + deputies + departments) { option in
            let id = Int64(option.value.dropFirst())
            switch option.value.first {
            case "d":
                let clashes = try store.invite(.deputy(id ?? 0), to: meeting.id, session: session)
                guard clashes.isEmpty else { return Reaction(message: DeskMessage("已邀请 \(option.label)；注意：" + clashes.joined(separator: "；"), .warning), reload: true) }
                return .saved("已邀请 \(option.label)")
            case "u":
                // Who attends for the department: the notices name them.
                let form = OneLineForm(title: "邀请 \(option.label)", key: "attendee", label: "出席人", hint: "如 刘科长", limit: 30, sideTitle: "邀请单位", side: [
                    DetailLine(meeting.title, role: .header), DetailLine("\(meeting.day.iso) \(meeting.timeText)"), DetailLine(""),
                    DetailLine("写明出席人，公告和结果公示里写全名。", role: .muted),
                ]) { attendee in
                    try store.invite(.department(id ?? 0, attendee: attendee), to: meeting.id, session: session)
                    return .done("已邀请 \(option.label)（\(attendee)）", select: "meeting-\(meeting.id)")
                }
                return .push(try FormLayer(spec: form, share: share))
            default:
                let resident = option.value == "other" ? nil : id.map { ($0, option.label) }
                return .push(try FormLayer(spec: ResidentInviteForm(store: store, session: session, meeting: meeting, resident: resident),
                                           share: share))
            }
        }
    }

    /// Someone invited by mistake, or an item dropped: picked, then asked about.
    private func removePicker() throws -> Reaction {
        let people = try store.participants(meetingID: meeting.id).map { ChoiceOption(value: "p\($0.id)", label: $0.line, note: $0.kind.label) }
        let items = try store.agendaItems(meetingID: meeting.id).map {
            ChoiceOption(value: "i\($0.id)", label: "\($0.position). \($0.title)", note: "议题" + ($0.cases.isEmpty ? "" : " " + $0.cases.map(\.code).joined(separator: " ")))
        }
        guard !(people + items).isEmpty else { return .say("这个会议还没有参加人和议题", .muted) }
        let (store, session) = (self.store, self.session)
        return .push(PickLayer(title: "从「\(meeting.title)」移除", details: ["选一位参加人或一项议题"], options: people + items) { option in
            let id = Int64(option.value.dropFirst()) ?? 0
            let isItem = option.value.hasPrefix("i")
            let question = Question("把\(isItem ? "议题" : "")「\(option.label)」从会议中移除吗？", yes: "移除", no: "保留", destructive: true)
            return .push(QuestionLayer(question, yes: {
                if isItem { try store.removeAgendaItem(id: id, session: session) } else { try store.removeParticipant(id: id, session: session) }
                return .saved("已移除「\(option.label)」")
            }))
        })
    }

    /// The announcement while planned, the result once held: a text file beside the database.
    private func writeNotice() throws -> Reaction {
        let notice: MeetingNotice
        switch meeting.status {
        case .planned: notice = .announcement
        case .held: notice = .result
        case .cancelled: return .say("会议已取消，不写公示", .warning)
        }
        let file = "\(notice.label)-\(meeting.day.iso)-\(meeting.id).txt"
        let (store, session, meeting) = (self.store, self.session, self.meeting)
        if let failed = try BesideDatabase.write(file, store: store, export: { path, write in
            try store.exportMeetingNotice(notice, meetingID: meeting.id, expectedVersion: meeting.version, fileName: path, session: session,
                                          write: write)
        }) { return failed }
        return .saved("\(notice.label)已写入数据库所在目录：\(file)")
    }
}
