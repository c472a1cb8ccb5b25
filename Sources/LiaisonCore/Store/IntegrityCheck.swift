import Foundation

/// `PRAGMA quick_check` away from the desk: over a district's gigabyte file it takes seconds, so the desk
/// opens without it and runs it in idle time, on a connection and a thread of its own, at most once a
/// day (and `backup` checks every copy in full). A problem found is shown prominently; nothing is lost.
public final class IntegrityCheck: @unchecked Sendable {
    public enum Outcome: Equatable, Sendable {
        case healthy
        /// What quick_check reported, or why it could not run.
        case problem(String)
    }

    private let lock = NSLock()
    private var finished: Outcome?

    /// Starts checking `path` at once on a background thread.
    public init(path: String) {
        let thread = Thread { [self] in
            let outcome: Outcome
            do {
                let database = try Database(path: path, mode: .readOnly)
                let lines = try database.fetchAll("PRAGMA quick_check") { $0.string(0) }
                outcome = lines == ["ok"] ? .healthy : .problem(lines.prefix(3).joined(separator: "；"))
            } catch {
                outcome = .problem(userMessage(for: error))
            }
            lock.withLock { finished = outcome }
        }
        thread.qualityOfService = .background
        thread.start()
    }

    /// Nil while the check is still running.
    public var outcome: Outcome? { lock.withLock { finished } }
}

extension Database {
    /// The day the last integrity check passed, kept so the desk checks at most once a day.
    public func integrityCheckedOn() throws -> Day? {
        try scalarString("SELECT value FROM settings WHERE key = 'integrity_checked_on'").flatMap { Day(iso: $0) }
    }

    public func noteIntegrityChecked(on day: Day) throws {
        try write {
            try execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('integrity_checked_on', ?)", [day])
        }
    }
}
