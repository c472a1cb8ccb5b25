import Foundation
import LiaisonCore

/// The desk's state and behaviour, independent of the terminal: keys come in as `Key`s, frames go out
/// to any `Screen`. The application loop feeds it the real terminal; tests feed it a `GridScreen`.
public final class DeskController {
    public enum Outcome: Equatable {
        case keepGoing, quit, redraw, suspend
    }

    enum Overlay {
        case help
        case confirmQuit(ConfirmDialog)
        /// A page's question; on yes `then` runs and its result is the message.
        case confirm(ConfirmDialog, then: () throws -> String)
        case filter(TextField)
        case command(TextField)
    }

    public let store: LiaisonStore
    public let operatorName: String?
    private let pages: [DeskScreenID: DeskPage]
    public private(set) var current: DeskScreenID
    private var tables: [DeskScreenID: TableState] = [:]
    private var detailFocused = false
    private var detailScroll = 0
    private var overlay: Overlay?
    /// A form or picker over the page, which takes the keys until it closes.
    private var modal: DeskModal?
    private var message: (text: String, role: TextRole)?
    private var filters: [DeskScreenID: String] = [:]
    private var overview: StationOverview?
    private var detailCache: (key: String, lines: [DetailLine])?
    private var pageHeight = 10
    private var generation = 0

    public init(store: LiaisonStore, operatorName: String? = nil, start: DeskScreenID = .reception) {
        self.store = store
        self.operatorName = operatorName
        current = start
        let all: [DeskPage] = [ReceptionPage(), RosterPage(), AgendaPage(), BoardPage()]
        pages = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        refresh()
    }

    private var page: DeskPage { pages[current]! }
    private var table: TableState {
        get { tables[current] ?? TableState() }
        set { tables[current] = newValue }
    }

    /// Reloads the figures and the current page from the store.
    public func refresh() {
        do {
            overview = try store.overview()
            try page.reload(from: store)
            generation += 1
        } catch {
            show(error)
        }
    }

    /// A page loaded only its first part and the rest is still to come.
    public var hasPendingWork: Bool { page.isPartial }

    /// Loads the rest of a partly loaded page; the selection stays where it was.
    public func doPendingWork() {
        do {
            try page.completeLoad(from: store)
            generation += 1
        } catch {
            show(error)
        }
    }

    private func show(_ error: Error) {
        message = (userMessage(for: error), .warning)
    }

    private func switchTo(_ id: DeskScreenID) {
        guard id != current else { return }
        current = id
        detailFocused = false
        detailScroll = 0
        refresh()
        table.select(table.selected, rows: page.rows)
    }

    // MARK: Keys

    private var session: Session { operatorName.map { Session(name: $0, role: .clerk) } ?? .workstation }

    public func handle(_ key: Key) -> Outcome {
        if key == .resize { return .redraw }
        if let modal {
            // Redraw and suspend work everywhere; every other key belongs to the form.
            if let action = KeyTable.action(for: key, on: current), action == .redraw || action == .suspend {
                return perform(action)
            }
            if case .close(let text) = modal.handle(key) {
                self.modal = nil
                refresh()
                message = text.map { ($0, .normal) }
            }
            return .keepGoing
        }
        if let overlay { return handle(key, in: overlay) }
        message = nil
        guard let action = KeyTable.action(for: key, on: current) else { return .keepGoing }
        return perform(action)
    }

