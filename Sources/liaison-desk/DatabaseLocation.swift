import Foundation

/// Where the desk's database lives: `--db`, else `LIAISON_DESK_DB`, else the user's data directory.
enum DatabaseLocation {
    static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let explicit { return (explicit, false) }
        if let fromEnvironment = environment["LIAISON_DESK_DB"], !fromEnvironment.isEmpty { return (fromEnvironment, false) }
        return (defaultDirectory(environment: environment) + "/desk.sqlite", true)
    }

    static func defaultDirectory(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/liaison-desk" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/liaison-desk"
    }
}
