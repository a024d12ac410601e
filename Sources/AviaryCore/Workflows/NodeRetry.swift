/// How a workflow node retries a failed attempt (`retry:`): up to `attempts` attempts in all,
/// waiting `backoff` × 2ⁿ (capped at `maxBackoff`, with jitter when set) between them, for the
/// errors `on` names.
public struct NodeRetry: Sendable, Hashable {
    /// The kinds of failure a retry policy can name (`on:`).
    public enum Trigger: String, Sendable, Hashable, CaseIterable {
        /// Any failure.
        case error
        /// The node's `timeout` passed.
        case timeout
        /// A tool node's tool failed.
        case tool
        /// An agent or sub-workflow node's child run failed.
        case child
        /// The output broke the node's `output_schema`.
        case schema
    }

    /// Attempts in all (1: no retry).
    public var attempts: Int
    /// The first wait, in seconds.
    public var backoff: Double
    /// The longest wait, in seconds.
    public var maxBackoff: Double
    /// Whether each wait is a random fraction (½ to 1) of the computed one.
    public var jitter: Bool
    /// The failures that are retried.
    public var on: Set<Trigger>

    /// Creates a policy.
    public init(attempts: Int = 1, backoff: Double = 1, maxBackoff: Double = 60, jitter: Bool = true, on: Set<Trigger> = [.error]) {
        self.attempts = attempts
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.jitter = jitter
        self.on = on
    }

    /// No retry.
    public static let none = NodeRetry()

    /// Whether a failure of `kind` after attempt `attempt` (from 1) is tried again.
    public func retries(_ kind: Trigger, after attempt: Int) -> Bool {
        attempt < attempts && (on.contains(.error) || on.contains(kind))
    }

    /// The wait after attempt `attempt` (from 1), in seconds.
    public func delay(after attempt: Int) -> Double {
        let base = min(maxBackoff, backoff * Double(1 << min(attempt - 1, 30)))
        return jitter ? base * Double.random(in: 0.5...1.0) : base
    }
}
