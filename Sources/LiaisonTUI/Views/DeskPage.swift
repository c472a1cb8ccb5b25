import Foundation
import LiaisonCore

/// A line of a detail pane.
public struct DetailLine: Sendable, Equatable {
    public let text: String
    public let role: TextRole

    public init(_ text: String, role: TextRole = .normal) {
        self.text = text
        self.role = role
    }

    static func heading(_ text: String) -> DetailLine { DetailLine(text, role: .header) }
}

/// One of the four screens: a list on the left, details of the selected row on the right.
/// Pages hold what they loaded from the store; the shell draws them; the controller drives them.
protocol DeskPage: AnyObject {
    var id: DeskScreenID { get }
    var columns: [TableColumn] { get }
    /// The rows after the filter.
    var rows: [TableRow] { get }
    var detailTitle: String { get }
    var sortColumn: Int? { get }
    /// The list pane's share of the width, in percent.
    var listShare: Int { get }
    var emptyText: String { get }
    func reload(from store: LiaisonStore) throws
    func detail(at row: Int, from store: LiaisonStore, width: Int) throws -> [DetailLine]
    /// Keeps only rows matching `query` (Chinese substring or pinyin initials); empty shows all.
    func applyFilter(_ query: String)
    /// Whether `reload` loaded only the first part, so the first frame comes at once (as tig shows a log
    /// while it is still reading); the desk calls `completeLoad` when no key is waiting.
    var isPartial: Bool { get }
    func completeLoad(from store: LiaisonStore) throws
    /// The page's own actions (register, call next, …) on the selected row.
    func perform(_ action: Action, row: Int, store: LiaisonStore, session: Session) throws -> PageResponse
}

/// What a page's own action asks of the desk.
enum PageResponse {
    case none
    case message(String, TextRole)
    /// A form or picker takes over; `select` moves the list's selection first.
    case modal(DeskModal, select: Int?)
    /// Asks first; on yes runs `then`, whose result is the message.
    case confirm(ConfirmDialog, then: () throws -> String)
}

extension DeskPage {
    var isPartial: Bool { false }
    func completeLoad(from store: LiaisonStore) throws {}
    func perform(_ action: Action, row: Int, store: LiaisonStore, session: Session) throws -> PageResponse { .none }
    var sortColumn: Int? { nil }
    var emptyText: String { "（无）" }
    var listShare: Int { 62 }
}

/// Filtering shared by every page: a row matches when any of its search keys contains the query,
/// compared in lower case so pinyin initials (zql) and Chinese (张乾林) both work.
struct RowFilter {
    private var keys: [String] = []
    private var query = ""
    /// Indices of the rows that pass, in order.
    private(set) var shown: [Int] = []

    /// New rows were loaded: the current query applies to them.
    mutating func setKeys(_ keys: [String]) {
        self.keys = keys
        apply(query)
    }

    mutating func apply(_ query: String) {
        self.query = query
        shown = RowFilter.indices(keys: keys, query: query)
    }

    /// `initials` are the stored pinyin initials of the row's names (computing them per row is too slow
    /// for a board of a thousand cases).
    static func searchKey(_ texts: [String], initials: [String]) -> String {
        (texts + initials).joined(separator: "\u{1F}").lowercased()
    }

    static func indices(keys: [String], query: String) -> [Int] {
        let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return Array(keys.indices) }
        return keys.indices.filter { keys[$0].contains(needle) }
    }
}
