import AviaryCore
import AviaryModels
import Foundation

/// `web_search:` in `aviary.yaml` (``WebSearchSettings``): the engine behind the `web_search` tool.
///
/// ```yaml
/// web_search:
///   provider: searxng            # or brave
///   url: http://127.0.0.1:8888   # searxng: required; brave: optional API root override
///   api_key_env: BRAVE_API_KEY   # brave only (default BRAVE_API_KEY)
///   max_results: 5               # default results per call, 1-10
///   timeout_seconds: 15          # longest call, retries included
///   language: en                 # optional
///   safesearch: moderate         # optional: off, moderate or strict
///   categories: [general, news]  # searxng only, optional
/// ```
enum WebSearchFileSettings {
    /// The keys of `web_search:`.
    static let keys: Set<String> = ["provider", "url", "api_key_env", "max_results", "timeout_seconds", "language", "safesearch", "categories"]

    /// The settings in `value` (the `web_search` key's value); `nil` when absent or null. Unknown
    /// keys and bad values fail with the key's name.
    static func settings(_ value: JSONValue?) throws -> WebSearchSettings? {
        let object: [String: JSONValue]
        switch value {
        case nil, .some(.null): return nil
        case .some(.object(let o)): object = o
        case .some(let other):
            throw ConfigurationError("aviary.yaml: web_search: expected a mapping such as {provider: searxng, url: http://127.0.0.1:8888}, got \(other.typeName)")
        }
        try SettingsKeys.rejectUnknown(object, keys, "web_search")
        let names = WebSearchSettings.Provider.allCases.map(\.rawValue).joined(separator: " or ")
        guard let name = try text(object["provider"], "provider") else {
            throw ConfigurationError("aviary.yaml: web_search.provider: required: \(names)")
        }
        guard let provider = WebSearchSettings.Provider(rawValue: name) else {
            throw ConfigurationError("aviary.yaml: web_search.provider: expected \(names), got '\(name)'")
        }
        var settings = WebSearchSettings(provider: provider)
        settings.url = try webAddress(object["url"])
        if provider == .searxng, settings.url == nil {
            throw ConfigurationError("aviary.yaml: web_search.url: required for provider searxng: the instance's root, like http://127.0.0.1:8888")
        }
        if let variable = try text(object["api_key_env"], "api_key_env") {
            guard provider == .brave else { throw ConfigurationError("aviary.yaml: web_search.api_key_env: only for provider brave") }
            guard isVariableName(variable) else {
                throw ConfigurationError("aviary.yaml: web_search.api_key_env: expected an environment variable's name like BRAVE_API_KEY, got '\(variable)'")
            }
            settings.apiKeyEnv = variable
        }
        if let n = try SettingsKeys.count(object["max_results"], "web_search.max_results", in: 1...10) { settings.maxResults = n }
        if let t = try SettingsKeys.seconds(object["timeout_seconds"], "web_search.timeout_seconds", in: 0.1...600) { settings.timeout = t }
        settings.language = try text(object["language"], "language")
        if let level = try text(object["safesearch"], "safesearch") {
            guard let safeSearch = WebSearchSafeSearch(rawValue: level) else {
                throw ConfigurationError("aviary.yaml: web_search.safesearch: expected off, moderate or strict, got '\(level)'")
            }
            settings.safeSearch = safeSearch
        }
        settings.categories = try categories(object["categories"])
        if provider != .searxng, !settings.categories.isEmpty {
            throw ConfigurationError("aviary.yaml: web_search.categories: only for provider searxng")
        }
        return settings
    }

    /// Non-blank text at `web_search.<key>`; `nil` when absent or null.
    private static func text(_ value: JSONValue?, _ key: String) throws -> String? {
        switch value {
        case nil, .some(.null): return nil
        case .some(.string(let s)) where !s.trimmingCharacters(in: .whitespaces).isEmpty: return s.trimmingCharacters(in: .whitespaces)
        case .some(.string): throw ConfigurationError("aviary.yaml: web_search.\(key): is blank")
        case .some(let other): throw ConfigurationError("aviary.yaml: web_search.\(key): expected text, got \(other.typeName)")
        }
    }

    /// `web_search.url`: an absolute http(s) URL with a host.
    private static func webAddress(_ value: JSONValue?) throws -> String? {
        guard let url = try text(value, "url") else { return nil }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              parsed.host?.isEmpty == false else {
            throw ConfigurationError("aviary.yaml: web_search.url: expected an http:// or https:// URL, got '\(url)'")
        }
        return url
    }

    /// `web_search.categories`: a list of names or one comma-separated text.
    private static func categories(_ value: JSONValue?) throws -> [String] {
        let items: [JSONValue]
        switch value {
        case nil, .some(.null): return []
        case .some(.string(let s)): items = s.split(separator: ",").map { .string(String($0)) }
        case .some(.array(let a)): items = a
        case .some(let other): throw ConfigurationError("aviary.yaml: web_search.categories: expected a list of names, got \(other.typeName)")
        }
        return try items.map { item in
            guard let name = item.stringValue?.trimmingCharacters(in: .whitespaces), !name.isEmpty, !name.contains(",") else {
                throw ConfigurationError("aviary.yaml: web_search.categories: expected names like general or news, got \(item.jsonString)")
            }
            return name
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
