import Foundation

/// Gives the terminal back on every way out: a normal exit, SIGINT/SIGTERM/SIGHUP, and a crash
/// (SIGSEGV, SIGBUS, SIGABRT, SIGILL and SIGTRAP from a Swift trap). The handler only calls
/// async-signal-safe functions: it restores the saved terminal modes, ends bracketed paste, shows the
/// cursor, leaves the alternate screen, then re-raises with the default action. Installing it replaces
/// the Swift runtime's backtracer, so no backtrace prompt ever holds the terminal in raw mode; nothing
/// else is printed.
public enum TerminalGuard {
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var hasSavedModes = false
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGTRAP, SIGFPE]
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Saves the terminal's modes before curses changes them and installs the handlers.
    public static func install() {
        if tcgetattr(STDIN_FILENO, &savedModes) == 0 { hasSavedModes = true }
        for signal in crashSignals + stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = restoreAndReraise
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signal, &action, nil)
        }
    }

    /// Restores the modes; also used on the normal way out, after curses has ended.
    public static func restore() {
        if hasSavedModes { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedModes) }
        let reset = "\u{1B}[?2004l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m"
        _ = reset.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }
}

private func restoreAndReraise(_ signal: Int32) {
    TerminalGuard.restore()
    // SA_RESETHAND put the default action back; raising again ends the process the way the signal meant.
    raise(signal)
}
