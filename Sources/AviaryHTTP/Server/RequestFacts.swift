import Synchronization

/// What inner layers learn about a request (who called, which run it started), shared by every
/// copy of the request's context so the outer observability middleware can log and trace it.
public final class RequestFacts: Sendable {
    private struct State {
        var tenant: String?
        var principal: String?
        var runID: String?
    }

    private let state = Mutex(State())

    /// Creates empty facts.
    public init() {}

    /// Records the authenticated caller.
    func caller(tenant: String, principal: String) { state.withLock { $0.tenant = tenant; $0.principal = principal } }

    /// Records the run the request started or acted on.
    func run(_ id: String) { state.withLock { $0.runID = id } }

    /// Log metadata of the facts known so far.
    var metadata: [String: String] {
        state.withLock { s in
            var m: [String: String] = [:]
            if let t = s.tenant { m["tenant"] = t }
            if let p = s.principal { m["principal"] = p }
            if let r = s.runID { m["run_id"] = r }
            return m
        }
    }
}
