/// A web search that failed, with what to do about it.
///
/// ``message`` is Aviary's own sentence, never the engine's body: it is what the model and callers
/// see (``callerDescription``). ``details`` keeps what the engine answered, for logs only.
public struct WebSearchError: CallerSafeError, Sendable {
    /// The category of a ``WebSearchError``.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Code: String, Sendable, Hashable {
            case missingAPIKey, jsonFormatDisabled, authentication, rateLimited, http, transport, invalidResponse, notConnected
        }
        private let code: Code

        /// The provider needs an API key and none is set.
        public static let missingAPIKey = Kind(code: .missingAPIKey)
        /// A SearXNG instance that does not serve JSON: `format=json` answered 403.
        public static let jsonFormatDisabled = Kind(code: .jsonFormatDisabled)
        /// The engine rejected the API key.
        public static let authentication = Kind(code: .authentication)
        /// The engine still answered 429 (a rate limit or a used-up quota) after the retries.
        public static let rateLimited = Kind(code: .rateLimited)
        /// The engine answered another non-2xx status.
        public static let http = Kind(code: .http)
        /// The engine could not be reached (connection, TLS, timeout).
        public static let transport = Kind(code: .transport)
        /// The engine answered 2xx with a body that is not what its API promises.
        public static let invalidResponse = Kind(code: .invalidResponse)
        /// No engine is connected in this process (a project loaded only to be validated).
        public static let notConnected = Kind(code: .notConnected)

        /// The kind's name.
        public var description: String { code.rawValue }
    }

    /// The category.
    public let kind: Kind
    /// The provider's name (`searxng`, `brave`).
    public let provider: String
    /// The HTTP status, when there was one.
    public let status: Int?
    /// What went wrong and what to do, in Aviary's words (no engine output).
    public let message: String
    /// What the engine answered or the connection error, for logs; never shown to callers.
    public let details: String?
    /// Correlates ``callerDescription`` with the logged details.
    public let errorID: String

    /// Creates an error; `message` must be safe to show the model (no engine output, no secrets).
    public init(_ kind: Kind, provider: String, message: String, status: Int? = nil, details: String? = nil) {
        self.kind = kind
        self.provider = provider
        self.status = status
        self.message = message
        self.details = details
        self.errorID = "wserr_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// The message with the engine's details, for logs.
    public var description: String { "web search (\(provider)): \(message)" + (details.map { " — \($0)" } ?? "") }

    /// The message and the error id, for the model and callers.
    public var callerDescription: String { "web search (\(provider)): \(message) (error id \(errorID))" }
}
