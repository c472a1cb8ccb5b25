import LiaisonCore

/// A line for the message row: what happened, in Chinese.
public struct DeskMessage: Equatable, Sendable {
    public let text: String
    public let role: TextRole

    public init(_ text: String, _ role: TextRole = .normal) {
        self.text = text
        self.role = role
    }
}

/// What must happen after a key was handled (htop's reaction flags): the desk applies it, instead of
/// refreshing everything after every key.
struct Reaction {
    /// Layers to take off the top of the stack (the one that handled the key, and those it answers for).
    var pops = 0
    var push: Layer?
    var message: DeskMessage?
    /// Something was written: reload the figures and the page, keeping the selection.
    var reload = false
    var redraw = false
    var quit = false
    var suspend = false
    var switchTo: DeskScreenID?
    /// The row the page should select once it has reloaded.
    var select: String?
    /// Something the page switched to should bring into view and open (a deputy's case, by its id, on the board).
    var reveal: String?
    /// Someone signed in (on the sign-in or lock layer).
    var signIn: Session?
    /// Lock the desk now (the switch key): the lock layer goes over everything.
    var lock = false

    /// Handled, nothing more to do.
    static var handled: Reaction { Reaction() }
    /// The layer is done.
    static var close: Reaction { Reaction(pops: 1) }

    static func push(_ layer: Layer) -> Reaction { Reaction(push: layer) }
    static func say(_ text: String, _ role: TextRole = .normal) -> Reaction { Reaction(message: DeskMessage(text, role)) }
    /// Something was written and the message says what.
    static func saved(_ text: String) -> Reaction { Reaction(message: DeskMessage(text), reload: true) }

    /// The same, with `count` more layers taken off (a question that closes the form it asked for).
    func popping(_ count: Int) -> Reaction {
        var reaction = self
        reaction.pops += count
        return reaction
    }
}

/// What a layer or a page may ask of the desk while handling a key.
protocol DeskContext: AnyObject {
    var store: LiaisonStore { get }
    var session: Session { get }
    var current: DeskScreenID { get }
    var page: Page { get }
    /// Operators who stepped away with something half-typed, kept for when they sign in again.
    var operatorsWithKeptWork: [String] { get }
}

/// The rectangle below the tab line and above the message line, where pages and layers draw.
struct BodyArea: Equatable {
    let top: Int
    let height: Int
    let width: Int
}

/// Something pushed over the page: help, a question, the filter or `:` line, a form, a picker; later
/// sign-in and the idle lock. The desk gives a key to the top layer first and down the stack until one
/// handles it; a modal layer keeps the rest for itself.
protocol Layer: AnyObject {
    /// Keys it leaves go no further down (every layer here so far).
    var isModal: Bool { get }
    /// Hides everything beneath it (sign-in, the idle lock): nothing below is drawn.
    var coversScreen: Bool { get }
    /// Draws over the message line itself (the prompts).
    var ownsMessageLine: Bool { get }
    /// The key scopes it answers to, most specific first: help shows them.
    var keyScopes: [KeyScope] { get }
    /// The hint bar while it is on top: its first scope's hints unless it names its answers itself.
    var hints: [KeyBinding] { get }
    /// Nil when it does not handle the key.
    func handle(_ key: Key, desk: DeskContext) -> Reaction?
    /// Lays itself out for the body before drawing (text scrolled into view); no drawing here.
    func prepare(_ body: BodyArea)
    /// Draws from its state; reads only.
    func render(on screen: Screen, body: BodyArea, messageRow: Int)
}

extension Layer {
    var isModal: Bool { true }
    var coversScreen: Bool { false }
    var ownsMessageLine: Bool { false }
    var hints: [KeyBinding] { KeyTable.hints(in: keyScopes[0]) }
    func prepare(_ body: BodyArea) {}
}

/// One of the main screens. A page handles its own actions (the router never asks what kind of page it is),
/// loads its data when asked, and draws itself into the body.
protocol Page: AnyObject {
    var id: DeskScreenID { get }
    /// Loads (again) what the page shows, keeping what was already loaded and the selection.
    func reload() throws
    /// Whether part of the data is still to come (the board's long groups); loaded when no key waits.
    var hasMoreToLoad: Bool { get }
    func loadMore() throws
    /// The page's answer to an action of its screen or of every screen; nil leaves it to the desk.
    func handle(_ action: Action, desk: DeskContext) throws -> Reaction?
    /// Lays out for the body and loads what the selection needs (the detail) before drawing.
    func prepare(_ body: BodyArea) throws
    func render(on screen: Screen, body: BodyArea)
    /// What the message line says when nothing happened (the filter in force).
    var status: DeskMessage? { get }
    /// The operator the desk is now for (a deputy's board shows their own cases first).
    func signedIn(_ session: Session)
    /// Whether the page does `action` where it stands now (the hint bar shows only what it does).
    func offers(_ action: Action) -> Bool
    /// Whether help lists `action`: what the page offers, and what it offers elsewhere on the page.
    func listsInHelp(_ action: Action) -> Bool
    /// The list the filter prompt works on, if the page is a list.
    var list: ListDetail? { get }
    /// Brings `id` into view and opens it (another page asked, `Reaction.reveal`); what to say about it.
    func reveal(_ id: String) throws -> DeskMessage?
}

extension Page {
    var hasMoreToLoad: Bool { false }
    func loadMore() throws {}
    func signedIn(_ session: Session) {}
    func offers(_ action: Action) -> Bool { true }
    func listsInHelp(_ action: Action) -> Bool { offers(action) }
    var status: DeskMessage? { list?.status }
    func reveal(_ id: String) throws -> DeskMessage? { nil }
}
