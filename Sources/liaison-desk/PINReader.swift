import Foundation
import LiaisonCore

/// Reads a PIN: from the terminal without echo (asked twice, so a slip of the finger is caught), or one
/// line from standard input for scripts. Never from the command line, where `ps` and the shell's
/// history would keep it.
enum PINReader {
    struct Refused: UserFacingError {
        let userMessage: String
    }

    static func read(for name: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw Refused(userMessage: "标准输入没有 PIN（应为一行 4 到 12 位数字）") }
            let pin = PIN.typed(line.trimmingCharacters(in: .whitespaces))
            try check(pin)
            return pin
        }
        while true {
            let first = try silently("\(name) 的 PIN（4 到 12 位数字，输入时不显示）：")
            do {
                try check(first)
            } catch {
                print(userMessage(for: error))
                continue
            }
            guard try silently("再输入一次：") == first else {
                print("两次输入不一样，请重新输入。")
                continue
            }
            return first
        }
    }

    private static func check(_ pin: String) throws {
        do {
            try PIN.check(pin)
        } catch let problem as InvalidField {
            throw Refused(userMessage: problem.message)
        }
    }

    /// One line from the terminal with echo off, restored whatever happens.
    private static func silently(_ prompt: String) throws -> String {
        print(prompt, terminator: "")
        fflush(nil)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            print("")
        }
        guard let line = readLine(strippingNewline: true) else { throw SetupQuestions.Cancelled() }
        return PIN.typed(line.trimmingCharacters(in: .whitespaces))
    }
}