    private func perform(_ action: Action) -> Outcome {
        let rows = page.rows
        switch action {
        case .showReception: switchTo(.reception)
        case .showRoster: switchTo(.roster)
        case .showAgenda: switchTo(.agenda)
        case .showBoard: switchTo(.board)
        case .nextPane: detailFocused.toggle()
        case .moveDown, .moveUp, .pageDown, .pageUp:
            let step = action == .moveDown || action == .moveUp ? 1 : max(1, pageHeight - 1)
            let delta = action == .moveDown || action == .pageDown ? step : -step
            if detailFocused {
                detailScroll = max(0, detailScroll + delta)
            } else {
                table.move(by: delta, rows: rows)
                detailScroll = 0
            }
        case .first:
            if detailFocused { detailScroll = 0 } else { table.select(0, rows: rows); detailScroll = 0 }
        case .last:
            if !detailFocused { table.select(rows.count - 1, rows: rows); detailScroll = 0 }
        case .open:
            if !rows.isEmpty { detailFocused = true }
        case .back:
            if detailFocused {
                detailFocused = false
            } else if filters[current] != nil {
                setFilter(nil)
            }
        case .filter: overlay = .filter(TextField(text: filters[current] ?? "", limit: 40))
        case .command: overlay = .command(TextField(limit: 40))
        case .help: overlay = .help
        case .quit:
            // q leaves a view first: the detail pane, then a filter; on the top level it asks.
            if detailFocused {
                detailFocused = false
            } else if filters[current] != nil {
                setFilter(nil)
            } else {
                overlay = .confirmQuit(ConfirmDialog("确定退出工作台吗？", yes: "退出", no: "留在工作台"))
            }
        case .redraw:
            refresh()
            return .redraw
        case .suspend: return .suspend
        case .cycleSort:
            if let roster = page as? RosterPage {
                message = (roster.cycleSort(), .normal)
                table.select(0, rows: page.rows)
            }
        case .nextOverdue:
            if let board = page as? BoardPage {
                if let next = board.nextOverdue(after: table.selected) {
                    table.select(next, rows: rows)
                    detailScroll = 0
                } else {
                    message = ("没有逾期的诉求", .normal)
                }
            }
        case .registerVisit, .callNext, .handToDeputy, .answerOnSpot, .openCase, .refer, .markLeft:
            performOnPage(action)
        case .nextField, .previousField, .save, .cancel, .confirm, .decline:
            break
        }
        return .keepGoing
    }

    private func performOnPage(_ action: Action) {
        do {
            switch try page.perform(action, row: table.selected, store: store, session: session) {
            case .none: break
            case .message(let text, let role): message = (text, role)
            case .modal(let view, let select):
                if let select { table.select(select, rows: page.rows) }
                modal = view
            case .confirm(let dialog, let then): overlay = .confirm(dialog, then: then)
            }
        } catch {
            show(error)
        }
    }

    private func setFilter(_ query: String?) {
        filters[current] = query?.isEmpty == true ? nil : query
        page.applyFilter(filters[current] ?? "")
        table.select(0, rows: page.rows)
        detailScroll = 0
    }

    private func handle(_ key: Key, in overlay: Overlay) -> Outcome {
        switch overlay {
        case .help:
            self.overlay = nil
        case .confirmQuit(let dialog):
            guard let yes = dialog.answer(to: key) else { return .keepGoing }
            self.overlay = nil
            if yes { return .quit }
            message = ("已取消退出", .muted)
        case .confirm(let dialog, let then):
            guard let yes = dialog.answer(to: key) else { return .keepGoing }
            self.overlay = nil
            guard yes else { return .keepGoing }
            do {
                message = (try then(), .normal)
            } catch {
                show(error)
            }
            refresh()
        case .filter(var field):
            switch key {
            case .enter:
                self.overlay = nil
                message = filters[current].map { ("筛选「\($0)」：\(page.rows.filter { !$0.isHeading }.count) 条，Esc 清除", .normal) }
            case .escape:
                self.overlay = nil
                setFilter(nil)
            default:
                guard field.handle(key) else { return .keepGoing }
                setFilter(field.text)
                self.overlay = .filter(field)
                if field.overflowed { message = ("筛选条件最多 \(field.limit) 个字", .warning) }
            }
        case .command(var field):
            switch key {
            case .enter:
                self.overlay = nil
                return run(command: field.text.trimmingCharacters(in: .whitespaces))
            case .escape:
                self.overlay = nil
            default:
                if field.handle(key) { self.overlay = .command(field) }
            }
        }
        return .keepGoing
    }

    /// The `:` command line: `q`, `help`, a screen's number or name, `refresh`.
    private func run(command: String) -> Outcome {
        switch command {
        case "q", "quit", "退出": return .quit
        case "help", "h", "帮助": overlay = .help
        case "refresh", "刷新": refresh()
        case "": break
        default:
            if let id = DeskScreenID.allCases.first(where: { "\($0.rawValue)" == command || $0.title == command }) {
                switchTo(id)
            } else {
                message = ("未知命令：\(command)（可用 q、help、refresh、1-4 或 接待/代表/议程/督办）", .warning)
            }
        }
        return .keepGoing
    }

