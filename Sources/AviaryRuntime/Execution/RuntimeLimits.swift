/// Bounds on what one model turn can set off (`limits:` in `aviary.yaml`): a model answering
/// with a hundred tool calls, or agents delegating to each other without end, cannot turn one
/// request into unbounded work.
public struct RuntimeLimits: Sendable {
    /// Tool calls of one model turn that run; the calls beyond get an error result telling the
    /// model the limit (`limits.max_tool_calls_per_turn`, default 16).
    public var maxToolCallsPerTurn: Int
    /// Tool calls of one turn that run at the same time (`limits.max_parallel_tool_calls`, default 8).
    public var maxParallelToolCalls: Int
    /// Delegations nested inside each other (`limits.max_delegation_depth`, default 4): a run
    /// delegating at that depth gets a tool error naming the chain of agents, which is how a cycle
    /// of agents delegating to each other ends.
    public var maxDelegationDepth: Int
    /// The tenant run slots child runs take (the HTTP server's, so a tenant's delegations count
    /// against its `server.max_concurrent_runs_per_tenant`); `nil`: child runs are not counted.
    public var admission: RunAdmission?

    /// Creates limits; the defaults are those documented above.
    public init(maxToolCallsPerTurn: Int = 16, maxParallelToolCalls: Int = 8, maxDelegationDepth: Int = 4,
                admission: RunAdmission? = nil) {
        self.maxToolCallsPerTurn = max(1, maxToolCallsPerTurn)
        self.maxParallelToolCalls = max(1, maxParallelToolCalls)
        self.maxDelegationDepth = max(1, maxDelegationDepth)
        self.admission = admission
    }
}
