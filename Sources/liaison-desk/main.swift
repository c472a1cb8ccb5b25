import Foundation
import LiaisonCore

/// Errors go to stderr in one line; the exit code says what kind of failure it was.
func fail(_ message: String, code: Int32 = 1) -> Never {
    let line = "liaison-desk: " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
    FileHandle.standardError.write(Data(line.utf8))
    exit(code)
}

let invocation: Invocation
do {
    invocation = try Invocation.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as Invocation.UsageError {
    fail(error.message, code: 2)
}

do {
    exit(try Commands(invocation: invocation).run())
} catch let error as UserFacingError {
    fail(error.userMessage)
} catch {
    fail("意外错误：\(error)")
}
