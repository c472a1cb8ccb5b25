import Foundation
import LiaisonCore

/// The desk's router, independent of the terminal: keys come in as `Key`s, frames go out to any `Screen`.
/// It holds the pages and a stack of layers over them. A key goes to the top layer first and down the
/// stack until one handles it (a modal layer keeps the rest), then to the page, then to the keys every
/// screen shares (`Shell`); `terminal` keys work under any layer. What a handler did comes back as a
/// `Reaction`, which the router applies.
public final class DeskController: DeskContext {
    public enum Outcome: Equatable {
        case keepGoing, quit, redraw, suspend
    }

    public let store: LiaisonStore
    /// Who is signed in; until someone is, the sign-in layer covers everything and keeps every key.
    public private(set) var session: Session
    private var pages: [DeskScreenID: Page] = [:]
    public private(set) var current: DeskScreenID
    private(set) var layers: [Layer] = []
    /// What an operator left when another signed in over the lock: their screen, pages and layers (a
    /// half-typed form), given back when they sign in again.
    private var kept: [Int64: (screen: DeskScreenID, pages: [DeskScreenID: Page], layers: [Layer])] = [:]
    /// The clock of the idle lock (tests move it).
    private let now: () -> Date
    private var lastKeyAt: Date
    private var message: DeskMessage?
    private var overview: StationOverview?
    private var integrityProblem: String?
    private var loadProblem: DeskMessage?
    private var frame = DeskFrame(rows: 24, columns: 80)
    /// Whether anything handled the last key: the key table's test presses every binding and asks.
    private(set) var lastKeyWasHandled = false

    /// A desk for `session`, or, without one, on the sign-in layer.
    public init(store: LiaisonStore, session: Session?, start: DeskScreenID = .reception, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.session = session ?? .signedOut
        self.now = now
        lastKeyAt = now()
        current = start
        pages = DeskController.freshPages(store: store)
        if let session {
            pages.values.forEach { $0.signedIn(session) }
        } else {
            layers = [SignInLayer(purpose: .open, operators: (try? store.operators()) ?? [])]
        }
        refresh()
    }

    private static func freshPages(store: LiaisonStore) -> [DeskScreenID: Page] {
        let pages: [Page] = [ReceptionPage(store: store), DeputiesPage(store: store), AgendaPage(store: store), BoardPage(store: store),
                             StatisticsPage(store: store), AdminPage(store: store)]
        return Dictionary(uniqueKeysWithValues: pages.map { ($0.id, $0) })
    }

    /// Whose unsaved work quitting would lose: operators who stepped away from a form, and the one the
    /// lock covers when a form lies beneath it.
    var operatorsWithKeptWork: [String] {
        var ids = Set(kept.filter { !$0.value.layers.isEmpty }.keys)
        if isLocked, layers.count > 1, let id = session.operatorID { ids.insert(id) }
        return ids.isEmpty ? [] : ((try? store.operators()) ?? []).filter { ids.contains($0.id) }.map(\.name)
    }

    /// Whether the sign-in or lock layer is up (the only layers that cover the screen).
    public var isLocked: Bool { layers.last?.coversScreen ?? false }

    /// Locks the desk when no key came for the station's idle minutes.
    public func lockIfIdle() {
        guard !isLocked, now().timeIntervalSince(lastKeyAt) >= Double(idleLockMinutes * 60) else { return }
        lock()
    }

    /// Read with the figures, so a change on another terminal applies within a refresh.
    private var idleLockMinutes = StationSettings.defaultIdleLockMinutes

    private func lock() {
        guard !isLocked else { return }
        layers.append(SignInLayer(purpose: .locked(who: session), operators: (try? store.operators()) ?? []))
    }

    /// The same operator gets back exactly what the lock covered; another gets a fresh desk, and what the
    /// first left is kept for them.
    private func signIn(_ newcomer: Session) {
        layers.removeLast()
        // Before anyone signed in, the session has no id: the first operator is always a newcomer.
        guard newcomer.operatorID != session.operatorID else {
            session = newcomer
            return
        }
        if let previous = session.operatorID { kept[previous] = (current, pages, layers) }
        if let id = newcomer.operatorID, let work = kept.removeValue(forKey: id) {
            (current, pages, layers) = work
        } else {
            layers = []
            pages = DeskController.freshPages(store: store)
            current = newcomer.role == .deputy ? .board : .reception
            pages.values.forEach { $0.signedIn(newcomer) }
        }
        session = newcomer
        refresh()
    }

    /// Every screen has its page: the init above makes one of each.
    var page: Page { pages[current]! }

    /// Reloads the figures and the open page from the store, keeping the selection and what was loaded.
    public func refresh() {
        restFailed = false
        load {
            // The page loads even when the figures cannot; the first failure is the one said.
            var failure: Error?
            // Another terminal may have changed the station's name or reception day, or imported a year's
            // holidays (calendar import), which every screen counts with from now on.
            do {
                try store.reloadStation()
                try store.reloadCalendar()
                overview = try store.overview()
                idleLockMinutes = try store.idleLockMinutes()
            } catch { failure = error }
            do { try page.reload() } catch { failure = failure ?? error }
            if let failure { throw failure }
        }
    }

    /// A page loaded only its first part; the rest comes when no key is waiting (and, when loading it
    /// failed, is tried again at the next refresh rather than in a busy loop).
    public var hasPendingWork: Bool { page.hasMoreToLoad && !restFailed }
    private var restFailed = false

