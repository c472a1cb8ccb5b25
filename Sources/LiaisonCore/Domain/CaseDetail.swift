/// The case detail's read model: the case with its names, every due date it has had, each dispatch round
/// with its reply and rating, the counts a supervisor asks for, and the whole timeline.
public struct CaseDetail: Sendable {
    public struct DueDateEntry: Hashable, Sendable {
        public let day: Day
        public let setOn: Day
        /// dispatched, extended, recomputed
        public let why: String
        public let provisional: Bool
    }

    public struct Round: Sendable {
        public let round: Int
        public let dispatches: [DispatchEntry]
        public let rating: Rating?
    }

    public let record: CaseRecord
    public let summary: CaseSummary
    /// The resident's phone as lists show it (138****5678), never whole.
    public let maskedPhone: String
    public let dueDates: [DueDateEntry]
    public let rounds: [Round]
    public let supervisions: Int
    public let extensions: Int
    public let swaps: Int
    public let pendingExtension: (proposed: Day, reason: String)?
    public let timeline: [CaseEvent]
}

extension LiaisonStore {
    public func caseSummary(id: Int64) throws -> CaseSummary {
        guard let summary = try database.fetchOne(CaseSummary.select + " WHERE c.id = ?", [id], CaseSummary.init(row:)) else {
            throw DomainError.notFound("该诉求")
        }
        return summary
    }

    public func caseDetail(id: Int64) throws -> CaseDetail {
        try database.read {
            let record = try caseRecord(id: id)
            let dispatches = try self.dispatches(caseID: id)
            let ratings = try database.fetchAll(
                "SELECT round, result, attitude, rated_by, comment FROM ratings WHERE case_id = ? ORDER BY id", [id]
            ) { row in (row.int(0), Rating(result: try row.value(1), attitude: try row.optionalValue(2), ratedBy: try row.value(3),
                                           comment: row.string(4))) }
            let rounds = Set(dispatches.map(\.round)).union(ratings.map(\.0)).sorted().map { round in
                CaseDetail.Round(round: round, dispatches: dispatches.filter { $0.round == round },
                                 rating: ratings.last { $0.0 == round }?.1)
            }
            let dueDates = try dueDateHistory(caseID: id).map {
                CaseDetail.DueDateEntry(day: $0.day, setOn: $0.setOn, why: $0.why, provisional: $0.provisional)
            }
            let timeline = try self.timeline(caseID: id)
            let phone = try record.residentID.flatMap { resident in
                try database.fetchOne("SELECT phone, anonymized_at IS NOT NULL FROM residents WHERE id = ?", [resident]) {
                    PhoneNumber.shown($0.optionalString(0), anonymized: $0.bool(1))
                }
            }
            let summary = try caseSummary(id: id)
            return CaseDetail(record: record, summary: summary, maskedPhone: phone ?? "", dueDates: dueDates, rounds: rounds,
                              supervisions: summary.supervisions,
                              extensions: dueDates.filter { $0.why == "extended" }.count,
                              swaps: dispatches.filter { $0.endedHow == "swapped" }.count,
                              pendingExtension: try pendingExtension(caseID: id), timeline: timeline)
        }
    }
}
