import AviaryCore
import Foundation

/// A failure talking to a model provider, with the context needed to act on it.
///
/// Compare ``kind`` with the ``Kind`` constants; ``isRetryable`` tells ``RetryPolicy`` whether
/// trying again can help (429, 5xx and transport failures).
///
/// ``description`` holds the details (the provider's message, its body, the connection error) for
/// logs; callers get ``callerDescription``, which names only the provider, the kind of failure and
/// the HTTP status (``CallerSafeError``).
public struct ProviderError: CallerSafeError, Sendable {
    /// The category of a ``ProviderError``.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case http, authentication, transport, invalidResponse, missingAPIKey, apiError
        }
        private let code: Code

        /// The provider answered with a non-2xx status (other than 401/403).
        public static let http = Kind(code: .http)
        /// The provider rejected the API key (HTTP 401 or 403).
        public static let authentication = Kind(code: .authentication)
        /// The request never got a complete answer (connection, TLS, timeout, cut stream).
        public static let transport = Kind(code: .transport)
        /// The provider answered 2xx with a body that is not what its API promises.
        public static let invalidResponse = Kind(code: .invalidResponse)
        /// No API key is configured for a provider that needs one.
        public static let missingAPIKey = Kind(code: .missingAPIKey)
        /// The provider reported an error inside a response or stream (for example an SSE `error` event).
        public static let apiError = Kind(code: .apiError)

        /// The kind's name.
        public var description: String { code.rawValue }
    }

    /// Longest response body kept in an error.
    public static let maxBodyLength = 2000

    /// The category.
    public let kind: Kind
    /// The provider name (`openai`, `anthropic`, `ollama`).
    public let provider: String
    /// The HTTP status, when there was one.
    public let status: Int?
    /// The response body (truncated to ``maxBodyLength`` characters), when there was one.
    public let body: String?
    /// Seconds the provider asked us to wait (`Retry-After` or provider rate-limit headers).
    public let retryAfter: Double?
    /// A human-readable explanation.
    public let message: String
    /// The underlying error for transport failures.
    public let underlying: (any Error)?
    /// Correlates ``callerDescription`` with the logged details.
    public let errorID: String

    private init(kind: Kind, provider: String, status: Int? = nil, body: String? = nil, retryAfter: Double? = nil,
                 message: String, underlying: (any Error)? = nil) {
        self.kind = kind
        self.provider = provider
        self.status = status
        self.body = body.map(Self.truncate)
        self.retryAfter = retryAfter
        self.message = message
        self.underlying = underlying
        self.errorID = "perr_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Whether retrying may succeed: 408, 409, 429, 5xx (529 included) and transport failures.
    public var isRetryable: Bool {
        if kind == .transport { return true }
        guard kind == .http || kind == .apiError, let status else { return false }
        return status == 408 || status == 409 || status == 429 || status >= 500
    }

    /// A description naming the provider and what went wrong, with the provider's details (for logs).
    public var description: String { "\(provider): \(message)" }

    /// What callers may see: the provider, the kind of failure, the HTTP status and the error id.
    /// A missing API key keeps its full message: it is ours, not the provider's, and says what to set.
    public var callerDescription: String {
        if kind == .missingAPIKey { return "\(description) (error id \(errorID))" }
        let what: String
        switch kind {
        case .http: what = "returned HTTP \(status ?? 0)"
        case .authentication: what = "rejected the configured API key (HTTP \(status ?? 0))"
        case .transport: what = "could not be reached"
        case .invalidResponse: what = "sent a response that could not be read"
        default: what = "reported an error" + (status.map { " (HTTP \($0))" } ?? "")
        }
        return "the model provider '\(provider)' \(what) (error id \(errorID))"
    }

    /// An error for a non-2xx response; 401/403 become ``Kind/authentication`` naming `apiKeyVariable`.
    public static func http(provider: String, status: Int, headers: [(name: String, value: String)] = [],
                            body: [UInt8], apiKeyVariable: String? = nil, now: Date = Date()) -> ProviderError {
        let text = String(decoding: body.prefix(maxBodyLength * 4), as: UTF8.self)
        if status == 401 || status == 403 {
            let hint = apiKeyVariable.map { " — check \($0)" } ?? ""
            return ProviderError(kind: .authentication, provider: provider, status: status, body: text,
                                 message: "the API key for \(provider) was rejected (HTTP \(status))\(hint)")
        }
        let retryAfter = RetryAfter.seconds(status: status, headers: headers, now: now.timeIntervalSince1970)
        let detail = Self.errorMessage(inBody: body) ?? Self.truncate(text)
        return ProviderError(kind: .http, provider: provider, status: status, body: text, retryAfter: retryAfter,
                             message: "HTTP \(status): \(detail)")
    }

    /// An error for a request that failed below HTTP.
    public static func transport(provider: String, underlying: any Error) -> ProviderError {
        ProviderError(kind: .transport, provider: provider, message: "transport failure: \(underlying)",
                      underlying: underlying)
    }

    /// An error for a 2xx body that does not match the API (`reason` names what was wrong).
    public static func invalidResponse(provider: String, reason: String, body: [UInt8]? = nil) -> ProviderError {
        ProviderError(kind: .invalidResponse, provider: provider,
                      body: body.map { String(decoding: $0.prefix(maxBodyLength * 4), as: UTF8.self) },
                      message: "invalid response: \(reason)")
    }

    /// An error for a missing API key, telling exactly which variable or setting to provide
    /// (`setting`, default `providers.<provider>.api_key`).
    public static func missingAPIKey(provider: String, environmentVariable: String, setting: String? = nil) -> ProviderError {
        ProviderError(kind: .missingAPIKey, provider: provider,
                      message: "\(environmentVariable) is not set: export \(environmentVariable)=… "
                          + "or set \(setting ?? "providers.\(provider).api_key") in aviary.yaml")
    }

    /// An error the provider reported in a 2xx body or stream; `status` (when mappable) drives retries.
    public static func apiError(provider: String, type: String, message: String, status: Int? = nil) -> ProviderError {
        ProviderError(kind: .apiError, provider: provider, status: status, message: "\(type): \(message)")
    }

    private static func truncate(_ text: String) -> String {
        text.count <= maxBodyLength ? text : String(text.prefix(maxBodyLength)) + "…"
    }

    /// `error.message` from an OpenAI- or Anthropic-style error body, when present.
    private static func errorMessage(inBody body: [UInt8]) -> String? {
        guard let json = try? JSONValue(parsing: body) else { return nil }
        if let message = json["error"]?["message"]?.stringValue { return message }
        if let message = json["error"]?.stringValue { return message }
        return json["message"]?.stringValue
    }
}
