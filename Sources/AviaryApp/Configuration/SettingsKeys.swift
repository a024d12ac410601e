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
}
