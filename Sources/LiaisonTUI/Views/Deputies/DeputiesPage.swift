import Foundation
import LiaisonCore

/// One part of the deputies' screen: a list with its detail and the keys it offers.
protocol DeputySection: AnyObject {
    var title: String { get }
    var rows: ListDetail { get }
    /// Every action of its own, wherever it stands: help lists them, and another section names where they work.
    var actions: Set<Action> { get }
    /// Said beside the title when it fits (applications waiting, deputies behind this month), read however
    /// little of the section is on screen.
    func count() throws -> Int?
    func reload() throws
    var hasMoreToLoad: Bool { get }
    func loadMore() throws
    func handle(_ action: Action, desk: DeskContext) throws -> Reaction?
    /// Whether the section does `action` where it stands now: the hint bar asks.
    func offers(_ action: Action) -> Bool
    var status: DeskMessage? { get }
    func signedIn(_ session: Session)
}

extension DeputySection {
    func count() throws -> Int? { nil }
    var hasMoreToLoad: Bool { false }
    func loadMore() throws {}
    var status: DeskMessage? { rows.status }
    func signedIn(_ session: Session) {}
}

/// How much of a long section is loaded: a district's thousands of deputies show a screenful at once and
/// the rest when no key waits (as the board does); a reload loads as much as was loaded before.
struct FirstPart {
    static let size = 60
    private(set) var loadedAll = false
    var limit: Int { loadedAll ? -1 : FirstPart.size }

    /// After a load that found `shown` lines: fewer than asked for are all there are.
    mutating func loaded(_ shown: Int) { loadedAll = loadedAll || shown < FirstPart.size }
    mutating func loadAll() { loadedAll = true }
}

/// 代表: the deputies and their duty, one section at a time (← → switch): the roster, the duty
/// applications waiting for a supervisor, the year's points ranking, those short of the yearly quota,
/// the duty roster of reception days, and keeping in touch with residents.
final class DeputiesPage: Page {
    let id = DeskScreenID.deputies
    let sections: [DeputySection]
    private(set) var current = 0

    init(store: LiaisonStore) {
        sections = [DeputyListSection(store: store), DutyApplicationsSection(store: store), PointsRankingSection(store: store),
                    QuotaShortfallSection(store: store), DutyRosterSection(store: store), ContactSection(store: store)]
    }

    var section: DeputySection { sections[current] }
    var list: ListDetail? { section.rows }
    var hasMoreToLoad: Bool { section.hasMoreToLoad }
    func loadMore() throws { try section.loadMore() }
    var status: DeskMessage? { section.status }
    func signedIn(_ session: Session) { sections.forEach { $0.signedIn(session) } }
    private var counts: [Int?] = []

    func reload() throws {
        try section.reload()
        counts = try sections.map { try $0.count().flatMap { $0 > 0 ? $0 : nil } }
    }

    /// A section's own keys where it offers them; the keys every list has, always.
    func offers(_ action: Action) -> Bool {
        sections.contains { $0.actions.contains(action) } ? section.actions.contains(action) && section.offers(action) : true
    }
    func listsInHelp(_ action: Action) -> Bool { sections.contains { $0.actions.contains(action) } }

    /// Shows the section titled `title` (the tests, and a message that names one).
    func show(_ title: String) throws {
        guard let index = sections.firstIndex(where: { $0.title == title }) else { return }
        current = index
        try reload()
    }

    func handle(_ action: Action, desk: DeskContext) throws -> Reaction? {
        switch action {
        case .nextSection, .previousSection:
            current = (current + (action == .nextSection ? 1 : -1) + sections.count) % sections.count
            // Switching changes no figure: the counts stay as the last refresh found them.
            try section.reload()
            return .handled
        default:
            if let reaction = try section.handle(action, desk: desk) ?? section.rows.handle(action) { return reaction }
            // Another section's key says where it works, rather than seem to do nothing.
            let elsewhere = sections.filter { $0.actions.contains(action) }.map { "「\($0.title)」" }
            guard !elsewhere.isEmpty, !section.actions.contains(action) else { return nil }
            let label = KeyTable.bindings(on: id).first { $0.action == action }?.label ?? ""
            return .say("\(label)在\(elsewhere.joined(separator: ""))里用（← → 切换）", .muted)
        }
    }

    func prepare(_ body: BodyArea) throws { try section.rows.prepare(body.belowSectionLine) }

    func render(on screen: Screen, body: BodyArea) {
        SectionTabs(labels: sections.indices.map { (sections[$0].title, counts.indices.contains($0) ? counts[$0] : nil) }, current: current,
                    screen: id).render(on: screen, row: body.top, width: body.width)
        section.rows.render(on: screen, body: body.belowSectionLine)
    }
}

/// Where the desk writes what it prints (督办单, 公告, CSV for the 人大工委): beside the database, which the
/// station backs up and knows where to find.
enum BesideDatabase {
    static func path(of file: String, store: LiaisonStore) -> String {
        URL(fileURLWithPath: store.database.path).deletingLastPathComponent().appendingPathComponent(file).path
    }

    /// Writes through a temporary name, so a failed write leaves no half file; what failed is said.
    static func write(_ file: String, store: LiaisonStore, export: (_ path: String, _ write: ([UInt8]) throws -> Void) throws -> Void) throws -> Reaction? {
        let path = path(of: file, store: store)
        do {
            try export(path) { try Data($0).write(to: URL(fileURLWithPath: path), options: .atomic) }
        } catch let error as CocoaError {
            return .say("未能写入 \(path)：\(error.localizedDescription)", .warning)
        }
        return nil
    }

    /// 2026-11-22-0930: the time in a file's name, so a second print does not overwrite the first.
    static func stamp(_ store: LiaisonStore) -> String {
        let now = store.clock.now()
        return "\(now.day.iso)-\(now.clockText.replacingOccurrences(of: ":", with: ""))"
    }
}
