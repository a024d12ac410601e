/// How many failed authentications a client address may make before it is refused without a key
/// lookup, and how long an unknown API key is remembered as unknown.
public struct AuthFailureLimits: Sendable, Hashable {
    /// Failed authentications per address within ``window`` before 429 `auth_rate_limited`. Default 20.
    public var maxFailures: Int
    /// The window over which ``maxFailures`` refills (a token bucket). Default 60 s.
    public var window: Duration
    /// How long an API key that matched no stored key answers 401 without another store lookup. Default 30 s.
    public var unknownKeyTTL: Duration

    /// Creates limits; every argument has its documented default.
    public init(maxFailures: Int = 20, window: Duration = .seconds(60), unknownKeyTTL: Duration = .seconds(30)) {
        self.maxFailures = maxFailures
        self.window = window
        self.unknownKeyTTL = unknownKeyTTL
    }
}
