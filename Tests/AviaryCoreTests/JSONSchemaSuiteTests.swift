import AviaryCore
import Foundation
import Testing

/// Runs the official JSON-Schema-Test-Suite (core keyword files of draft 2020-12 and draft-07).
///
/// The suite is not checked in: `scripts/fetch-schema-suite.sh` vendors it into
/// `vendor/JSON-Schema-Test-Suite`, or `AVIARY_JSON_SCHEMA_SUITE` can point at a checkout.
@Suite("JSON-Schema-Test-Suite")
struct JSONSchemaSuiteTests {
    /// Cases that cannot pass, keyed `draft/file/case description/test description`, with the reason.
    /// Keep this list minimal.
    static let skipped: [String: String] = [:]

    @Test("suite is available")
    func suiteIsAvailable() {
        if SchemaSuite.root == nil {
            let context = ProcessInfo.processInfo.environment["CI"] != nil ? " (running under CI)" : ""
            Issue.record("""
                JSON-Schema-Test-Suite not found\(context): run scripts/fetch-schema-suite.sh \
                (or set AVIARY_JSON_SCHEMA_SUITE to the suite directory). Looked at: \(SchemaSuite.searched)
                """)
        }
    }

    @Test("draft 2020-12", arguments: SchemaSuite.files(in: "draft2020-12"))
    func draft2020_12(file: String) throws {
        // 2020-12 files may name custom metaschemas in `$schema`, so the dialect is detected.
        let checked = try SchemaSuite.run(draft: "draft2020-12", file: file, dialect: nil)
        #expect(checked > 0, "no test was checked in draft2020-12/\(file)")
    }

    @Test("draft-07", arguments: SchemaSuite.files(in: "draft7"))
    func draft7(file: String) throws {
        let checked = try SchemaSuite.run(draft: "draft7", file: file, dialect: .draft7)
        #expect(checked > 0, "no test was checked in draft7/\(file)")
    }
}

/// Locating, loading and running the suite's files.
enum SchemaSuite {
    /// The suite directory (containing `tests/` and `remotes/`), if found.
    static let root: URL? = locate()

    /// Where the suite was looked for, for the failure message.
    static var searched: String {
        if let path = ProcessInfo.processInfo.environment["AVIARY_JSON_SCHEMA_SUITE"] {
            return "$AVIARY_JSON_SCHEMA_SUITE=\(path)"
        }
        return packageRoot().map { $0.appendingPathComponent("vendor/JSON-Schema-Test-Suite").path }
            ?? "no package root above \(#filePath)"
    }

    /// The suite's `remotes/` folder, served as `http://localhost:1234/`.
    static let registry: JSONSchemaRegistry = {
        var registry = JSONSchemaRegistry()
        if let root {
            try? registry.registerDirectory(at: root.appendingPathComponent("remotes"),
                                            baseURI: "http://localhost:1234/")
        }
        return registry
    }()

    private static func locate() -> URL? {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["AVIARY_JSON_SCHEMA_SUITE"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            return fileManager.fileExists(atPath: url.appendingPathComponent("tests").path) ? url : nil
        }
        guard let package = packageRoot() else { return nil }
        let suite = package.appendingPathComponent("vendor/JSON-Schema-Test-Suite")
        return fileManager.fileExists(atPath: suite.appendingPathComponent("tests").path) ? suite : nil
    }

    /// The nearest ancestor of this file holding `Package.swift` and `vendor/` or `scripts/`.
    private static func packageRoot() -> URL? {
        let fileManager = FileManager.default
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let hasManifest = fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
            let hasVendor = fileManager.fileExists(atPath: directory.appendingPathComponent("vendor").path)
            let hasScripts = fileManager.fileExists(atPath: directory.appendingPathComponent("scripts").path)
            if hasManifest && (hasVendor || hasScripts) { return directory }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Top-level `*.json` files of `tests/<draft>/` (not `optional/`), sorted.
    static func files(in draft: String) -> [String] {
        guard let root else { return [] }
        let directory = root.appendingPathComponent("tests").appendingPathComponent(draft)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Runs every case of one file, recording an issue per failing test.
    /// Returns how many tests were checked (skipped ones excluded).
    @discardableResult
    static func run(draft: String, file: String, dialect: JSONSchemaDialect?) throws -> Int {
        let root = try #require(root, "JSON-Schema-Test-Suite not found: run scripts/fetch-schema-suite.sh")
        let url = root.appendingPathComponent("tests").appendingPathComponent(draft).appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        guard case .array(let cases) = try JSONValue(parsing: data) else {
            Issue.record("\(draft)/\(file): not an array of test cases")
            return 0
        }
        var checked = 0
        for testCase in cases {
            let caseName = testCase["description"]?.stringValue ?? "?"
            guard let schemaJSON = testCase["schema"], case .array(let tests)? = testCase["tests"] else {
                Issue.record("\(draft)/\(file): malformed case '\(caseName)'")
                continue
            }
            let schema: JSONSchema
            do {
                schema = try JSONSchema(schemaJSON, dialect: dialect, registry: registry)
            } catch {
                if !isSkipped(draft, file, caseName, nil) {
                    Issue.record("\(draft)/\(file): case '\(caseName)': schema failed to compile: \(error)")
                }
                continue
            }
            for test in tests {
                let testName = test["description"]?.stringValue ?? "?"
                guard let data = test["data"], case .bool(let expected)? = test["valid"] else {
                    Issue.record("\(draft)/\(file): case '\(caseName)' / test '\(testName)': malformed test")
                    continue
                }
                if isSkipped(draft, file, caseName, testName) { continue }
                checked += 1
                let valid = schema.isValid(data)
                let violations = schema.validate(data)
                if valid != expected || violations.isEmpty != expected {
                    Issue.record("""
                        \(draft)/\(file): case '\(caseName)' / test '\(testName)': expected \
                        \(expected ? "valid" : "invalid"), isValid=\(valid), \
                        violations=\(violations.map(\.message))
                        """)
                }
            }
        }
        return checked
    }

    private static func isSkipped(_ draft: String, _ file: String, _ caseName: String, _ testName: String?) -> Bool {
        let prefix = "\(draft)/\(file)/\(caseName)/"
        if let testName { return JSONSchemaSuiteTests.skipped[prefix + testName] != nil }
        return JSONSchemaSuiteTests.skipped.keys.contains { $0.hasPrefix(prefix) }
    }
}
