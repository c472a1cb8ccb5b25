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
        let controller = DeskController(store: store, session: try store.sessionWithoutSignIn())
        var lastRefresh = Date()
        // The integrity check waits for an idle moment, and runs once a day, a desk left open overnight
        // included.
        var integrity: IntegrityCheck?
        var checkedOn = (try? store.database.integrityCheckedOn()) ?? nil
        while true {
            controller.show(on: screen)
            screen.present()
            let integrityDue = checkedOn != store.today && integrity == nil
            let idle = controller.hasPendingWork || integrityDue ? 0 : 1000
            if var key = screen.nextKey(timeout: Int32(idle)) {
                // Every key already waiting is handled before the next frame: a burst of typing or a paste
                // without bracketed paste costs one frame, not one per character.
                while true {
                    switch controller.handle(key) {
                    case .quit: return 0
                    case .redraw: screen.invalidate()
                    case .suspend:
                        // Raw mode turns off the terminal's own Ctrl-Z, so the desk stops itself, and
                        // repaints everything when `fg` brings it back.
                        screen.end()
                        raise(SIGTSTP)
                        screen.resume()
                    case .keepGoing: break
                    }
                    guard let next = screen.nextKey(timeout: 0) else { break }
                    key = next
                }
            } else if controller.hasPendingWork {
                controller.doPendingWork()
            } else if integrityDue {
                integrity = IntegrityCheck(path: store.database.path)
            }
            if let outcome = integrity?.outcome {
                controller.integrityChecked(outcome)
                integrity = nil
                checkedOn = store.today
            }
            controller.lockIfIdle()
            if Date().timeIntervalSince(lastRefresh) >= refreshSeconds {
                controller.refresh()
                lastRefresh = Date()
            }
        }
    }
}