    // MARK: Drawing

    public func render(on screen: Screen) {
        // Start from blank: a dialog or a form leaves cells no page would overwrite. ncurses sends the
        // terminal only what changed, so this costs nothing on the wire.
        screen.clear()
        screen.hideCursor()
        guard !DeskShell.isTooSmall(screen) else {
            DeskShell.renderTooSmall(on: screen)
            return
        }
        let layout = DeskShell.Layout(rows: screen.rows, columns: screen.columns, listShare: page.listShare)
        pageHeight = layout.bodyHeight - 1
        if let overview {
            TitleLine(stationName: store.station.name, overview: overview, operatorName: operatorName).render(on: screen, row: 0)
        }
        DeskShell.renderTabs(on: screen, current: current, badges: badges)
        if let modal {
            modal.render(on: screen, layout: layout)
            return
        }
        let rows = page.rows
        // Reloads and filters change the rows; the selection always lands on a case, never a heading.
        table.select(table.selected, rows: rows)
        let tableView = Table(columns: page.columns, rows: rows, sortColumn: page.sortColumn)
        table = tableView.render(on: screen, top: layout.bodyTop, left: 0, height: layout.bodyHeight, width: layout.listWidth,
                                 state: table, focused: !detailFocused, emptyText: filters[current] == nil ? page.emptyText : "没有符合筛选条件的记录")
        DeskShell.renderDivider(on: screen, layout: layout)
        let lines = detailLines(width: layout.detailWidth)
        detailScroll = min(detailScroll, max(0, lines.count - (layout.bodyHeight - 1)))
        DeskShell.renderDetail(on: screen, layout: layout, title: page.detailTitle, lines: lines, scroll: detailScroll,
                               focused: detailFocused)
        renderMessageLine(on: screen, layout: layout)
        switch overlay {
        case .confirmQuit(let dialog)?, .confirm(let dialog, _)?:
            DeskShell.renderHints(on: screen, row: layout.hintRow, KeyTable.hints(in: .dialog))
            dialog.render(on: screen, top: layout.bodyTop, available: layout.bodyHeight)
        default:
            DeskShell.renderHints(on: screen, row: layout.hintRow, KeyTable.hints(on: current))
            if case .help? = overlay {
                DeskShell.renderHelp(on: screen, layout: layout, title: current.title, bindings: KeyTable.bindings(on: current))
            }
        }
    }

    /// Counts on the tab line where they help: people waiting, cases overdue.
    private var badges: [DeskScreenID: String] {
        var badges: [DeskScreenID: String] = [:]
        if let waiting = overview?.waiting, waiting > 0 { badges[.reception] = "等候\(waiting)" }
        if let overdue = overview?.overdue, overdue > 0 { badges[.board] = "逾期\(overdue)" }
        return badges
    }

    private func detailLines(width: Int) -> [DetailLine] {
        let key = "\(current.rawValue)/\(table.selected)/\(width)/\(generation)/\(filters[current] ?? "")"
        if let cache = detailCache, cache.key == key { return cache.lines }
        do {
            let lines = try page.detail(at: table.selected, from: store, width: width)
            detailCache = (key, lines)
            return lines
        } catch {
            show(error)
            return []
        }
    }

    private func renderMessageLine(on screen: Screen, layout: Layout) {
        switch overlay {
        case .filter(let field)?, .command(let field)?:
            let prompt: String
            if case .filter? = overlay { prompt = "筛选 /" } else { prompt = ":" }
            let (text, cursor) = field.visible(width: screen.columns - prompt.displayWidth - 1)
            screen.drawRow(layout.messageRow, prompt + text)
            screen.placeCursor(row: layout.messageRow, column: prompt.displayWidth + cursor)
        default:
            if let message {
                screen.drawRow(layout.messageRow, message.text, role: message.role)
            } else if let query = filters[current] {
                screen.drawRow(layout.messageRow, "筛选：\(query)（Esc 清除）", role: .muted)
            } else {
                screen.drawRow(layout.messageRow, "")
            }
        }
    }

    typealias Layout = DeskShell.Layout
}
