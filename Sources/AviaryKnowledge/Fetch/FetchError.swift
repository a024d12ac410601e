/// Why a URL was not fetched. The description is `code: message`, the message naming the URL,
/// host or limit and, for a refused address, what to change:
/// `refused: 127.0.0.1 is a loopback address; add it to knowledge.fetch.allow to allow it`.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is, for callers that react to some of them (`code == .refused`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable machine-readable name (`refused`, `http_status`, …).
        public let name: String

        private init(_ name: String) { self.name = name }

        /// Not a URL the fetcher can read: no host, a malformed host or port.
        public static let invalidURL = Code("invalid_url")
        /// A scheme other than http and https (`file:`, `ftp:`).
        public static let unsupportedScheme = Code("unsupported_scheme")
        /// The host is, or resolves to, an address the policy refuses (loopback, private, metadata…).
        public static let refused = Code("refused")
        /// The host does not resolve, or the connection failed.
        public static let unreachable = Code("unreachable")
        /// The server answered with a status other than 2xx (or a redirect without a location).
        public static let httpStatus = Code("http_status")
        /// The response is not a document type Aviary ingests (an image, a binary download).
        public static let unsupportedType = Code("unsupported_type")
        /// The body is over the size limit.
        public static let tooLarge = Code("too_large")
        /// The fetch took longer than its time limit.
        public static let timeout = Code("timeout")
        /// More redirects than the policy follows.
        public static let tooManyRedirects = Code("too_many_redirects")
        /// The site's robots.txt disallows the path for Aviary.
        public static let robotsDisallowed = Code("robots_disallowed")

        public var description: String { name }
    }

    /// What kind of failure it is.
    public let code: Code
    /// A human-readable explanation.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.name): \(message)" }
}
