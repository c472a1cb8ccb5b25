import Foundation

/// Where the files of the package's top-level `Resources/` are found at run time:
/// `LIAISON_DESK_RESOURCES` for an installed copy, else the source tree this program was built from.
public enum ShippedResources {
    public static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["LIAISON_DESK_RESOURCES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        // Sources/LiaisonCore/Support/ShippedResources.swift → the package root.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources")
    }
}
