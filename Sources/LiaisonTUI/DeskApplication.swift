import Foundation
import LiaisonCore

/// Runs the desk on the terminal until the user quits.
public enum DeskApplication {
    /// How often the open screen is reloaded while no key is pressed (minutes waited, other terminals' work).
    static let refreshSeconds = 5.0

    public static func run(store: LiaisonStore) throws -> Int32 {
        TerminalGuard.install()
        let screen: NcursesScreen
        do {
            screen = try NcursesScreen()
        } catch let error as TerminalError {
            FileHandle.standardError.write(Data("liaison-desk: \(error.description)\n".utf8))
            return 1
        }
        defer {
            screen.end()
            TerminalGuard.restore()
        }
        let controller = DeskController(store: store)
        var lastRefresh = Date()
        while true {
            controller.render(on: screen)
            screen.present()
            // The rest of a partly loaded page comes as soon as no key is waiting.
            if let key = screen.nextKey(timeout: controller.hasPendingWork ? 0 : 1000) {
                switch controller.handle(key) {
                case .quit: return 0
                case .redraw: screen.invalidate()
                case .suspend:
                    // Raw mode turns off the terminal's own Ctrl-Z, so the desk stops itself, and
                    // repaints everything when `fg` brings it back.
                    screen.end()
                    raise(SIGTSTP)
                    screen.invalidate()
                case .keepGoing: break
                }
            } else if controller.hasPendingWork {
                controller.doPendingWork()
            }
            if Date().timeIntervalSince(lastRefresh) >= refreshSeconds {
                controller.refresh()
                lastRefresh = Date()
            }
        }
    }
}
