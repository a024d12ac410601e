import Foundation

/// Decides what must not reach logs and traces: values under secret-looking keys, credentials
/// embedded in text, and message bodies outside debug logging.
///
/// Keys are matched case-insensitively by substring against ``secretKeyFragments`` (the fragment
/// `token` does not match `tokens`, so token counts such as `input_tokens` stay visible). Text is
/// scanned for bearer tokens (`Bearer …`), API keys (`sk-…`, `avk_…`) and JWT-shaped values
/// (`eyJ….….…`); each is replaced by ``redacted``.
public struct Redactor: Sendable {
    /// What replaces a secret.
    public static let redacted = "[REDACTED]"
    /// What replaces a message body logged above debug level.
    public static let omitted = "[OMITTED]"

    /// The default secret key fragments.
    public static let defaultSecretKeyFragments = [
        "authorization", "api_key", "api-key", "apikey", "token", "password", "passwd", "secret",
        "cookie", "credential", "private_key",
    ]
    /// The default body keys (exact, case-insensitive).
    public static let defaultBodyKeys: Set<String> = [
        "body", "request_body", "response_body", "messages", "prompt", "completion", "arguments",
        "content", "input", "output", "question", "answer",
    ]

    /// Lowercase fragments; a key containing one is secret.
    public var secretKeyFragments: [String]
    /// Lowercase keys whose values are message bodies (dropped from logs above debug level).
    public var bodyKeys: Set<String>

    /// Creates a redactor (defaults: ``defaultSecretKeyFragments`` and ``defaultBodyKeys``).
    public init(secretKeyFragments: [String] = Redactor.defaultSecretKeyFragments,
                bodyKeys: Set<String> = Redactor.defaultBodyKeys) {
        self.secretKeyFragments = secretKeyFragments.map { $0.lowercased() }
        self.bodyKeys = Set(bodyKeys.map { $0.lowercased() })
    }

    /// True when values under `key` must be redacted.
    public func isSecretKey(_ key: String) -> Bool {
        let key = key.lowercased()
        for fragment in secretKeyFragments {
            var searchStart = key.startIndex
            while let range = key[searchStart...].range(of: fragment) {
                // `token` inside `tokens` names a count, not a credential.
                if fragment == "token", range.upperBound < key.endIndex, key[range.upperBound] == "s" {
                    searchStart = range.upperBound
                    continue
                }
                return true
            }
        }
        return false
    }

    /// True when values under `key` are message bodies.
    public func isBodyKey(_ key: String) -> Bool {
        bodyKeys.contains(key) || bodyKeys.contains(key.lowercased())
    }

    /// `text` with embedded credentials replaced by ``redacted``; returns `text` itself (no copy)
    /// when there is nothing to mask.
    public func mask(_ text: String) -> String {
        var text = text
        let ranges = text.withUTF8 { CredentialScanner.scan($0) }
        guard !ranges.isEmpty else { return text }
        var utf8 = Array(text.utf8)
        for range in ranges.reversed() {
            utf8.replaceSubrange(range, with: Self.redacted.utf8)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
