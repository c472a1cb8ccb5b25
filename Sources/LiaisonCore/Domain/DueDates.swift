import Foundation

/// A time limit as a form takes it: so many working days (10), or a date given outright (2026-12-31, 12-31).
public enum DueChoice: Hashable, Sendable {
    case workingDays(Int)
    case date(Day)

    /// What was typed in a time-limit field: 10, 10天, 10个工作日, 2027-2-28, 12-31, 12/31, 12月31日, with
    /// full-width digits as an IME types them.
    public static func parse(_ text: String, today: Day) throws -> DueChoice {
        var typed = text.trimmingSheetSpace.halfWidthDigits.replacingOccurrences(of: " ", with: "")
        for unit in ["个工作日", "工作日", "天"] where typed.hasSuffix(unit) { typed = String(typed.dropLast(unit.count)) }
        if let days = Int(typed) { return .workingDays(days) }
        typed = typed.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "号", with: "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        let parts = typed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], let date = Day(year: year, month: month, day: day) {
            return .date(date)
        }
        if parts.count == 2, let month = parts[0], let day = parts[1], let date = Day(year: today.year, month: month, day: day) {
            // A month long past means next year's (01-05 typed in December); a day just past stays this
            // year's, to be refused as past rather than moved a year on.
            let nextYear = date < today && today.month - month > 6
            return .date(nextYear ? Day(year: today.year + 1, month: month, day: day) ?? date : date)
        }
        throw DomainError.invalid("时限填工作日数（\(TimeLimit.hint)）或日期（2026-12-31、12-31）")
    }
}

/// A due date as reckoned, and whether it rests on a year the calendar does not know (待定期限).
public struct DispatchResult: Hashable, Sendable {
    public let dueDate: Day
    /// Counted this many working days from `countedFrom`; nil for a date given outright.
    public let workingDays: Int?
    public let countedFrom: Day
    public let yearsComputedByWeekendsOnly: [Int]

    public var provisional: Bool { !yearsComputedByWeekendsOnly.isEmpty }

    /// 按周末推算，待导入2027年节假日安排
    public var provisionalNote: String? {
        provisional ? DispatchResult.provisionalNote(years: yearsComputedByWeekendsOnly) : nil
    }

    public static func provisionalNote(years: [Int]) -> String {
        "按周末推算，待导入\(years.map(String.init).joined(separator: "、"))年节假日安排"
    }
}

/// A provisional due date that the calendar now counts otherwise.
public struct DueDateChange: Hashable, Sendable {
    public let caseID: Int64
    public let code: String
    public let title: String
    public let old: Day
    public let new: Day
    /// Still through a year the calendar does not know.
    public let stillProvisional: Bool
}

extension LiaisonStore {
    /// The due date a choice gives counted from `day` (today), as the dispatch form shows it while typing.
    public func reckon(_ choice: DueChoice, from day: Day? = nil) throws -> DispatchResult {
        let start = day ?? today
        switch choice {
        case .workingDays(let days):
            guard TimeLimit.workingDays.contains(days) else {
                throw DomainError.invalid("办理时限应为 \(TimeLimit.workingDays.lowerBound) 至 \(TimeLimit.workingDays.upperBound) 个工作日")
            }
            let due = calendar.adding(workingDays: days, to: start)
            return DispatchResult(dueDate: due, workingDays: days, countedFrom: start,
                                  yearsComputedByWeekendsOnly: calendar.unknownYears(from: start, to: due))
        case .date(let due):
            guard due > start else { throw DomainError.invalid("期限 \(due.iso) 须晚于今天") }
            guard calendar.isWorkingDay(due) else { throw DomainError.invalid("期限 \(due.iso) 是休息日，请选工作日") }
            guard calendar.workingDays(from: start, to: due) <= TimeLimit.workingDays.upperBound else {
                throw DomainError.invalid("期限 \(due.iso) 超过 \(TimeLimit.workingDays.upperBound) 个工作日")
            }
            // A date in a year the calendar does not know may turn out to be a holiday: a guess as well.
            return DispatchResult(dueDate: due, workingDays: nil, countedFrom: start,
                                  yearsComputedByWeekendsOnly: calendar.unknownYears(from: due, to: due))
        }
    }

