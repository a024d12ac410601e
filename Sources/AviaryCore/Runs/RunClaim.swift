/// What claiming one run for execution found (``RunStore/claimRun(_:tenant:lease:now:)``).
public enum RunClaim: Sendable, Hashable {
    /// The run is now `running` under the caller's lease; the record as stored.
    case claimed(RunRecord)
    /// Another process holds a live lease on the run (it is executing there); the record as stored.
    case held(RunRecord)
    /// The run has ended (`completed` or `cancelled`); the record as stored.
    case ended(RunRecord)
    /// The tenant has no such run.
    case absent
}
