/// Runs bounded request work with a time limit: 504 when it does not finish in time. Routes that
/// wait on runs use the run timeout instead; streamed bodies are not covered.
func withRequestTimeout<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw APIError.timeout("the request did not complete within \(timeout)")
        }
        return value
    }
}

extension RouteEnvironment {
    /// `body` under the request timeout.
    func bounded<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withRequestTimeout(config.requestTimeout, body)
    }
}
