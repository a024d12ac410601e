import AviaryApp
import AviaryTestSupport
import Foundation

/// Copies an example project into a temporary folder so tests never write into the source tree.
enum ExampleProject {
    static var packageRoot: URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    static func with<T>(_ name: String, _ body: (AviaryConfiguration) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { tmp in
            let copy = tmp.appendingPathComponent(name, isDirectory: true)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Examples/\(name)"), to: copy)
            try? FileManager.default.removeItem(at: copy.appendingPathComponent(".aviary"))
            try? FileManager.default.removeItem(at: copy.appendingPathComponent("data/support.db"))
            let config = try ConfigurationLoader(environment: [:]).load(project: copy)
            return try await body(config)
        }
    }
}
