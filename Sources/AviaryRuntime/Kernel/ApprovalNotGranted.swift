import AviaryCore

/// A call that waited for approval was rejected, or its request expired: it did not run
/// (``RunContext/tool(_:name:arguments:approval:)``).
public struct ApprovalNotGranted: Error, Sendable, CustomStringConvertible {
    /// The answer that refused it.
    public var answer: ApprovalAnswer
    /// The tool that was not called.
    public var tool: String

    public var description: String {
        let reason = answer.reason.map { ": \($0)" } ?? ""
        return answer.decision == .expired
            ? "'\(tool)' not run: the approval request expired before anyone decided\(reason)"
            : "'\(tool)' not run: rejected by \(answer.by)\(reason)"
    }
}
