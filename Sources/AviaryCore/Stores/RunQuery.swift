/// Which runs to list. Always scoped to one tenant.
public struct RunQuery: Sendable, Hashable {
    /// The tenant.
    public var tenant: String
    /// Only runs of this session.
    public var sessionID: String?
    /// Only runs started by this principal.
    public var principal: String?
    /// Only runs in this status.
    public var status: RunStatus?
    /// Only top-level runs (no delegated child runs). Default false.
    public var topLevelOnly: Bool
    /// Only this run and its child runs, at any depth (ids `<run>.<step>…`).
    public var family: RunID?
    /// At most this many, newest first. Default 50.
    public var limit: Int

    /// Creates a query.
    public init(tenant: String, sessionID: String? = nil, principal: String? = nil, status: RunStatus? = nil,
                topLevelOnly: Bool = false, family: RunID? = nil, limit: Int = 50) {
        self.tenant = tenant
        self.sessionID = sessionID
        self.principal = principal
        self.status = status
        self.topLevelOnly = topLevelOnly
        self.family = family
        self.limit = limit
    }
}
