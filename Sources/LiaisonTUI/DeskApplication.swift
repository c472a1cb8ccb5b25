import Foundation
import LiaisonCore

/// Runs the desk on the terminal until the user quits.
public enum DeskApplication {
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
        while true {
            StartView(stationName: store.station.name, overview: try store.overview()).render(on: screen)
            screen.present()
            switch screen.nextKey(timeout: 1000) {
            case .character("q")?: return 0
            case .control("l")?: screen.invalidate()
            default: break
            }
        }
    }
}
