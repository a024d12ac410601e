import AviaryCore
import Foundation

/// `tests/test_cases.json`: seed 000's `{"tests": [...]}` with an optional `setup` run before the
/// cases. Unknown fields are refused, naming the field, so a typo never silently tests less.
public struct SessionTestFile: Sendable, Hashable {
    /// What to prepare before the cases run.
    public var setup: SessionTestSetup
    /// The cases, in file order.
    public var tests: [SessionTestCase]

    /// Creates a file's contents.
    public init(setup: SessionTestSetup = SessionTestSetup(), tests: [SessionTestCase]) {
        self.setup = setup
        self.tests = tests
    }

    /// Where a project keeps its cases.
    public static func location(in project: URL) -> URL {
        project.appendingPathComponent("tests/test_cases.json")
    }

    /// Reads the project's `tests/test_cases.json`.
    public static func load(project: URL) throws(SessionTestError) -> SessionTestFile {
        let url = location(in: project)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalidFile("\(url.path): cannot read it (\(error.localizedDescription)); a project's session tests live in tests/test_cases.json")
        }
        return try SessionTestFile(parsing: data)
    }

    /// Parses the JSON text of a `test_cases.json`.
    public init(parsing data: some Collection<UInt8>) throws(SessionTestError) {
        let value: JSONValue
        do { value = try JSONValue(parsing: data) } catch { throw .invalidFile("test_cases.json: not JSON: \(error)") }
        let reader = try JSONObjectReader(value, path: "test_cases.json", known: ["tests", "setup", "description"], fail: SessionTestError.invalidFile)
        _ = try reader.string("description")
        guard let entries = try reader.array("tests") else { throw reader.error("tests", "required: a list of test cases") }
        guard !entries.isEmpty else { throw reader.error("tests", "has no test cases") }
        var tests: [SessionTestCase] = []
        for (i, entry) in entries.enumerated() {
            let test = try SessionTestCase(entry, path: "test_cases.json: tests[\(i)]")
            if tests.contains(where: { $0.name == test.name }) {
                throw .invalidFile("test_cases.json: tests[\(i)].name: '\(test.name)' is used by another case")
            }
            tests.append(test)
        }
        let setup = try reader.object("setup").map { v throws(SessionTestError) in try SessionTestSetup(v, path: "test_cases.json: setup") }
        self.init(setup: setup ?? SessionTestSetup(), tests: tests)
    }

    /// The cases `--case` selects: the one named, or all of them.
    public func selected(_ name: String?) throws(SessionTestError) -> [SessionTestCase] {
        guard let name else { return tests }
        guard let test = tests.first(where: { $0.name == name }) else {
            throw .unknownCase("no test case named '\(name)'; cases: \(tests.map(\.name).joined(separator: ", "))")
        }
        return [test]
    }
}
