/// Reads the members of an event's `data` for a ``RunEventPayload``'s `init(data:)`: dictionary
/// lookups with the leniency rules of ``RunEventPayload`` (`null` counts as missing).
struct RunEventDataReader {
    let kind: RunEvent.Kind
    let object: [String: JSONValue]

    init(_ data: JSONValue, _ kind: RunEvent.Kind) throws(RunEventDataError) {
        guard case .object(let object) = data else { throw .notAnObject(kind, found: data.typeName) }
        self.kind = kind
        self.object = object
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    private func mistyped(_ key: String, _ value: JSONValue, _ expected: String) -> RunEventDataError {
        .wrongType(key, in: kind, expected: expected, found: value.typeName)
    }

    /// A required string.
    func string(_ key: String) throws(RunEventDataError) -> String {
        guard let s = try optionalString(key) else { throw .missing(key, in: kind) }
        return s
    }

    /// A string, `nil` when missing.
    func optionalString(_ key: String) throws(RunEventDataError) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let s) = value else { throw mistyped(key, value, "string") }
        return s
    }

    /// A number, `nil` when missing.
    func optionalNumber(_ key: String) throws(RunEventDataError) -> Double? {
        guard let value = present(key) else { return nil }
        guard case .number(let n) = value else { throw mistyped(key, value, "number") }
        return n
    }

    /// An integer, `nil` when missing.
    func optionalInt(_ key: String) throws(RunEventDataError) -> Int? {
        guard let value = present(key) else { return nil }
        guard let n = value.intValue else { throw mistyped(key, value, "integer") }
        return n
    }

    /// A required boolean.
    func bool(_ key: String) throws(RunEventDataError) -> Bool {
        guard let b = try optionalBool(key) else { throw .missing(key, in: kind) }
        return b
    }

    /// A boolean, `nil` when missing.
    func optionalBool(_ key: String) throws(RunEventDataError) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let b) = value else { throw mistyped(key, value, "boolean") }
        return b
    }

    /// Any JSON value, `null` when missing.
    func json(_ key: String) -> JSONValue { object[key] ?? .null }

    /// A list of strings, empty when missing.
    func strings(_ key: String) throws(RunEventDataError) -> [String] {
        guard let value = present(key) else { return [] }
        guard case .array(let items) = value else { throw mistyped(key, value, "array") }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for item in items {
            guard case .string(let s) = item else { throw mistyped(key, item, "array of strings") }
            strings.append(s)
        }
        return strings
    }

    /// A ``Usage`` object (missing counters read as zero), `nil` when missing.
    func optionalUsage(_ key: String) throws(RunEventDataError) -> Usage? {
        guard let value = present(key) else { return nil }
        guard case .object = value else { throw mistyped(key, value, "object") }
        do { return try Usage(json: value) } catch { throw mistyped(key, value, "usage object") }
    }

    /// A run id, `nil` when missing.
    func optionalRunID(_ key: String) throws(RunEventDataError) -> RunID? { try optionalString(key).map { RunID($0) } }

    /// A required run id.
    func runID(_ key: String) throws(RunEventDataError) -> RunID { RunID(try string(key)) }

    /// A string-backed enumeration, `nil` when missing; an unknown value is an error.
    func optionalEnum<E: RawRepresentable>(_ key: String, _ type: E.Type) throws(RunEventDataError) -> E? where E.RawValue == String {
        guard let raw = try optionalString(key) else { return nil }
        guard let value = E(rawValue: raw) else { throw .wrongType(key, in: kind, expected: "a known \(key) value", found: "'\(raw)'") }
        return value
    }
}
