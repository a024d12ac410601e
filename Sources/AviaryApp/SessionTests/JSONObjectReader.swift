import AviaryCore
import Foundation

/// Reads one JSON object of a session-test file or recording: typed fields by name, unknown fields
/// refused, every error naming the file and the field's path (`tests[2].expect.tools_called`).
struct JSONObjectReader {
    /// The object's path for messages (`test_cases.json: tests[2]`).
    let path: String
    let fields: [String: JSONValue]
    private let fail: (String) -> SessionTestError

    /// Reads `value` as an object whose fields are all in `known`.
    init(_ value: JSONValue, path: String, known: Set<String>, fail: @escaping (String) -> SessionTestError) throws(SessionTestError) {
        self.path = path
        self.fail = fail
        guard case .object(let fields) = value else { throw fail("\(path): expected an object, got \(value.typeName)") }
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("\(path): unknown field '\(unknown)'; known fields: \(known.sorted().joined(separator: ", "))")
        }
        self.fields = fields
    }

    /// An error about `key` of this object.
    func error(_ key: String, _ message: String) -> SessionTestError { fail("\(path).\(key): \(message)") }

    /// A string field; `nil` when absent or null.
    func string(_ key: String) throws(SessionTestError) -> String? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(.string(let s)): return s
        case .some(let other): throw error(key, "expected text, got \(other.typeName)")
        }
    }

    /// A string field that must be there and not be empty.
    func requiredString(_ key: String) throws(SessionTestError) -> String {
        guard let s = try string(key) else { throw error(key, "required") }
        guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw error(key, "must not be empty") }
        return s
    }

    /// A list of strings; `nil` when absent or null.
    func strings(_ key: String) throws(SessionTestError) -> [String]? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(.array(let items)):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard let s = item.stringValue, !s.isEmpty else { throw error("\(key)[\(i)]", "expected non-empty text") }
                out.append(s)
            }
            return out
        case .some(let other): throw error(key, "expected a list of text, got \(other.typeName)")
        }
    }

    /// A list field; `nil` when absent or null.
    func array(_ key: String) throws(SessionTestError) -> [JSONValue]? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(.array(let items)): return items
        case .some(let other): throw error(key, "expected a list, got \(other.typeName)")
        }
    }

    /// An object field (as JSON); `nil` when absent or null.
    func object(_ key: String) throws(SessionTestError) -> JSONValue? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(let value):
            guard value.objectValue != nil else { throw error(key, "expected an object, got \(value.typeName)") }
            return value
        }
    }
}
