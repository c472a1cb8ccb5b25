import Foundation
import LiaisonCore

/// A case's detail as the board's pane and the action forms' side pane show it.
enum CaseDetailLines {
    static func lines(_ detail: CaseDetail, calendar: WorkingCalendar, today: Day) -> [DetailLine] {
        let record = detail.record
        let summary = detail.summary
        var lines: [DetailLine] = [
            .heading("\(record.code)  \(record.status.label)  第\(record.round)轮"),
            DetailLine(record.title),
            DetailLine("群众 \(summary.residentName.isEmpty ? "—" : "\(summary.residentName) \(detail.maskedPhone)")"),
            DetailLine("代表 \(summary.deputyName.isEmpty ? "—" : summary.deputyName)"),
            DetailLine("类别 \(summary.categoryName.isEmpty ? "未定" : summary.categoryName)  分级 \(record.tier?.label ?? "未定")"),
            DetailLine("承办 \(summary.departmentName.isEmpty ? "未交办" : summary.departmentName)"),
        ]
        if let due = record.dueDate {
            var line = "期限 \(due.iso)"
            if record.isOverdue(on: today) {
                line += "  逾期 \(Overdue.workingDays(pastDue: due, on: today, calendar: calendar)) 个工作日（\(due.days(until: today)) 天）"
            }
            lines.append(DetailLine(line, role: record.isOverdue(on: today) ? .overdue : .normal))
            if record.dueProvisional {
                let unknown = calendar.unknownYears(from: today, to: due)
                lines.append(DetailLine(unknown.isEmpty ? "按周末推算；节假日安排已导入，可在督办页按 R 重算"
                                                        : DispatchResult.provisionalNote(years: unknown), role: .dueSoon))
            }
        }
        let earlier = detail.dueDates.dropLast().map(\.day.iso)
        if !earlier.isEmpty { lines.append(DetailLine("原期限 " + earlier.joined(separator: "、"), role: .muted)) }
        lines.append(DetailLine("督办 \(detail.supervisions) 次  延期 \(detail.extensions) 次  调整单位 \(detail.swaps) 次"))
        if let request = detail.pendingExtension {
            lines.append(DetailLine("待审批：申请延至 \(request.proposed.iso)，\(request.reason)", role: .dueSoon))
        }
        for round in detail.rounds {
            lines.append(.heading("第 \(round.round) 轮"))
            for dispatch in round.dispatches {
                var text = "\(dispatch.dispatchedOn.iso) 交办\(dispatch.departmentName)，限 \(dispatch.dueDate.iso)"
                if let acknowledged = dispatch.acknowledgedOn { text += "，\(acknowledged.iso) 接单" }
                lines.append(DetailLine(text, indent: 2))
                if let how = dispatch.endedHow {
                    let word = ["returned": "退回", "swapped": "调整单位", "escalated": "上报"][how] ?? how
                    lines.append(DetailLine("\(dispatch.endedOn?.iso ?? "") \(word)：\(dispatch.endReason)", indent: 4))
                }
                if let replied = dispatch.repliedOn {
                    lines.append(DetailLine("\(replied.iso) 答复\(dispatch.repliedBy.isEmpty ? "" : "（\(dispatch.repliedBy)）")：\(dispatch.reply)",
                                            indent: 4))
                }
                if let told = dispatch.feedbackOn {
                    lines.append(DetailLine("\(told.iso) \(dispatch.feedbackMethod?.label ?? "")反馈", indent: 4))
                }
            }
            if let rating = round.rating {
                lines.append(DetailLine("测评（\(rating.ratedBy.label)）：\(rating.result.label)"
                                        + (rating.attitude.map { "，态度\($0.label)" } ?? "")
                                        + (rating.comment.isEmpty ? "" : "。\(rating.comment)"), indent: 2))
            }
        }
        // What the resident raised, in full (a letter pasted at the desk, a problem raised on a deputy's call):
        // the title is only its first line.
        let raised = record.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if !raised.isEmpty, raised != record.title {
            lines.append(.heading("反映问题"))
            lines += raised.split(separator: "\n", omittingEmptySubsequences: false).map { DetailLine(String($0), indent: 2) }
        }
        lines.append(.heading("时间线"))
        for event in detail.timeline {
            // The year only when it is not this one, so an old case's steps read in order.
            let day = event.at.day.year == today.year ? String(event.at.day.iso.dropFirst(5)) : event.at.day.iso
            lines.append(DetailLine("\(day) \(event.at.clockText) \(event.kind.label) \(event.operatorName)", role: .header))
            lines.append(DetailLine(event.text, indent: 2))
        }
        return lines
    }
}
