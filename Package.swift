// swift-tools-version:6.1
import PackageDescription

/// Every target declares what it imports (a member is visible only through a module the file
/// imports) and spells existential types `any P`, as the packages Aviary builds on do.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Aviary",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "AviaryCore", targets: ["AviaryCore"]),
        .library(name: "AviaryModels", targets: ["AviaryModels"]),
        .library(name: "AviaryRuntime", targets: ["AviaryRuntime"]),
        .library(name: "AviaryTools", targets: ["AviaryTools"]),
        .library(name: "AviaryStorage", targets: ["AviaryStorage"]),
        .library(name: "AviaryWorkflows", targets: ["AviaryWorkflows"]),
        .library(name: "AviaryKnowledge", targets: ["AviaryKnowledge"]),
        .library(name: "AviaryHTTP", targets: ["AviaryHTTP"]),
        .library(name: "AviaryApp", targets: ["AviaryApp"]),
        .library(name: "AviaryObservability", targets: ["AviaryObservability"]),
        .library(name: "AviaryOTel", targets: ["AviaryOTel"]),
        .library(name: "AviaryTesting", targets: ["AviaryTesting"]),
        .executable(name: "aviary", targets: ["aviary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        // Exact: AviaryStorage (SQLiteHandle) and AviarySQLiteWAL call SQLite's C API through
        // `VaporCSQLite`, sqlite-nio's internal C module with its `sqlite_nio_`-prefixed symbols, which
        // is not a product and has no stability promise. Upgrading is a deliberate act: bump this
        // version, rebuild, and run the storage tests (the WAL VFS tests exercise the C API).
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        // child processes (Foundation's `Process.run` can crash reading /proc/self/fd:
        // swiftlang/swift-corelibs-foundation#5472)
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Runtime of the server code swift-openapi-generator writes from openapi.yaml
        // (Sources/AviaryHTTP/Generated, made by scripts/generate-openapi.sh).
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // OTLP over HTTP only: the gRPC exporter (and its grpc-swift dependencies) stay out of the build.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    // Each target lists every module its files import (MemberImportVisibility makes an undeclared
    // import an error). The exception is `VaporCSQLite`, sqlite-nio's internal C module, which is
    // not a product: it comes with `SQLiteNIO` (see the exact pin above).
    targets: [
        .target(name: "AviaryCore", dependencies: [
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryModels", dependencies: [
            "AviaryCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryTools", dependencies: [
            // AviaryStorage for its read-only SQLite connection (interruptible, off the event loops)
            "AviaryCore", "AviaryStorage",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ], swiftSettings: swiftSettings),
        // C: a pass-through SQLite VFS that writes each WAL commit with one write (see CoalescingVFS.c);
        // SQLiteNIO only for the SQLite it bundles.
        .target(name: "AviarySQLiteWAL", dependencies: [
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ]),
        .target(name: "AviaryStorage", dependencies: [
            "AviaryCore", "AviarySQLiteWAL",
            .product(name: "AsyncKit", package: "async-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryRuntime", dependencies: [
            "AviaryCore",
            .product(name: "Logging", package: "swift-log"),
            // Only for the event loop's timers (LoopTimer); the runtime does no I/O of its own.
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: swiftSettings),
        // The workflow engine: YAML DAGs run as kernel programs.
        .target(name: "AviaryWorkflows", dependencies: [
            "AviaryCore", "AviaryRuntime",
        ], swiftSettings: swiftSettings),
        // libxml2's HTML parser (Debian: libxml2-dev; scripts/install-system-deps.sh installs it)
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "AviaryKnowledge", dependencies: [
            "AviaryCore", "AviaryRuntime", "CLibXML2",
            // URL fetching (Fetch/): HTTP with pinned addresses, getaddrinfo on NIO's thread pool
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            // FTS5's tokenizer for the in-memory lexical index (Retrieval/Lexical/)
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryHTTP", dependencies: [
            "AviaryCore", "AviaryRuntime", "AviaryWorkflows", "AviaryKnowledge",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ],
        // The API's contract, compiled into the binary (served as JSON at /openapi.json).
        resources: [.embedInCode("OpenAPI/openapi.yaml")], swiftSettings: swiftSettings),
        .target(name: "AviaryApp", dependencies: [
            "AviaryCore", "AviaryModels", "AviaryRuntime", "AviaryTools", "AviaryStorage", "AviaryHTTP", "AviaryWorkflows", "AviaryKnowledge",
            "AviaryObservability", "AviaryOTel",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryObservability", dependencies: [
            "AviaryCore",
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ], swiftSettings: swiftSettings),
        .target(name: "AviaryOTel", dependencies: [
            .product(name: "Logging", package: "swift-log"),
            .product(name: "OTel", package: "swift-otel"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ], swiftSettings: swiftSettings),
        // Test doubles users can test their agents with (scripted models, fake provider servers).
        .target(name: "AviaryTesting", dependencies: [
            "AviaryCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        // This package's own test infrastructure (PostgreSQL databases, an OTLP collector); not a product.
        .target(name: "AviaryTestSupport", dependencies: [
            "AviaryCore", "AviaryTesting", "AviaryStorage",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "SQLKit", package: "sql-kit"),
        ], path: "Tests/AviaryTestSupport", swiftSettings: swiftSettings),
        // The CLI: argument parsing and printing over AviaryApp; NIO only to install the executor.
        .executableTarget(name: "aviary", dependencies: [
            "AviaryApp", "AviaryCore", "AviaryKnowledge",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        // JMESPath/Compliance: the JMESPath compliance suite's JSON files, read from the source tree.
        .testTarget(name: "AviaryCoreTests", dependencies: ["AviaryCore"], exclude: ["JMESPath/Compliance"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "AviaryModelsTests", dependencies: [
            "AviaryCore", "AviaryModels", "AviaryTesting",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
        ], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryToolsTests", dependencies: [
            "AviaryCore", "AviaryStorage", "AviaryTools",
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryStorageTests", dependencies: [
            "AviaryCore", "AviaryStorage", "AviarySQLiteWAL", "AviaryTesting", "AviaryTestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryRuntimeTests", dependencies: [
            "AviaryCore", "AviaryRuntime", "AviaryStorage", "AviaryTesting", "AviaryTestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryKnowledgeTests", dependencies: [
            "AviaryCore", "AviaryKnowledge", "AviaryRuntime", "AviaryStorage", "AviaryTesting", "AviaryTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryWorkflowsTests", dependencies: [
            "AviaryCore", "AviaryRuntime", "AviaryStorage", "AviaryTesting", "AviaryTestSupport", "AviaryWorkflows",
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryHTTPTests", dependencies: [
            "AviaryCore", "AviaryHTTP", "AviaryKnowledge", "AviaryModels", "AviaryRuntime", "AviaryStorage", "AviaryTesting", "AviaryTestSupport", "AviaryWorkflows",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ], exclude: ["Scripts"], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryAppTests", dependencies: [
            "AviaryApp", "AviaryCore", "AviaryHTTP", "AviaryModels", "AviaryRuntime", "AviaryStorage", "AviaryTools", "AviaryWorkflows",
            "AviaryTesting", "AviaryTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "SQLKit", package: "sql-kit"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryObservabilityTests", dependencies: [
            "AviaryCore", "AviaryObservability",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryOTelTests", dependencies: [
            "AviaryCore", "AviaryOTel", "AviaryObservability", "AviaryTestSupport",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Tracing", package: "swift-distributed-tracing"),
        ], swiftSettings: swiftSettings),
        .testTarget(name: "AviaryTestingTests", dependencies: ["AviaryCore", "AviaryTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "aviaryTests", dependencies: [
            "aviary", "AviaryApp", "AviaryCore", "AviaryStorage", "AviaryTesting", "AviaryTestSupport",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
    ]
)
