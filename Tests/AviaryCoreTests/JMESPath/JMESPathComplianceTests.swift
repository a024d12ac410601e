import AviaryCore
import Foundation
import Testing

/// Runs the official JMESPath compliance suite (the JSON files in `Compliance/`, see its README).
@Suite("JMESPath compliance")
struct JMESPathComplianceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Compliance")

    static let files = [
        "basic", "boolean", "current", "escape", "filters", "functions", "identifiers", "indices", "literal",
        "multiselect", "pipe", "slice", "syntax", "unicode", "wildcard", "benchmarks",
    ]

    /// Benchmark cases carry no expected outcome; these are the ones the reference implementation
    /// rejects (all others evaluate without error).
    static let benchmarkErrors: [String: JMESPathError.Kind] = [
        "sum(z, y, x, w, v, u, t, s, r, q, p, o, n, m, l, k, j, i, h, g, f, e, d, c, b, a)": .invalidArity,
        "foo[bar > baz][qux > baz]": .syntax,
    ]

    @Test("compliance file", arguments: files)
    func complianceFile(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("\(name).json"))
        let groups = try #require(try JSONValue(parsing: Array(data)).arrayValue)
        var checked = 0
        for group in groups {
            let given = group["given"] ?? .null
            for testCase in group["cases"]?.arrayValue ?? [] {
                let expression = try #require(testCase["expression"]?.stringValue)
                let outcome = Result { () throws(JMESPathError) in try JMESPath(expression).search(given) }
                if let expected = testCase["result"] {
                    #expect(outcome == .success(expected), "\(name): \(expression)")
                } else if let kind = testCase["error"]?.stringValue {
                    #expect(outcome.errorKind == kind, "\(name): \(expression) should fail with \(kind), got \(outcome)")
                } else {
                    let kind = Self.benchmarkErrors[expression]?.rawValue
                    #expect(outcome.errorKind == kind, "\(name): \(expression) gave \(outcome)")
                }
                checked += 1
            }
        }
        #expect(checked > 0, "no case in \(name).json")
    }
}

extension Result where Failure == JMESPathError {
    fileprivate var errorKind: String? {
        if case .failure(let error) = self { return error.kind.rawValue }
        return nil
    }
}
