import Foundation

/// One line of the reception queue, with the names the queue shows.
public struct QueueEntry: Hashable, Sendable {
    public let visit: Visit
    public let residentName: String
    public let maskedPhone: String
    public let categoryName: String
    public let deputyName: String
    public let residentInitials: String

    /// Minutes waited: until called, or until now while still waiting.
    public func minutesWaited(now: LocalTime, calledAt: LocalTime?) -> Int {
        max(0, visit.arrivedAt.seconds(until: calledAt ?? now) / 60)
    }
}

/// A deputy with the figures the roster's detail pane shows.
public struct DeputyProfile: Hashable, Sendable {
    public let deputy: Deputy
    public let openCases: Int
    public let overdueCases: Int
    /// Reception days attended this year, residents received, household visits and points.
    public let dutyThisYear: DutyCredit
    /// What the station asks of a deputy of this level in a year.
    public let quota: AnnualQuota
    public let recentDuty: [DutyLogEntry]
    public let contactAssignments: [ContactAssignment]
}

extension LiaisonStore {
    /// Today's queue with names, in number order.
    public func queueEntries(on day: Day) throws -> [(entry: QueueEntry, calledAt: LocalTime?)] {
        try database.fetchAll("""
            SELECT \(Visit.columns),
                   r.name, r.phone, coalesce(c.name, ''), coalesce(d.name, ''), v.called_at,
                   r.name_initials || ' ' || r.name_initials_alt, r.anonymized_at IS NOT NULL
            FROM visits v
            JOIN residents r ON r.id = v.resident_id
            LEFT JOIN categories c ON c.id = v.category_id
            LEFT JOIN deputies d ON d.id = v.receiving_deputy_id
            WHERE v.station_id = ? AND v.day = ? ORDER BY v.queue_number
            """, [station.id, day]) { row in
            let next = Visit.columnCount
            return (QueueEntry(visit: try Visit(row: row), residentName: row.string(next),
                               // An anonymised resident gave a phone that was removed at their request.
                               maskedPhone: PhoneNumber.shown(row.optionalString(next + 1), anonymized: row.bool(next + 6)),
                               categoryName: row.string(next + 2), deputyName: row.string(next + 3), residentInitials: row.string(next + 5)),
                    try row.optionalLocalTime(next + 4))
        }
    }

    public func deputyProfile(_ deputy: Deputy) throws -> DeputyProfile {
        let open = try database.scalarInt(
            "SELECT count(*) FROM cases WHERE responsible_deputy_id = ? AND status <> 'closed'", [deputy.id]) ?? 0
        let overdue = try Overdue.arguments(on: today).reduce(0) { total, arguments in
            // INDEXED BY: without statistics (a station's file has none) SQLite would walk the overdue
            // index of every deputy instead of this deputy's cases.
            total + (try database.scalarInt(
                "SELECT count(*) FROM cases c INDEXED BY cases_by_deputy WHERE c.responsible_deputy_id = ? AND " + Overdue.condition,
                [deputy.id] + arguments) ?? 0)
        }
        return DeputyProfile(deputy: deputy, openCases: open, overdueCases: overdue,
                             dutyThisYear: try dutyCredit(deputyID: deputy.id, year: today.year),
                             quota: try annualQuota(for: deputy.level), recentDuty: try dutyLog(deputyID: deputy.id),
                             contactAssignments: try contactAssignments(deputyID: deputy.id))
    }
}
