// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "LiaisonDesk",
    products: [
        .executable(name: "liaison-desk", targets: ["liaison-desk"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCrypt",
            providers: [.apt(["libcrypt-dev"])]
        ),
        .target(
            name: "LiaisonCore",
            dependencies: ["CSQLite", "CCrypt"]
        ),
        .target(
            name: "LiaisonTUI",
            dependencies: ["LiaisonCore", "CNcursesw"]
        ),
        .executableTarget(
            name: "liaison-desk",
            dependencies: ["LiaisonCore", "LiaisonTUI"]
        ),
        .testTarget(name: "LiaisonCoreTests", dependencies: ["LiaisonCore"]),
        .testTarget(name: "LiaisonTUITests", dependencies: ["LiaisonTUI", "LiaisonCore"]),
        .testTarget(name: "CLITests", dependencies: ["LiaisonCore"]),
    ]
)
