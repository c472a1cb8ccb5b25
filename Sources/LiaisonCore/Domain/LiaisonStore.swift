/// Why a domain operation was refused; the message is for the person at the keyboard.
public enum DomainError: UserFacingError, Equatable {
    case noStation
    case stationAlreadyExists(String)
    case notFound(String)
    case invalid(String)
    /// `passed`: the case has gone beyond the step (已交办), rather than not reached it (尚未交办).
    case wrongStatus(action: String, status: CaseStatus, passed: Bool = false)
    case changedElsewhere(String)
    /// What a form was opened on changed on another terminal before it was saved.
    case changedOnAnotherTerminal(String)
    /// A visit another terminal changed a moment ago; the text says what it is now.
    case visitChanged(String)
    case reasonRequired(String)

    public var userMessage: String {
        switch self {
        case .noStation: return "数据库中还没有联络站，请先运行 liaison-desk init"
        case .stationAlreadyExists(let name): return "数据库已建好联络站「\(name)」"
        case .notFound(let what): return "找不到\(what)"
        case .invalid(let reason): return reason
        case .wrongStatus(let action, let status, let passed):
            return "不能\(action)：" + (passed ? "该诉求\(status.label)" : status.standing)
        case .changedElsewhere(let code): return "该事项（\(code)）已被他人修改，请刷新后重试"
        case .changedOnAnotherTerminal(let what):
            return "\(what)刚在另一终端改过：按 Esc 关闭，重新打开再改"
        case .visitChanged(let what): return what
        case .reasonRequired(let action): return "\(action)须写明理由"
        }
    }
}

/// The station's records and workflows over one database connection.
/// Every write is one transaction; "today" comes from the injected clock.
public final class LiaisonStore {
    public let database: Database
    public let clock: Clock
    public private(set) var station: Station
    public private(set) var calendar: WorkingCalendar

    /// Opens the desk on the station recorded in the database.
    public init(database: Database, clock: Clock = SystemClock()) throws {
        self.database = database
        self.clock = clock
        guard let stationID = try database.scalarInt("SELECT value FROM settings WHERE key = 'station_id'"),
              let station = try Station.fetch(id: Int64(stationID), in: database) else {
            throw DomainError.noStation
        }
        self.station = station
        self.calendar = try WorkingCalendar.load(from: database)
    }

    /// Creates the desk's own station in a freshly initialized database, with `categories` (the shipped
    /// default list for a real station; 其他 is always there).
    @discardableResult
    public static func initialize(database: Database, clock: Clock = SystemClock(), station draft: StationDraft,
                                  categories: [CategoryDraft] = []) throws -> LiaisonStore {
        try database.write {
            if let existing = try database.scalarString(
                "SELECT name FROM stations WHERE id = (SELECT value FROM settings WHERE key = 'station_id')") {
                throw DomainError.stationAlreadyExists(existing)
            }
            let id = try Station.insert(draft, at: clock.now(), in: database)
            try database.execute("INSERT INTO settings(key, value) VALUES ('station_id', ?)", [id])
            for (index, category) in categories.enumerated() {
                let category = try category.validated()
                try database.execute("""
                    INSERT INTO categories(name, default_due_working_days, position) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING
                    """, [category.name, category.dueWorkingDays, index + 1])
            }
        }
        return try LiaisonStore(database: database, clock: clock)
    }

    /// The categories a new station starts with (`Resources/categories/default.csv`).
    public static func defaultCategories() throws -> [CategoryDraft] {
        let file = ShippedResources.directory.appendingPathComponent("categories/default.csv").path
        let sheet = try SheetRows<CategoryDraft>(CSV.parse(SheetText(decoding: SheetFile.read(file)).text))
        let context = SheetContext(areaCode: nil, departmentIDs: [:], departmentNames: [:])
        return try sheet.rows.map { try CategoryDraft.parse($0.cells, over: nil, context: context) }
    }

    public var today: Day { clock.today }

    /// Re-reads the station after its settings changed (here or on another terminal).
    public func reloadStation() throws {
        guard let station = try Station.fetch(id: station.id, in: database) else { throw DomainError.noStation }
        self.station = station
    }

    /// Re-reads the holiday calendar after an admin imported a year.
    public func reloadCalendar() throws { calendar = try WorkingCalendar.load(from: database) }

    /// Imports one year's holiday schedule, replacing what the database had for that year.
    public func importCalendar(_ schedule: HolidaySchedule, session: Session) throws {
        try session.require(.manageDirectory)
        try database.write {
            try schedule.save(into: database)
            try audit("calendar.import", subject: "\(schedule.year)", detail: schedule.source, session: session)
        }
        try reloadCalendar()
    }

    /// The reception day on or after today, by the station's rule.
    /// The first reception day from today, the station's added and moved days included.
    public var nextReceptionDay: Day? {
        (try? receptionDays(from: today, through: today.adding(days: 70)))?.first?.day
    }

    public func isReceptionDay(_ day: Day) -> Bool {
        (try? receptionDays(from: day, through: day))?.isEmpty == false
    }

    /// A backup of the whole file (see `Database.backup`), audited with where it went in the transaction
    /// that gives it its name.
    public func backup(to destination: String, session: Session) throws {
        try session.require(.keepRecords)
        try database.backup(to: destination) { publish in
            try database.write {
                try audit("backup", subject: destination, session: session)
                try publish()
            }
        }
    }

    /// Appends to the audit log (which refuses updates and deletes).
    public func audit(_ action: String, subject: String, detail: String = "", session: Session) throws {
        try database.execute(
            "INSERT INTO audit_log(at, operator_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [clock.now(), session.operatorID, session.name, action, subject, detail])
    }
}