    /// Keeps a due date in the case's history and makes it the case's own, inside the caller's write.
    func recordDue(_ due: DispatchResult, caseID: Int64, round: Int, why: String) throws {
        try database.execute("""
            INSERT INTO due_dates(case_id, round, due_date, set_on, working_days, counted_from, provisional, why)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [caseID, round, due.dueDate, today, due.workingDays, due.countedFrom, due.provisional, why])
    }

    /// Every due date the case has had, oldest first.
    public func dueDateHistory(caseID: Int64) throws -> [(day: Day, setOn: Day, why: String, provisional: Bool)] {
        try database.fetchAll("SELECT due_date, set_on, why, provisional FROM due_dates WHERE case_id = ? ORDER BY id", [caseID]) {
            (try $0.day(0), try $0.day(1), $0.string(2), $0.int(3) != 0)
        }
    }

    /// Open cases whose provisional due date the calendar now counts otherwise, or no longer needs to guess:
    /// so many working days counted again, or a date given outright moved off a day that turned out a holiday.
    public func provisionalDueDateChanges() throws -> [DueDateChange] {
        let rows = try database.fetchAll("""
            SELECT c.id, c.code, c.title, c.due_date, d.working_days, d.counted_from
            FROM cases c JOIN due_dates d ON d.id = (SELECT max(id) FROM due_dates WHERE case_id = c.id)
            WHERE c.due_provisional = 1 AND c.status <> 'closed' AND d.counted_from IS NOT NULL
            ORDER BY c.due_date, c.id
            """) { row in (row.int64(0), row.string(1), row.string(2), try row.day(3), row.optionalInt64(4).map(Int.init), try row.day(5)) }
        return rows.compactMap { id, code, title, old, days, from in
            let new = days.map { calendar.adding(workingDays: $0, to: from) } ?? calendar.adding(workingDays: 0, to: old)
            let still = !calendar.unknownYears(from: days == nil ? new : from, to: new).isEmpty
            guard new != old || !still else { return nil }
            return DueDateChange(caseID: id, code: code, title: title, old: old, new: new, stillProvisional: still)
        }
    }

    /// Recounts the provisional due dates now that their year's holidays are loaded, with an event in each
    /// case's timeline; what changed, as `provisionalDueDateChanges` listed it.
    @discardableResult
    public func recomputeProvisionalDueDates(session: Session) throws -> [DueDateChange] {
        try session.require(.recomputeDueDates)
        return try database.write {
            let changes = try provisionalDueDateChanges()
            for change in changes {
                let record = try caseRecord(id: change.caseID)
                let due = try database.fetchOne(
                    "SELECT working_days, counted_from FROM due_dates WHERE case_id = ? ORDER BY id DESC LIMIT 1", [change.caseID]
                ) { (row: Statement) in (row.optionalInt64(0).map(Int.init), try row.day(1)) }
                guard let (days, from) = due else { continue }
                try recordDue(DispatchResult(dueDate: change.new, workingDays: days, countedFrom: from,
                                             yearsComputedByWeekendsOnly: change.stillProvisional ? [change.new.year] : []),
                              caseID: record.id, round: record.round, why: "recomputed")
                try update(record, status: record.status, set: ", due_date = ?, due_provisional = ?", [change.new, change.stillProvisional])
                // The years the count ran into after the one it started in: those a dispatch leaves unknown.
                let years = from.year < change.new.year ? Array((from.year + 1)...change.new.year) : [change.new.year]
                try addEvent(.dueRecomputed, caseID: record.id,
                             text: "按\(years.map(String.init).joined(separator: "、"))年节假日安排重算期限：\(change.old.iso) → \(change.new.iso)",
                             session: session)
            }
            return changes
        }
    }
}
