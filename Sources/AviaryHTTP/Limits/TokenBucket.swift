/// A token bucket as a value: `capacity` tokens, refilled at `rate` per second. Pure state, no clock
/// of its own, so it is tested by passing instants.
public struct TokenBucket: Sendable, Hashable {
    /// The outcome of taking a token.
    public enum Decision: Sendable, Hashable {
        /// Allowed; a token was spent.
        case allowed
        /// Denied; a token will be available after this many seconds.
        case denied(retryAfter: Double)
    }

    /// Maximum tokens (the burst).
    public let capacity: Double
    /// Tokens added per second.
    public let rate: Double
    /// Tokens now.
    public private(set) var tokens: Double
    /// When `tokens` was last brought up to date, in seconds on the caller's clock.
    public private(set) var updatedAt: Double

    /// A full bucket at time `now`.
    public init(capacity: Int, rate: Double, now: Double) {
        self.capacity = Double(max(capacity, 1))
        self.rate = max(rate, 0.001)
        self.tokens = self.capacity
        self.updatedAt = now
    }

    /// Refills for the time since the last call, then takes one token if there is one.
    public mutating func take(now: Double) -> Decision {
        if now > updatedAt {
            tokens = min(capacity, tokens + (now - updatedAt) * rate)
            updatedAt = now
        }
        if tokens >= 1 {
            tokens -= 1
            return .allowed
        }
        return .denied(retryAfter: (1 - tokens) / rate)
    }

    /// True when the bucket would be full at `now` (it can be forgotten).
    public func isFull(at now: Double) -> Bool { tokens + (now - updatedAt) * rate >= capacity }
}
