import CNcursesw
import Foundation

/// Why the terminal cannot host the desk.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
}

/// The real terminal through ncursesw.
public final class NcursesScreen: Screen {
    private let colorEnabled: Bool
    private var attributes: [TextRole: attr_t] = [:]
    private var decoder = UTF8Decoder()

    /// Sets the locale from the environment, refuses a terminal that is not UTF-8, and starts curses.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        let codeset = String(cString: liaison_codeset())
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw TerminalError(description: "终端字符集是 \(codeset)，不是 UTF-8；请设置 LANG=zh_CN.UTF-8 或 C.UTF-8 后再启动")
        }
        // Esc must answer at once: the default waits a second to see whether an escape sequence follows.
        setenv("ESCDELAY", "25", 0)
        guard initscr() != nil else { throw TerminalError(description: "无法初始化终端（TERM=\(environment["TERM"] ?? "")）") }
        raw()
        noecho()
        nonl()
        keypad(liaison_stdscr(), true)
        curs_set(0)
        let wantsColor = environment["NO_COLOR"].map(\.isEmpty) ?? true
        colorEnabled = wantsColor && has_colors()
        if colorEnabled {
            start_color()
            use_default_colors()
        }
        attributes = NcursesScreen.makeAttributes(color: colorEnabled)
        // The terminal marks a paste with these, once asked to (bracketed paste); ncurses reports them as
        // keys of their own.
        define_key("\u{1B}[200~", NcursesScreen.pasteStart)
        define_key("\u{1B}[201~", NcursesScreen.pasteEnd)
        // Home and End as tmux, screen and rxvt send them, whatever TERM's entry says.
        for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH"] { define_key(sequence, KEY_HOME) }
        for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] { define_key(sequence, KEY_END) }
        NcursesScreen.bracketedPaste(on: true)
    }

    private static let pasteStart = KEY_MAX + 1
    private static let pasteEnd = KEY_MAX + 2

    /// Asks the terminal to mark pastes (a terminal without the mode ignores the request).
    private static func bracketedPaste(on: Bool) {
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Colour pairs for each role, or bold/reverse/underline in monochrome (and under NO_COLOR).
    private static func makeAttributes(color: Bool) -> [TextRole: attr_t] {
        let bold = liaison_a_bold(), reverse = liaison_a_reverse(), underline = liaison_a_underline()
        guard color else {
            return [.normal: 0, .title: reverse, .tab: 0, .activeTab: reverse | bold, .header: underline | bold,
                    .selected: reverse, .overdue: bold | underline, .dueSoon: bold, .muted: liaison_a_dim(),
                    .warning: bold | reverse, .hintKey: reverse, .hint: 0, .input: underline]
        }
        let pairs: [(TextRole, Int16, Int16, attr_t)] = [
            (.title, Int16(COLOR_WHITE), Int16(COLOR_BLUE), bold),
            (.tab, -1, -1, 0),
            (.activeTab, Int16(COLOR_BLACK), Int16(COLOR_CYAN), bold),
            (.header, Int16(COLOR_CYAN), -1, bold),
            (.selected, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0),
            (.overdue, Int16(COLOR_RED), -1, bold),
            (.dueSoon, Int16(COLOR_YELLOW), -1, bold),
            (.muted, Int16(COLOR_BLUE), -1, 0),
            (.warning, Int16(COLOR_WHITE), Int16(COLOR_RED), bold),
            (.hintKey, Int16(COLOR_BLACK), Int16(COLOR_CYAN), 0),
            (.hint, -1, -1, 0),
            (.input, -1, -1, underline),
        ]
        var result: [TextRole: attr_t] = [.normal: 0]
        for (index, (role, foreground, background, extra)) in pairs.enumerated() {
            let pair = Int16(index + 1)
            init_pair(pair, foreground, background)
            result[role] = liaison_color_pair(pair) | extra
        }
        return result
    }

    public var rows: Int { Int(getmaxy(liaison_stdscr())) }
    public var columns: Int { Int(getmaxx(liaison_stdscr())) }

    public func clear() { erase() }

    public func draw(row: Int, column: Int, _ text: String, role: TextRole) {
        guard row >= 0, row < rows, column >= 0, column < columns else { return }
        // Clip by display width so addstr never wraps; the last cell of the last row is never written,
        // because writing it scrolls some terminals.
        var limit = columns - column
        if row == rows - 1 { limit -= 1 }
        let clipped = text.clipped(to: limit).drawable
        attrset(Int32(bitPattern: attributes[role] ?? 0))
        mvaddstr(Int32(row), Int32(column), clipped)
        attrset(0)
    }

    public func drawRule(row: Int, column: Int, length: Int, role: TextRole) {
        attrset(Int32(bitPattern: attributes[role] ?? 0))
        mvhline(Int32(row), Int32(column), liaison_acs_hline(), Int32(max(0, min(length, columns - column))))
        attrset(0)
    }

    public func drawVerticalRule(column: Int, top: Int, height: Int, role: TextRole) {
        attrset(Int32(bitPattern: attributes[role] ?? 0))
        mvvline(Int32(top), Int32(column), liaison_acs_vline(), Int32(max(0, min(height, rows - top))))
        attrset(0)
    }

    /// Where the cursor goes once the frame is drawn: drawing anything after the field (the hint bar)
    /// moves ncurses' cursor, so it is placed last, in `present`.
    private var cursor: (row: Int32, column: Int32)?

    public func placeCursor(row: Int, column: Int) {
        cursor = (Int32(row), Int32(column))
    }

    public func hideCursor() { cursor = nil }

    private var cursorVisible = false

    public func present() {
        if let cursor { move(cursor.row, cursor.column) }
        if cursorVisible != (cursor != nil) {
            cursorVisible = cursor != nil
            curs_set(cursorVisible ? 1 : 0)
        }
        refresh()
    }

    /// Forces a full repaint on the next refresh (Ctrl-L, return from Ctrl-Z).
    public func invalidate() { clearok(liaison_stdscr(), true) }

    /// The next key, or nil when `timeout` milliseconds pass. Bytes are read one at a time with a timeout
    /// and decoded here, so an invalid UTF-8 byte is dropped and the keys after it still arrive.
    public func nextKey(timeout milliseconds: Int32) -> Key? {
        // Keys that came in the same read as the end of a paste go first, in order.
        if let key = nextUnreadKey() { return key }
        timeout(milliseconds)
        while true {
            let code = getch()
            if code == ERR {
                decoder.reset()
                return nil
            }
            if code == NcursesScreen.pasteStart { return readPaste(head: []) }
            if code >= 256 {
                // A key code the desk has no name for is skipped, not taken for a timeout.
                guard let key = NcursesScreen.decode(keyCode: code) else { continue }
                return key
            }
            guard let scalar = decoder.feed(UInt8(truncatingIfNeeded: code)) else {
                // The rest of a character follows at once; do not wait long for it.
                timeout(50)
                continue
            }
            if let key = NcursesScreen.key(for: scalar) { return key }
        }
    }

    /// A key for one decoded character; nil for a control character that means nothing here.
    private static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: .tab
        case 10, 13: .enter
        case 27: .escape
        case 8, 127: .backspace
        case 1...26: .control(Character(Unicode.Scalar(UInt8(scalar.value) + 96)))
        case 0..<32: nil
        default: .character(Character(scalar))
        }
    }

    private static let endMarker = Array("\u{1B}[201~".utf8)
    /// Bytes read past a paste's end marker: keys typed just after it, perhaps another paste.
    private var unread: [UInt8] = []

    /// The next key among `unread`. ncurses cannot decode bytes given back to it (ungetch returns them
    /// raw), so Esc sequences are looked up in its table of key strings here.
    private func nextUnreadKey() -> Key? {
        while !unread.isEmpty {
            if unread[0] == 0x1B {
                // The shortest sequence ncurses knows as a key (key_defined also answers for a string that
                // merely starts with one), else Esc alone.
                let known = (2...max(2, min(unread.count, 8))).lazy.compactMap { length -> (Int, Int32)? in
                    let code = key_defined(String(decoding: self.unread.prefix(length), as: UTF8.self))
                    return code > 0 ? (length, code) : nil
                }.first
                guard let (length, code) = known else {
                    unread.removeFirst()
                    return .escape
                }
                unread.removeFirst(length)
                if code == NcursesScreen.pasteStart {
                    let head = unread
                    unread = []
                    return readPaste(head: head)
                }
                if let key = NcursesScreen.decode(keyCode: code) { return key }
                continue
            }
            guard let scalar = decoder.feed(unread.removeFirst()) else { continue }
            if let key = NcursesScreen.key(for: scalar) { return key }
        }
        return nil
    }

    /// The text of a bracketed paste, read straight from the terminal in large reads up to the end
    /// marker (ncurses reads a byte per call, which makes a 10 MB paste take minutes); `head` is what
    /// of it was read already. Only the first `Paste.limit` bytes are kept; the rest is read and
    /// dropped. What came after the end marker in the same read becomes keys (`unread`).
    private func readPaste(head: [UInt8]) -> Key {
        let marker = NcursesScreen.endMarker
        var kept: [UInt8] = []
        var truncated = false
        var carried: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func keep(_ bytes: ArraySlice<UInt8>) {
            let room = Paste.limit - kept.count
            if bytes.count > room { truncated = true }
            kept += bytes.prefix(max(0, room))
        }
        var next: [UInt8]? = head.isEmpty ? nil : head
        while true {
            if next == nil {
                var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
                // A terminal that never sends the end marker: keep what came.
                guard poll(&descriptor, 1, 1000) > 0 else { break }
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                guard count > 0 else { break }
                next = Array(buffer[0..<count])
            }
            let chunk = carried + (next ?? [])
            next = nil
            if let end = NcursesScreen.find(marker, in: chunk) {
                keep(chunk[..<end])
                unread = Array(chunk[(end + marker.count)...]) + unread
                break
            }
            // The marker may straddle two reads: the last few bytes wait for the next one.
            let safe = max(0, chunk.count - (marker.count - 1))
            keep(chunk[..<safe])
            carried = Array(chunk[safe...])
        }
        var text = String(decoding: kept, as: UTF8.self)
        // A cut through a character leaves a replacement mark; it is not part of what was pasted.
        if truncated, text.last == "\u{FFFD}" { text.removeLast() }
        return .paste(Paste(text, truncated: truncated))
    }

    private static func find(_ marker: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(of: marker[0]) {
            if bytes[start...].starts(with: marker) { return start }
            index = start + 1
        }
        return nil
    }

    private static func decode(keyCode: Int32) -> Key? {
        switch keyCode {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        default:
            for number in 1...12 where keyCode == liaison_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }

    /// Leaves curses mode and gives the terminal back as it was.
    public func end() {
        NcursesScreen.bracketedPaste(on: false)
        curs_set(1)
        endwin()
    }

    /// Back from Ctrl-Z: everything is repainted and pastes are marked again.
    public func resume() {
        NcursesScreen.bracketedPaste(on: true)
        invalidate()
    }
}
