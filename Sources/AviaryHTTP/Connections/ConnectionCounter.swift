import Synchronization

/// Counts the server's open connections and admits a new one only below the cap.
final class ConnectionCounter: Sendable {
    private let limit: Int
    private let open = Mutex(0)

    /// A counter admitting at most `limit` connections at once.
    init(limit: Int) { self.limit = max(limit, 1) }

    /// Takes a slot for a new connection; false when the cap is reached (the connection must be closed).
    func admit() -> Bool {
        open.withLock { open in
            guard open < limit else { return false }
            open += 1
            return true
        }
    }

    /// Returns the slot of a closed connection.
    func release() { open.withLock { $0 -= 1 } }
}
