import AviaryRuntime

/// Runs bounded request work with a time limit: 504 when it does not finish in time (the work's
/// task is cancelled). Routes that wait on runs use the run timeout instead; streamed bodies are
/// not covered.
func withRequestTimeout<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withTimeLimit(timeout, timeout: { APIError.timeout("the request did not complete within \(timeout)") }, body)
}

extension RouteEnvironment {
    /// `body` under the request timeout.
    func bounded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withRequestTimeout(config.requestTimeout, body)
    }
}
