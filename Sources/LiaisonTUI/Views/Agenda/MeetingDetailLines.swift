import LiaisonCore

/// A meeting as the agenda's detail pane shows it: when and where, its 331 phase and what it lacks to move
/// on, clashes, the items with their cases and results, who was invited and who came, the minutes.
enum MeetingDetailLines {
    static func lines(_ detail: MeetingDetail, now: LocalTime) -> [DetailLine] {
        let meeting = detail.meeting
        var lines = [DetailLine(meeting.title, role: .header),
                     DetailLine("\(meeting.kind.label) · \(meeting.stateLabel(now: now))"),
                     DetailLine("\(meeting.day.iso) \(meeting.day.chineseWeekday) \(meeting.timeText)"),
                     DetailLine("地点 " + (meeting.place.isEmpty ? "未定" : meeting.place))]
        if !meeting.organiser.isEmpty { lines.append(DetailLine("组织 " + meeting.organiser)) }
        if meeting.status == .cancelled { lines.append(DetailLine("已取消：" + meeting.cancelReason, role: .muted)) }
        let progress = detail.progress
        if progress.unclosed {
            lines.append(DetailLine("逾期未结：会期已过，按 c 结束会议或 x 取消", role: .overdue))
        } else if let phase = progress.phase {
            lines.append(DetailLine("\(phase.label)：" + (progress.missing.isEmpty ? "已备齐" : "还缺" + progress.missing.joined(separator: "、")),
                                    role: progress.missing.isEmpty ? .normal : .dueSoon))
        }
        lines += detail.clashes.map { DetailLine("冲突：" + $0, role: .warning) }
        if let announced = meeting.announcedAt { lines.append(DetailLine("会前公告 \(announced.day.iso) 已写", role: .muted)) }
        if let published = meeting.resultPublishedAt { lines.append(DetailLine("结果公示 \(published.day.iso) 已写", role: .muted)) }

        lines += [DetailLine(""), .heading("议题（\(detail.items.count)）")]
        let planned = meeting.status == .planned
        if detail.items.isEmpty { lines.append(DetailLine(planned ? "还没有议题（t 添加）" : "没有议题", role: .muted)) }
        for item in detail.items {
            lines.append(DetailLine("\(item.position). \(item.title)"))
            lines += item.cases.map { DetailLine("诉求 \($0.code) \($0.title)（\($0.status.label)）", indent: 3) }
            if !item.notes.isEmpty { lines.append(DetailLine("讨论 " + item.notes, indent: 3)) }
            if !item.resolution.isEmpty { lines.append(DetailLine("结果 " + item.resolution, indent: 3)) }
            if !item.action.isEmpty {
                lines.append(DetailLine("商定 \(item.action)，\(item.departmentName) \(item.workingDays ?? 0) 个工作日", indent: 3))
            }
            if let followUp = item.followUp { lines.append(DetailLine("跟进诉求 \(followUp.code)（\(followUp.status.label)）", indent: 3)) }
        }

        let came = detail.participants.filter { $0.attended == true }.count
        let recorded = detail.participants.contains { $0.attended != nil }
        lines += [DetailLine(""), .heading("参加（邀请 \(detail.participants.count)" + (recorded ? "，出席 \(came)）" : "）"))]
        if detail.participants.isEmpty { lines.append(DetailLine(planned ? "还没有邀请（i 邀请）" : "没有邀请", role: .muted)) }
        for kind in ParticipantKind.allCases {
            let people = detail.participants.filter { $0.kind == kind }
            guard !people.isEmpty else { continue }
            let names = people.map { $0.line + ($0.attended.map { $0 ? "" : "（缺席）" } ?? "") }
            lines.append(DetailLine("\(kind.label)：" + names.joined(separator: "、"), indent: 0))
        }
        if !meeting.minutes.isEmpty { lines += [DetailLine(""), .heading("会议纪要"), DetailLine(meeting.minutes)] }
        if !meeting.resolution.isEmpty { lines += [DetailLine(""), .heading("协商结果"), DetailLine(meeting.resolution)] }
        return lines
    }
}
