import AviaryCore

/// Checks shared by the sections of `aviary.yaml`.
enum SettingsKeys {
    /// Fails on a key of `object` (the first in sorted order) that is not in `known`, naming it by
    /// its full path (`server.jwt.issuer`, `providers.openai.base_url`) and listing the known keys:
    /// a typo must not be ignored silently.
    static func rejectUnknown(_ object: [String: JSONValue], _ known: Set<String>, _ path: String) throws {
        for key in object.keys.sorted() where !known.contains(key) {
            throw ConfigurationError("aviary.yaml: unknown key '\(path).\(key)'; known keys: \(known.sorted().joined(separator: ", "))")
        }
    }

    /// A boolean of `aviary.yaml` at `key` (its full path); `nil` when absent or null.
    static func bool(_ value: JSONValue?, _ key: String) throws -> Bool? {
        switch value {
        case nil, .some(.null): return nil
        case .some(.bool(let b)): return b
        case .some(let other): throw ConfigurationError("aviary.yaml: \(key): expected true or false, got \(other.typeName)")
        }
    }

    /// A boolean environment variable (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`); `nil`
    /// when unset or empty.
    static func flag(_ raw: String?, _ name: String) throws -> Bool? {
        guard let raw, !raw.isEmpty else { return nil }
        switch raw.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError("\(name) must be true or false (or 1 / 0), not '\(raw)'")
        }
    }

    /// A number of `aviary.yaml` at `key` (its full path) within `range` (and whole when `whole`);
    /// `nil` when absent or null. Anything else fails with the key, the range and what was given,
    /// so an absurd value (`1e300`) is an error, never a crash converting it.
    static func number(_ v: JSONValue?, _ key: String, in range: ClosedRange<Double>, whole: Bool = false,
                       unit: String? = nil) throws -> Double? {
        switch v {
        case nil, .some(.null): return nil
        case .some(.number(let n)) where range.contains(n) && (!whole || n.rounded() == n): return n
        case .some(let other):
            let what = whole ? "a whole number" : "a number" + (unit.map { " of \($0)" } ?? "")
            let got = other.numberValue != nil ? other.jsonString : other.typeName
            throw ConfigurationError("aviary.yaml: \(key): expected \(what) from \(format(range.lowerBound)) to \(format(range.upperBound)), got \(got)")
        }
    }

    /// A whole number at `key` within `range` (see ``number(_:_:in:whole:unit:)``).
    static func count(_ v: JSONValue?, _ key: String, in range: ClosedRange<Int>) throws -> Int? {
        try number(v, key, in: Double(range.lowerBound)...Double(range.upperBound), whole: true).map { Int($0) }
    }

    /// A number of seconds at `key` within `range` (see ``number(_:_:in:whole:unit:)``), as a duration.
    static func seconds(_ v: JSONValue?, _ key: String, in range: ClosedRange<Double>) throws -> Duration? {
        try number(v, key, in: range, unit: "seconds").map { .milliseconds(Int64(($0 * 1000).rounded())) }
    }

    private static func format(_ n: Double) -> String { n.rounded() == n && abs(n) < 1e18 ? String(Int(n)) : String(n) }
}
