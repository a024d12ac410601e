// swift-tools-version:6.1
// Builds swift-openapi-generator for scripts/generate-openapi.sh, apart from the main package so
// that a normal build of Aviary never builds the generator (its output is committed).
import PackageDescription

let package = Package(
    name: "AviaryOpenAPIGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: [
        // SwiftPM builds a dependency's executable only for a package that has a target of its own.
        .target(name: "GeneratorHost", path: "GeneratorHost"),
    ]
)
