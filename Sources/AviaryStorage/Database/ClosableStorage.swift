/// A store's connections, held until closed.
protocol ClosableStorage: Sendable {
    /// Releases the connections.
    func close() async throws
}

extension ClosableStorage {
    /// Runs `body` and always closes: a failure of `body` wins over one of `close`.
    func closing<T: Sendable>(after body: (Self) async throws -> T) async throws -> T {
        do {
            let result = try await body(self)
            try await close()
            return result
        } catch {
            try? await close()
            throw error
        }
    }
}
