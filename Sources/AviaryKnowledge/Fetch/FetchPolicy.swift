/// What the fetcher may fetch and how much (`knowledge.fetch` in `aviary.yaml`). Every field has
/// a safe default: public addresses only, 20 MB, 30 s, 5 redirects, robots.txt honoured.
public struct FetchPolicy: Sendable, Hashable {
    /// Internal hosts and networks that may be fetched (`allow`). Default: none.
    public var allow: FetchAllowlist
    /// The largest body read, in bytes (`max_bytes`); a larger response fails. Default 20 MB.
    public var maxBytes: Int
    /// The time limit of one fetch, all redirects and the robots.txt check included
    /// (`timeout_seconds`). Default 30 s.
    public var timeout: Duration
    /// The time limit for opening one connection; at most ``timeout``. Default 10 s.
    public var connectTimeout: Duration
    /// Redirects followed, each checked like the first URL (`max_redirects`). Default 5.
    public var maxRedirects: Int
    /// Whether the site's robots.txt is read and obeyed (`robots`). Default true.
    public var respectRobots: Bool
    /// The User-Agent sent, whose first word is the token robots.txt groups are matched against
    /// (`user_agent`). Default `Aviary/1.0 (+knowledge ingestion)`.
    public var userAgent: String

    /// The default User-Agent.
    public static let defaultUserAgent = "Aviary/1.0 (+knowledge ingestion)"

    /// Creates a policy.
    public init(allow: FetchAllowlist = FetchAllowlist(), maxBytes: Int = 20_000_000, timeout: Duration = .seconds(30),
                connectTimeout: Duration = .seconds(10), maxRedirects: Int = 5, respectRobots: Bool = true,
                userAgent: String = FetchPolicy.defaultUserAgent) {
        self.allow = allow
        self.maxBytes = maxBytes
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxRedirects = maxRedirects
        self.respectRobots = respectRobots
        self.userAgent = userAgent
    }

    /// The product token robots.txt groups are matched against: the User-Agent's first word
    /// before any `/` (`Aviary`).
    public var robotsToken: String {
        let word = userAgent.split(separator: " ").first.map(String.init) ?? userAgent
        let token = word.split(separator: "/").first.map(String.init) ?? word
        return token.isEmpty ? "Aviary" : token
    }

    /// ``timeout`` in seconds, as messages show it (`30`, `0.5`).
    var timeoutText: String {
        let (seconds, attoseconds) = timeout.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value.rounded() == value ? String(Int(value)) : String(value)
    }
}
