import Foundation

/// The two public notices (公示) of a meeting: the announcement before it and the result after.
public enum MeetingNotice: String, Sendable, CaseIterable {
    case announcement, result

    public var label: String { self == .announcement ? "会前公告" : "结果公示" }
}

/// 主题活动日: the same rule as the reception day (day D of the month, the nearest working day when it
/// is not one, the station's tie direction between two equally near).
public typealias ThemeDayRule = ReceptionDayRule

extension MeetingKind {
    /// 召开 a meeting, 开展 a theme activity day: as a notice says it.
    var verb: String { self == .themeDay ? "开展" : "召开" }
}

extension LiaisonStore {
    /// The notice's text for the station's board, residents named as surname + 某 unless they agreed.
    public func meetingNotice(_ notice: MeetingNotice, meetingID: Int64) throws -> String {
        let detail = try meetingDetail(id: meetingID)
        let meeting = detail.meeting
        let (year, month, date) = meeting.day.components
        let when = "\(year)年\(month)月\(date)日（\(meeting.day.chineseWeekday)）\(meeting.timeText)"
        let place = meeting.place.isEmpty ? "另行通知" : meeting.place
        var lines = ["\(station.name)", "\(meeting.kind.label)\(notice == .announcement ? "公告" : "结果公示")", ""]
        switch notice {
        case .announcement:
            guard meeting.status == .planned else { throw DomainError.invalid("会议\(meeting.status.label)，不再写会前公告") }
            guard !detail.items.isEmpty else { throw DomainError.invalid("会议还没有议题，先按 t 添加") }
            guard !detail.participants.isEmpty else { throw DomainError.invalid("会议还没有邀请参加人，先按 i 邀请") }
            lines += ["    \(station.name)定于下列时间\(meeting.kind.verb)\(meeting.kind.label)，欢迎关心这些问题的群众参加或提出意见建议。", "",
                      "会议名称：\(meeting.title)", "时间：\(when)", "地点：\(place)", "", "议题："]
            lines += detail.items.map { "    \($0.position). \($0.title)" }
            lines += ["", "参加人员："] + ParticipantKind.allCases.compactMap { kind in
                let names = detail.participants.filter { $0.kind == kind }.map(\.publicName)
                return names.isEmpty ? nil : "    \(kind.label)：" + names.joined(separator: "、")
            }
        case .result:
            guard meeting.status != .cancelled else { throw DomainError.invalid("会议已取消，不写结果公示") }
            guard meeting.status == .held else { throw DomainError.invalid("会议待召开，结束后才能公示结果") }
            let came = detail.participants.filter { $0.attended == true }
            lines += ["    \(station.name)于\(when)" + (meeting.place.isEmpty ? "" : "在\(meeting.place)") + "\(meeting.kind.verb)\(meeting.kind.label)「\(meeting.title)」，"
                      + "出席 \(came.count) 人。协商结果公示如下：", ""]
            for item in detail.items {
                lines.append("\(item.position). \(item.title)")
                lines.append("    协商结果：\(item.resolution)")
                if !item.action.isEmpty {
                    // The due date of the case the action went to: the follow-up, else the linked ones a department now holds.
                    let due = (item.followUp.map { [$0] } ?? item.cases.filter { CaseTransition.held.contains($0.status) }).compactMap(\.dueDate).max()
                    lines.append("    办理事项：\(item.action)；承办单位：\(item.departmentName)；"
                                 + "时限：\(item.workingDays ?? 0) 个工作日" + (due.map { "（\($0.iso) 前）" } ?? ""))
                }
            }
            if !meeting.resolution.isEmpty { lines += ["", "协商结果：\(meeting.resolution)"] }
            lines += ["", "出席人员："] + ParticipantKind.allCases.compactMap { kind in
                let names = came.filter { $0.kind == kind }.map(\.publicName)
                return names.isEmpty ? nil : "    \(kind.label)：" + names.joined(separator: "、")
            }
            lines += ["", "    对以上结果如有意见，请于公示之日起 5 个工作日内向联络站反映。"]
        }
        if !meeting.organiser.isEmpty { lines += ["", "组织：\(meeting.organiser)"] }
        let (nowYear, nowMonth, nowDate) = today.components
        if !station.phone.isEmpty { lines += ["", "联系电话：\(station.phone)"] }
        lines += ["", "\(station.name)", "\(nowYear)年\(nowMonth)月\(nowDate)日", ""]
        return lines.joined(separator: "\n")
    }

    /// Hands the notice's text to `write` and records that it was posted, in one transaction: a meeting
    /// another terminal changed since the caller read it is refused rather than announced as it was.
    public func exportMeetingNotice(_ notice: MeetingNotice, meetingID: Int64, expectedVersion: Int? = nil, fileName: String,
                                    session: Session, write: ([UInt8]) throws -> Void) throws {
        try session.require(.planMeetings)
        try database.write {
            let meeting = try meeting(id: meetingID)
            if let expectedVersion, meeting.version != expectedVersion { throw DomainError.changedOnAnotherTerminal("这个会议") }
            try write(Array(try meetingNotice(notice, meetingID: meetingID).utf8))
            switch notice {
            case .announcement: try database.execute("UPDATE meetings SET announced_at = ?, version = version + 1 WHERE id = ?", [clock.now(), meetingID])
            case .result: try database.execute("UPDATE meetings SET result_published_at = ?, version = version + 1 WHERE id = ?", [clock.now(), meetingID])
            }
            try audit("meeting.notice", subject: meeting.title, detail: "\(notice.label) \(fileName)", session: session)
        }
    }

    /// The station's theme activity day rule, if it has one.
    public func themeDayRule() throws -> ThemeDayRule? {
        try intSetting(StationSettings.themeDayKey).map { ThemeDayRule(dayOfMonth: $0, tie: station.receptionRule?.tie ?? .earlier) }
    }

    /// Puts the theme activity day of this month and the next `months` − 1 on the agenda where the month
    /// has none yet (a cancelled one counts as none) and the day is still to come; the days added. A
    /// month's day may fall in the month before (the 4th in a National Day holiday is 30 September), so a
    /// theme day within half a month of it is that month's.
    @discardableResult
    public func scheduleThemeDays(months: Int = 3, session: Session) throws -> [Day] {
        try session.require(.planMeetings)
        guard let rule = try themeDayRule() else { throw DomainError.invalid("本站没有设主题活动日：管理 → 本站设置 → 主题活动日") }
        return try database.write {
            var added: [Day] = []
            var (year, month, _) = today.components
            for _ in 0..<months {
                let day = rule.receptionDay(year: year, month: month, calendar: calendar)
                let existing = try database.scalarInt("""
                    SELECT count(*) FROM meetings WHERE station_id = ? AND kind = 'themeDay' AND status <> 'cancelled'
                      AND starts_at >= ? AND starts_at < ?
                    """, [station.id, day.adding(days: -14), day.adding(days: 15)]) ?? 0
                if existing == 0, day >= today {
                    try createMeeting(MeetingDraft(kind: .themeDay, title: "\(month)月主题活动日", startsAt: LocalTime(day: day, hour: 9, minute: 0),
                                                   endsAt: LocalTime(day: day, hour: 11, minute: 30), place: station.address), session: session)
                    added.append(day)
                }
                (year, month) = Day.month(month, of: year, adding: 1)
            }
            return added
        }
    }
}
