import Synchronization

/// Per-key token buckets (see ``TokenBucket``). Buckets of idle keys are dropped once full again.
public final class RateLimiter: Sendable {
    private let capacity: Int
    private let rate: Double
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// Allows `rate` requests per second per key with bursts of `burst`.
    public init(rate: Double, burst: Int) {
        self.capacity = burst
        self.rate = rate
        self.origin = clock.now
    }

    /// Spends a token of `key`'s bucket.
    public func take(_ key: String) -> TokenBucket.Decision {
        let now = seconds(clock.now - origin)
        return buckets.withLock { buckets in
            if buckets.count > 50_000 { buckets = buckets.filter { !$0.value.isFull(at: now) } }
            var bucket = buckets[key] ?? TokenBucket(capacity: capacity, rate: rate, now: now)
            let decision = bucket.take(now: now)
            buckets[key] = bucket
            return decision
        }
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
