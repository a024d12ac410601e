extension RetryPolicy {
    /// Retries for web search, where a person or a model waits for the answer: 3 attempts, 0.25 s
    /// base backoff capped at 2 s, and an engine's `Retry-After` honoured up to 3 s (a longer wait
    /// is cut to 3 s; the search then fails as rate limited rather than stalling the agent).
    public static var webSearch: RetryPolicy {
        RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(250), maxDelay: .seconds(2), maxRetryAfter: .seconds(3))
    }
}
