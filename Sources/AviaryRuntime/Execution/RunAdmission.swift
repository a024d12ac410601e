import Synchronization

/// Caps the runs each tenant executes at once in this process, delegated child runs included:
/// the HTTP server takes a slot for every run it starts (429 over the cap) and the runtime one for
/// every child run a delegation starts (a tool error over the cap).
public final class RunAdmission: Sendable {
    /// The runs a tenant may execute at once.
    public let limit: Int
    private let active = Mutex<[String: Int]>([:])

    /// Allows `limit` concurrent runs per tenant.
    public init(limitPerTenant limit: Int) { self.limit = max(limit, 1) }

    /// Takes one of the tenant's run slots; false when none is free. Pair a success with ``release(tenant:)``.
    public func tryAcquire(tenant: String) -> Bool {
        active.withLock { active in
            let n = active[tenant, default: 0]
            guard n < limit else { return false }
            active[tenant] = n + 1
            return true
        }
    }

    /// Gives a slot back.
    public func release(tenant: String) {
        active.withLock { active in
            let n = active[tenant, default: 1] - 1
            active[tenant] = n > 0 ? n : nil
        }
    }

    /// Runs executing for a tenant now.
    public func count(tenant: String) -> Int { active.withLock { $0[tenant, default: 0] } }
}