    public func doPendingWork() {
        load { try page.loadMore() }
        restFailed = loadProblem != nil
    }

    /// A load that fails says why until a later one succeeds: on the message line, and in the list,
    /// which would otherwise say it has nothing.
    private func load(_ body: () throws -> Void) {
        do {
            try body()
            loadProblem = nil
        } catch {
            loadProblem = DeskMessage(userMessage(for: error), .warning)
        }
        page.list?.loadFailed = loadProblem != nil
    }

    /// The idle-time integrity check came back; a problem stays on the title line.
    public func integrityChecked(_ outcome: IntegrityCheck.Outcome) {
        switch outcome {
        case .healthy: try? store.database.noteIntegrityChecked(on: store.today)
        case .problem(let details): integrityProblem = details
        }
    }

    // MARK: Keys

    public func handle(_ key: Key) -> Outcome {
        if key == .resize { return .redraw }
        // Nothing is typed blind while the window is too small to show it.
        if frame.isTooSmall { return terminal(key) }
        message = nil
        lastKeyAt = now()
        lastKeyWasHandled = true
        for layer in layers.reversed() {
            if let reaction = layer.handle(key, desk: self) {
                // A box over the page may have changed size or place, over half of a wide character the
                // page drew; ncurses repaints such cells only when told to.
                let outcome = apply(reaction)
                return outcome == .keepGoing && !layers.isEmpty ? .redraw : outcome
            }
            if layer.isModal { return terminal(key) }
        }
        if let binding = KeyTable.binding(for: key, on: current) {
            let action = binding.action
            // What the role may not do is refused before a form opens for nothing.
            if let permission = binding.permission, !session.may(permission) { return apply(.say(session.refusal(of: permission), .warning)) }
            do {
                if let reaction = try page.handle(action, desk: self) ?? Shell.reaction(to: action, desk: self) {
                    return apply(reaction)
                }
            } catch {
                return apply(.say(userMessage(for: error), .warning))
            }
        }
        return terminal(key)
    }

    /// Ctrl-L, Ctrl-Z and Ctrl-X, whatever is on top.
    private func terminal(_ key: Key) -> Outcome {
        guard let action = KeyTable.action(for: key, in: .terminal), let reaction = Shell.reaction(to: action, desk: self) else {
            lastKeyWasHandled = false
            return .keepGoing
        }
        return apply(reaction)
    }

    private func apply(_ reaction: Reaction) -> Outcome {
        let closed = min(reaction.pops, layers.count)
        layers.removeLast(closed)
        if let layer = reaction.push { layers.append(layer) }
        if let newcomer = reaction.signIn {
            signIn(newcomer)
            return .redraw
        }
        if reaction.lock {
            lock()
            return .redraw
        }
        if let text = reaction.message { message = text }
        if let screen = reaction.switchTo, screen != current {
            current = screen
            refresh()
        } else if reaction.reload {
            refresh()
        }
        if let row = reaction.select { page.list?.select(id: row) }
        if let target = reaction.reveal {
            do {
                if let said = try page.reveal(target) { message = said }
            } catch {
                message = DeskMessage(userMessage(for: error), .warning)
            }
        }
        if reaction.quit { return .quit }
        if reaction.suspend { return .suspend }
        // A box opened or closed over wide characters it half covers; ncurses repaints them only when told to.
        if reaction.redraw || closed > 0 || reaction.push != nil { return .redraw }
        return .keepGoing
    }

    // MARK: Drawing

    /// Lays out the page and the layers for the screen's size and loads what the selection needs; then
    /// draws. The application loop and the tests draw through this.
    public func show(on screen: Screen) {
        frame = DeskFrame(rows: screen.rows, columns: screen.columns)
        if !frame.isTooSmall {
            do { try page.prepare(frame.body) } catch { message = DeskMessage(userMessage(for: error), .warning) }
            for layer in layers { layer.prepare(frame.body) }
        }
        render(on: screen)
    }

    /// Draws from state only: the frame, the page, then each layer from the lowest one that is drawn.
    private func render(on screen: Screen) {
        // Start from blank: a closed dialog leaves cells no page would overwrite. ncurses sends the
        // terminal only what changed, so this costs nothing on the wire.
        screen.clear()
        screen.hideCursor()
        guard !frame.isTooSmall else { return DeskFrame.renderTooSmall(on: screen) }
        let firstDrawn = layers.lastIndex { $0.coversScreen }
        if firstDrawn == nil {
            if let overview {
                TitleLine(stationName: store.station.name, overview: overview, operatorName: session.name,
                          problem: integrityProblem).render(on: screen, row: 0)
            }
            frame.renderTabs(on: screen, current: current, badges: Shell.badges(overview))
            page.render(on: screen, body: frame.body)
            let line = message ?? loadProblem ?? page.status
            screen.drawRow(frame.messageRow, line?.text ?? "", role: line?.role ?? .normal)
        }
        for layer in layers[(firstDrawn ?? 0)...] {
            // Only the top layer's cursor shows.
            screen.hideCursor()
            layer.render(on: screen, body: frame.body, messageRow: frame.messageRow)
        }
        // The hint bar offers only what this operator may do here; help lists the rest dimmed.
        let hints = layers.last?.hints ?? KeyTable.hints(on: current).filter { page.offers($0.action) }
        frame.renderHints(on: screen, hints.filter { $0.permission.map(session.may) ?? true })
    }
}
