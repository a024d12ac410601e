/// A run's pending approval, as listed for the people who may decide it.
public struct PendingApproval: Sendable, Hashable {
    /// The waiting run.
    public var run: RunRecord
    /// The step that waits (`turn/N/tool/<call id>/approval`).
    public var stepKey: String
    /// What waits.
    public var request: ApprovalRequest

    /// Creates an entry.
    public init(run: RunRecord, stepKey: String, request: ApprovalRequest) {
        self.run = run
        self.stepKey = stepKey
        self.request = request
    }
}
