/// 督办单: the cases a department is chased about, as text for printing or sending. It names the case, never
/// the resident's phone or ID number.
public struct ChaseSheet: Sendable {
    public struct Item: Hashable, Sendable {
        public let id: Int64
        public let code: String
        public let title: String
        public let departmentName: String
        public let dispatchedOn: Day?
        public let dueDate: Day?
        /// Working days past the due date; 0 when not overdue.
        public let workingDaysOverdue: Int
        public let supervisions: Int
    }

    public let station: String
    public let date: Day
    public let cases: [Item]

    /// One block per department, one per case within it.
    public var text: String {
        var lines = ["\(station) 督办单", "日期：\(date.iso)", ""]
        let departments = cases.map(\.departmentName).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for department in departments {
            let items = cases.filter { $0.departmentName == department }
            lines.append("承办单位：\(department.isEmpty ? "未交办" : department)（\(items.count) 件）")
            for (index, item) in items.enumerated() {
                lines.append("\(index + 1). \(item.code) \(item.title)")
                let overdue = item.workingDaysOverdue > 0 ? "逾期 \(item.workingDaysOverdue) 个工作日" : "未逾期"
                lines.append("   交办 \(item.dispatchedOn?.iso ?? "—")，期限 \(item.dueDate?.iso ?? "—")，\(overdue)，已督办 \(item.supervisions) 次")
            }
            lines.append("")
        }
        lines.append("请抓紧办理，并将办理结果书面答复代表联络站。")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension LiaisonStore {
    /// A chase sheet for the marked cases, grouped by department.
    public func chaseSheet(caseIDs: [Int64], session: Session) throws -> ChaseSheet {
        try session.require(.actOnCases)
        return try database.read {
            for id in caseIDs { try session.requireAct(onCaseOf: try caseRecord(id: id).responsibleDeputyID) }
            return try sheet(try caseIDs.map(caseSummary(id:)).sorted(by: CaseSummary.byDueDate))
        }
    }

    /// A chase sheet for every overdue case a department holds (dispatched or acknowledged).
    public func chaseSheet(departmentID: Int64, session: Session) throws -> ChaseSheet {
        try session.require(.actOnCases)
        return try database.read {
            // A deputy chases for their own cases.
            let filter = CaseFilter(departmentID: departmentID, deputyID: session.role == .deputy ? session.deputyID : nil)
            // What the department holds: an unsatisfied case waits on the station, not on it.
            return try sheet(try overdueCases(asOf: today, limit: 100_000, filter: filter).filter { CaseTransition.held.contains($0.status) })
        }
    }

    private func sheet(_ summaries: [CaseSummary]) throws -> ChaseSheet {
        let today = self.today
        let items = try summaries.map { summary in
            let dispatched = try database.scalarString(
                "SELECT max(dispatched_on) FROM dispatches WHERE case_id = ? AND round = ?", [summary.id, summary.round])
            return ChaseSheet.Item(id: summary.id, code: summary.code, title: summary.title, departmentName: summary.departmentName,
                                   dispatchedOn: dispatched.flatMap { Day(iso: $0) }, dueDate: summary.dueDate,
                                   workingDaysOverdue: summary.isOverdue(on: today)
                                       ? summary.dueDate.map { Overdue.workingDays(pastDue: $0, on: today, calendar: calendar) } ?? 0 : 0,
                                   supervisions: summary.supervisions)
        }
        return ChaseSheet(station: station.name, date: today, cases: items)
    }

    /// Hands the sheet's text to `write` and, once written, records in the audit log where it went, as a
    /// directory export does.
    public func exportChaseSheet(_ sheet: ChaseSheet, fileName: String, session: Session, write: ([UInt8]) throws -> Void) throws {
        try session.require(.actOnCases)
        try write(Array(sheet.text.utf8))
        let departments = Set(sheet.cases.map(\.departmentName)).sorted().joined(separator: "、")
        try database.write {
            try audit("chase.export", subject: fileName, detail: "\(departments) \(sheet.cases.count) 件", session: session)
        }
    }
}
