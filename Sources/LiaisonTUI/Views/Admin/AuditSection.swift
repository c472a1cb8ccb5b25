import LiaisonCore

/// 审计日志 on the administration screen, for admins: who did what to whom and when, newest first; `/`
/// filters by operator, action or date (2026-11). Nothing here can be changed: the log is append-only.
final class AuditSection: AdminSection {
    private let store: LiaisonStore
    private var session: Session?
    private var byID: [String: AuditEntry] = [:]
    let title = "审计日志"
    let directoryList: DirectoryList? = nil

    init(store: LiaisonStore) {
        self.store = store
    }

    func signedIn(_ session: Session) { self.session = session }

    private var mayRead: Bool { session?.may(.keepRecords) ?? false }

    private(set) lazy var rows = ListDetail(
        columns: [TableColumn("时间", width: 16), TableColumn("操作员", width: 6, elastic: true), TableColumn("操作", width: 8, elastic: true),
                  TableColumn("对象", width: 8, flexible: true, elastic: true)],
        detailTitle: "记录详情", emptyText: "还没有记录") { [unowned self] id in
        id.flatMap { self.byID[$0] }.map(AuditSection.detail(of:)) ?? []
    }

    /// The newest screenfuls at once, the rest when no key waits (a station's years of reveals and edits).
    static let firstPart = 200
    private(set) var loadedAll = false
    var hasMoreToLoad: Bool { mayRead && !loadedAll }

    func loadMore() throws {
        loadedAll = true
        try reload()
    }

    func reload() throws {
        guard let session, mayRead else {
            byID = [:]
            rows.emptyText = session.map { $0.refusal(of: .keepRecords) } ?? ""
            rows.setEntries([])
            return
        }
        let entries = try store.auditLog(limit: loadedAll ? nil : AuditSection.firstPart, session: session)
        loadedAll = loadedAll || entries.count < AuditSection.firstPart
        byID = Dictionary(uniqueKeysWithValues: entries.map { (String($0.id), $0) })
        rows.setEntries(entries.map { entry in
            let when = String(entry.at.stored.prefix(16))
            return .row(String(entry.id), [when, entry.actor, entry.actionLabel, entry.subject],
                        role: entry.action.hasPrefix("signin.") ? .dueSoon : .normal,
                        search: [when, entry.actor, entry.actionLabel, entry.action, entry.subject, entry.detail])
        })
    }

    private static func detail(of entry: AuditEntry) -> [DetailLine] {
        [.heading(entry.actionLabel), DetailLine("时间  \(entry.at.stored)"), DetailLine("操作员  \(entry.actor)"),
         DetailLine("对象  \(entry.subject.isEmpty ? "—" : entry.subject)"), DetailLine("详情  \(entry.detail.isEmpty ? "—" : entry.detail)"),
         DetailLine(""), DetailLine("审计日志只能追加，不能修改或删除。", role: .muted)]
    }

    /// Nothing to add, edit or deactivate: the hint bar offers none of it.
    func offers(_ action: Action) -> Bool { ![.addEntry, .editEntry, .toggleActive].contains(action) }

    func editor(for id: String?, session: Session) throws -> FormSpec? { nil }

    func toggle(id: String, session: Session) throws -> Reaction { .say("审计日志不能修改或删除", .warning) }
}
