import Foundation

/// The resident's rating of one round (满意度测评).
public struct Rating: Hashable, Sendable {
    public var result: Satisfaction
    public var attitude: Satisfaction?
    public var ratedBy: RatedBy
    /// Why, when unsatisfied (required then).
    public var comment: String

    public init(result: Satisfaction, attitude: Satisfaction? = nil, ratedBy: RatedBy = .resident, comment: String = "") {
        self.result = result
        self.attitude = attitude
        self.ratedBy = ratedBy
        self.comment = comment
    }
}

extension LiaisonStore {
    /// A supervision note (督办) on the timeline.
    public func supervise(caseID: Int64, note: String, session: Session, expectedVersion: Int? = nil) throws {
        try supervise([(caseID, expectedVersion)], note: note, session: session)
    }

    /// One supervision note written to every marked case in one transaction: all of them or none.
    public func supervise(_ cases: [(id: Int64, expectedVersion: Int?)], note: String, session: Session) throws {
        let note = try required(note, "督办", message: "督办意见不能为空")
        try database.write {
            for (id, version) in cases {
                let record = try caseForUpdate(id, action: .supervise, expectedVersion: version, session: session)
                try update(record, status: record.status, set: ", supervisions = supervisions + 1")
                try addEvent(.supervised, caseID: id, text: note, session: session)
            }
        }
    }

    /// 答复: the department's answer to the dispatch that stands, the day it came and who gave it.
    public func recordReply(caseID: Int64, text: String, on day: Day? = nil, by replier: String = "", session: Session,
                            expectedVersion: Int? = nil) throws {
        let text = try required(text, "答复", message: "请写下承办单位的答复")
        let replier = replier.trimmingCharacters(in: .whitespacesAndNewlines)
        try perform(.reply, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            let day = try pastDay(day, "答复日期")
            let dispatch = try currentDispatch(of: record)
            if let dispatch, day < dispatch.dispatchedOn {
                throw DomainError.invalid("答复日期 \(day.iso) 早于交办日期 \(dispatch.dispatchedOn.iso)")
            }
            try database.execute("UPDATE dispatches SET replied_on = ?, reply = ?, replied_by = ? WHERE id = ?",
                                 [day, text, replier, dispatch?.id])
            try voidPendingExtension(of: record, note: "承办单位已答复，申请作废")
            try update(record, status: .replied)
            let who = [dispatch?.departmentName ?? "", replier].filter { !$0.isEmpty }.joined(separator: " ")
            return ((), "\(day.iso) \(who.isEmpty ? "" : who + "答复：")\(text)")
        }
    }

    /// 反馈: the resident has been told the result, how and when.
    public func recordFeedback(caseID: Int64, method: FeedbackMethod, on day: Day? = nil, text: String = "", session: Session,
                               expectedVersion: Int? = nil) throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        try perform(.feedback, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            let day = try pastDay(day, "反馈日期")
            if let replied = try currentDispatch(of: record)?.repliedOn, day < replied {
                throw DomainError.invalid("反馈日期 \(day.iso) 早于答复日期 \(replied.iso)")
            }
            if let dispatch = try currentDispatch(of: record) {
                try database.execute("UPDATE dispatches SET feedback_on = ?, feedback_method = ? WHERE id = ?", [day, method, dispatch.id])
            }
            try update(record, status: .feedback)
            return ((), "\(day.iso) \(method.label)告知群众办理结果" + (text.isEmpty ? "" : "：\(text)"))
        }
    }

    /// 满意度测评: satisfied or basically satisfied makes the case ready to close (销号); unsatisfied, with
    /// its reason, waits to be dispatched round again, or closed by a supervisor with a written reason.
    public func rate(caseID: Int64, _ rating: Rating, session: Session, expectedVersion: Int? = nil) throws {
        let comment = rating.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if rating.result == .unsatisfied && comment.isEmpty { throw DomainError.invalid("不满意须写明原因") }
        try perform(.rate, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
            try database.execute("""
                INSERT INTO ratings(case_id, round, result, attitude, rated_by, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [caseID, record.round, rating.result, rating.attitude, rating.ratedBy, comment, clock.now()])
            try update(record, status: rating.result.countsAsSatisfied ? .readyToClose : .unsatisfied)
            var text = "\(rating.ratedBy == .deputy ? "代表评单" : "群众评价")：结果\(rating.result.label)"
            if let attitude = rating.attitude { text += "，态度\(attitude.label)" }
            if !comment.isEmpty { text += "。\(comment)" }
            return ((), text)
        }
    }

    /// 销号. A case the resident rated satisfied closes on the key; anything else is a supervisor's act
    /// with a written reason, kept apart by the statistics.
    public func close(caseID: Int64, reason: String = "", session: Session, expectedVersion: Int? = nil) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try database.write {
            // Which close it is depends on where the case stands now, read in the same transaction.
            let action: CaseAction = try caseRecord(id: caseID).status == .readyToClose ? .close : .closeWithReason
            try perform(action, caseID: caseID, expectedVersion: expectedVersion, session: session) { record in
                if action == .closeWithReason && reason.isEmpty { throw DomainError.reasonRequired("未经群众满意的销号") }
                try update(record, status: .closed, set: ", closed_on = ?, close_reason = ?, closed_with_reason = ?",
                           [today, reason, action == .closeWithReason])
                return ((), action == .close ? "群众满意，销号" + (reason.isEmpty ? "" : "。\(reason)") : "写明理由销号：\(reason)")
            }
        }
    }

    /// A day a form gave, today when none: not in the future.
    private func pastDay(_ day: Day?, _ field: String) throws -> Day {
        let day = day ?? today
        guard day <= today else { throw DomainError.invalid("\(field) \(day.iso) 还没到") }
        return day
    }
}
