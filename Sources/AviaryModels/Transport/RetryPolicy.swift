/// Retries retryable provider failures with exponential backoff and full jitter, honouring the
/// provider's `Retry-After` (capped).
///
/// Sleeping and randomness are injected so tests run without real waiting.
public struct RetryPolicy: Sendable {
    /// Total attempts including the first (default 3; 1 disables retries).
    public var maxAttempts: Int
    /// Backoff before the first retry, before jitter (default 0.5 s); doubles each retry.
    public var baseDelay: Duration
    /// Largest backoff before jitter (default 20 s).
    public var maxDelay: Duration
    /// Largest wait honoured from `Retry-After` (default 60 s); longer requests are capped to this.
    public var maxRetryAfter: Duration
    /// Sleeps for a duration (default `Task.sleep`); throws on cancellation.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Returns a uniform random number in `0..<1` for jitter (default `Double.random`).
    public var random: @Sendable () -> Double
    /// Decides whether an error is worth retrying (default: ``ProviderError/isRetryable``).
    public var isRetryable: @Sendable (any Error) -> Bool

    /// Creates a policy.
    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        maxRetryAfter: Duration = .seconds(60),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        isRetryable: @escaping @Sendable (any Error) -> Bool = { ($0 as? ProviderError)?.isRetryable ?? false }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.sleep = sleep
        self.random = random
        self.isRetryable = isRetryable
    }

    /// The default policy (3 attempts, 0.5 s base, 20 s cap, `Retry-After` up to 60 s).
    public static var standard: RetryPolicy { RetryPolicy() }

    /// A policy that never retries.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// The wait before retry number `retry` (1-based) after `error`: the provider's `Retry-After`
    /// (capped at ``maxRetryAfter``) when given, otherwise `random × min(maxDelay, baseDelay × 2^(retry-1))`.
    public func delay(beforeRetry retry: Int, after error: any Error) -> Duration {
        if let seconds = (error as? ProviderError)?.retryAfter {
            // Clamped in floating point before converting: a provider (or a proxy) controls this
            // number, and `Int64(1e20)` or `Int64(.infinity)` would trap.
            let capMilliseconds = Double(maxRetryAfter.components.seconds) * 1000
                + Double(maxRetryAfter.components.attoseconds) / 1e15
            let milliseconds = seconds.isFinite ? min(max(seconds * 1000, 0), capMilliseconds) : capMilliseconds
            return min(Duration.milliseconds(Int64(milliseconds.rounded(.up))), maxRetryAfter)
        }
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        let jitter = min(max(random(), 0), 1)
        return ceiling * jitter
    }

    /// Runs `operation`, retrying retryable failures up to ``maxAttempts`` in total.
    /// `onRetry` sees the failed attempt number, its error and the wait before the next attempt.
    /// Cancellation is never retried.
    public func run<T>(
        onRetry: (_ attempt: Int, _ error: any Error, _ delay: Duration) -> Void = { _, _, _ in },
        _ operation: () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard attempt < maxAttempts, !(error is CancellationError), !Task.isCancelled, isRetryable(error)
                else { throw error }
                let wait = delay(beforeRetry: attempt, after: error)
                onRetry(attempt, error, wait)
                try await sleep(wait)
                attempt += 1
            }
        }
    }
}
