import Foundation
import LiaisonCore

/// Errors go to stderr in one line; the exit code says what kind of failure it was.
func fail(_ message: String, code: Int32 = 1) -> Never {
    let line = "liaison-desk: " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
    FileHandle.standardError.write(Data(line.utf8))
    exit(code)
}

// The Swift runtime's crash backtracer reads SWIFT_BACKTRACE once at start-up. Left on, it waits 30 s at an
// interactive prompt holding the terminal, and dumps memory that may hold residents' data. So the program
// starts itself once more with the backtracer off; the runtime still prints the one-line fatal error.
if getenv("SWIFT_BACKTRACE") == nil {
    setenv("SWIFT_BACKTRACE", "enable=no", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // If exec fails we simply go on with the backtracer as it is.
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
