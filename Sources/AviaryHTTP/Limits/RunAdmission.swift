import Synchronization

/// Caps the runs each tenant executes at once in this process; over the cap a request gets 429.
public final class RunAdmission: Sendable {
    private let limit: Int
    private let active = Mutex<[String: Int]>([:])

    /// Allows `limit` concurrent runs per tenant.
    public init(limitPerTenant limit: Int) { self.limit = max(limit, 1) }

    /// Takes one of the tenant's run slots; 429 when none is free. Pair with ``release(tenant:)``.
    public func acquire(tenant: String) throws(APIError) {
        let admitted = active.withLock { active in
            let n = active[tenant, default: 0]
            guard n < limit else { return false }
            active[tenant] = n + 1
            return true
        }
        guard admitted else {
            throw APIError.tooManyRequests("too_many_runs", "this tenant already has \(limit) runs executing; retry when one finishes", retryAfter: 1)
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
