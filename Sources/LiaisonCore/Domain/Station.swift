import Foundation

public struct StationDraft: Sendable {
    public var name: String
    public var kind: StationKind
    public var parentID: Int64?
    public var address: String
    public var phone: String
    public var receptionRule: ReceptionDayRule?

    public init(name: String, kind: StationKind = .street, parentID: Int64? = nil, address: String = "",
                phone: String = "", receptionRule: ReceptionDayRule? = ReceptionDayRule(dayOfMonth: 15)) {
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.address = address
        self.phone = phone
        self.receptionRule = receptionRule
    }
}

public struct Station: Hashable, Sendable {
    public let id: Int64
    public let name: String
    public let kind: StationKind
    public let parentID: Int64?
    public let address: String
    public let phone: String
    public let receptionRule: ReceptionDayRule?

    static func fetch(id: Int64, in database: Database) throws -> Station? {
        try database.fetchOne("""
            SELECT id, name, kind, parent_id, address, phone, reception_day_of_month, reception_tie
            FROM stations WHERE id = ?
            """, [id]) { row in
            let tie: ReceptionDayRule.Tie = try row.value(7)
            return Station(id: row.int64(0), name: row.string(1), kind: try row.value(2), parentID: row.optionalInt64(3),
                           address: row.string(4), phone: row.string(5),
                           receptionRule: row.optionalInt(6).map { ReceptionDayRule(dayOfMonth: $0, tie: tie) })
        }
    }

    static func insert(_ draft: StationDraft, at time: LocalTime, in database: Database) throws -> Int64 {
        let name = try StationSettings.checkedName(draft.name)
        try database.execute("""
            INSERT INTO stations(parent_id, name, kind, address, phone, reception_day_of_month, reception_tie, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [draft.parentID, name, draft.kind, draft.address, draft.phone,
                  draft.receptionRule?.dayOfMonth, draft.receptionRule?.tie ?? .earlier, time])
        return database.lastInsertedRowID
    }
}

extension ReceptionDayRule.Tie: SQLBindable {}

extension LiaisonStore {
    /// A station below this one in the tree (a community point, a studio, a sector station).
    @discardableResult
    public func createStation(_ draft: StationDraft, session: Session) throws -> Int64 {
        try session.require(.manageDirectory)
        return try database.write { try Station.insert(draft, at: clock.now(), in: database) }
    }
}
