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
}
