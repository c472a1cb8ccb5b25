import LiaisonCore

/// One part of the administration screen: a list (or the settings) with its own form.
protocol AdminSection: AnyObject {
    var title: String { get }
    var rows: ListDetail { get }
    /// The list it keeps, whose rows in use the section line counts; nil for the settings.
    var directoryList: DirectoryList? { get }
    func reload() throws
    /// Whether part of the rows is still to come; loaded when no key waits.
    var hasMoreToLoad: Bool { get }
    func loadMore() throws
    /// The form for a new row (id nil) or for the row `id`; nil when the section has no such form.
    func editor(for id: String?, session: Session) throws -> FormSpec?
    /// Deactivates or brings back the row `id`.
    func toggle(id: String, session: Session) throws -> Reaction
    /// The operator the screen is now for (the audit log is an admin's).
    func signedIn(_ session: Session)
    /// Whether the section does `action` at all (the settings add nothing): the hint bar asks.
    func offers(_ action: Action) -> Bool
}

extension AdminSection {
    func signedIn(_ session: Session) {}
    func offers(_ action: Action) -> Bool { true }
}

/// 管理: the station's lists and settings, one section at a time (← → switch): deputies, legal
/// officers, departments, categories, the station's settings, the points rules, its operators and the audit log. `a` adds, Enter or `e` edits, `d`
/// deactivates or brings back; nothing is ever deleted.
final class AdminPage: Page {
    let id = DeskScreenID.admin
    private let store: LiaisonStore
    let sections: [AdminSection]
    private(set) var current = 0

    init(store: LiaisonStore) {
        self.store = store
        sections = DirectoryList.allCases.map { DirectorySection(list: $0, store: store) }
            + [SettingsSection(store: store), PointRuleSection(store: store), OperatorSection(store: store), AuditSection(store: store)]
    }

    func signedIn(_ session: Session) { sections.forEach { $0.signedIn(session) } }

    func offers(_ action: Action) -> Bool { section.offers(action) }

    var section: AdminSection { sections[current] }
    var list: ListDetail? { section.rows }
    var hasMoreToLoad: Bool { section.hasMoreToLoad }
    func loadMore() throws { try section.loadMore() }

    /// Rows in use per list, for the section line: counted, not loaded, so a district's roster costs nothing.
    private var counts: [DirectoryList: Int] = [:]

    func reload() throws {
        counts = try store.activeCounts()
        try section.reload()
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .nextSection, .previousSection:
            current = (current + (action == .nextSection ? 1 : -1) + sections.count) % sections.count
            try reload()
            return .handled
        case .addEntry:
            guard let spec = try section.editor(for: nil, session: desk.session) else { return .say("\(section.title)不能添加", .warning) }
            return .push(try FormLayer(spec: spec, share: section.rows.share))
        case .editEntry:
            guard let id = section.rows.selectedID else { return .say("先选中一行", .warning) }
            guard let spec = try section.editor(for: id, session: desk.session) else { return nil }
            return .push(try FormLayer(spec: spec, share: section.rows.share))
        case .toggleActive:
            guard let id = section.rows.selectedID else { return .say("先选中一行", .warning) }
            return try section.toggle(id: id, session: desk.session)
        default:
            return section.rows.handle(action)
        }
    }

    func prepare(_ body: BodyArea) throws { try section.rows.prepare(body.belowSectionLine) }

    func render(on screen: Screen, body: BodyArea) {
        SectionTabs(labels: sections.map { ($0.title, $0.directoryList.flatMap { counts[$0] }) }, current: current, screen: id)
            .render(on: screen, row: body.top, width: body.width)
        section.rows.render(on: screen, body: body.belowSectionLine)
    }
}
