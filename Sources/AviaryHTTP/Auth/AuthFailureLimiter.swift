import Synchronization

/// Counts failed authentications per client address in token buckets (``TokenBucket``) of
/// ``AuthFailureLimits/maxFailures`` tokens refilled over ``AuthFailureLimits/window``. An address
/// whose bucket is empty is refused before its credentials are looked at, so guessing keys costs
/// the store nothing once the budget is spent.
final class AuthFailureLimiter: Sendable {
    private let capacity: Int
    private let rate: Double
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// A limiter under `limits`.
    init(limits: AuthFailureLimits) {
        capacity = max(limits.maxFailures, 1)
        let seconds = Double(limits.window.components.seconds) + Double(limits.window.components.attoseconds) / 1e18
        rate = Double(capacity) / max(seconds, 0.001)
        origin = clock.now
    }

    /// Seconds until `address` may try again, or nil when it may try now. Spends nothing.
    func retryAfter(_ address: String) -> Double? {
        let now = elapsed()
        guard var bucket = buckets.withLock({ $0[address] }) else { return nil }
        if case .denied(let retryAfter) = bucket.take(now: now) { return retryAfter }
        return nil
    }

    /// Records one failed authentication of `address`.
    func recordFailure(_ address: String) {
        let now = elapsed()
        buckets.withLock { buckets in
            if buckets.count > 50_000 { buckets = buckets.filter { !$0.value.isFull(at: now) } }
            var bucket = buckets[address] ?? TokenBucket(capacity: capacity, rate: rate, now: now)
            _ = bucket.take(now: now)
            buckets[address] = bucket
        }
    }

    private func elapsed() -> Double {
        let d = clock.now - origin
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
