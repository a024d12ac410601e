// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Aviary",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AviaryCore", targets: ["AviaryCore"]),
        .library(name: "AviaryModels", targets: ["AviaryModels"]),
        .library(name: "AviaryRuntime", targets: ["AviaryRuntime"]),
        .library(name: "AviaryTools", targets: ["AviaryTools"]),
        .library(name: "AviaryStorage", targets: ["AviaryStorage"]),
        .library(name: "AviaryApp", targets: ["AviaryApp"]),
        .library(name: "AviaryTesting", targets: ["AviaryTesting"]),
        .executable(name: "aviary", targets: ["aviary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(name: "AviaryCore", dependencies: [
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "AviaryModels", dependencies: [
            "AviaryCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ]),
        .target(name: "AviaryTools", dependencies: [
            "AviaryCore",
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        .target(name: "AviaryStorage", dependencies: [
            "AviaryCore",
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .target(name: "AviaryRuntime", dependencies: [
            "AviaryCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "AviaryApp", dependencies: [
            "AviaryCore", "AviaryModels", "AviaryRuntime", "AviaryTools", "AviaryStorage",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "AviaryTesting", dependencies: [
            "AviaryCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "aviary", dependencies: [
            "AviaryApp",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "AviaryCoreTests", dependencies: ["AviaryCore", "AviaryTesting"]),
        .testTarget(name: "AviaryModelsTests", dependencies: [
                        "AviaryModels", "AviaryTesting",
                        .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    ],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "AviaryToolsTests", dependencies: ["AviaryTools", "AviaryTesting"]),
        .testTarget(name: "AviaryStorageTests", dependencies: ["AviaryStorage", "AviaryTesting"]),
        .testTarget(name: "AviaryRuntimeTests", dependencies: ["AviaryRuntime", "AviaryStorage", "AviaryTools", "AviaryTesting"]),
        .testTarget(name: "AviaryAppTests", dependencies: [
            "AviaryApp", "AviaryTesting",
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "aviaryTests", dependencies: ["aviary", "AviaryApp", "AviaryStorage", "AviaryTesting"]),
    ]
)
