import AviaryCore

/// A child run as its parent asks for it: by a program's ``RunContext/child(_:program:input:)``
/// or by a delegation tool call.
struct ChildRunRequest: Sendable {
    /// The parent run.
    let parent: RunID
    /// The parent's step that starts the child; the child's id derives from it.
    let key: String
    let tenant: String
    let principal: String
    let sessionID: String?
    /// The parent executed before: the child may exist already.
    let parentResumed: Bool
    /// The programs whose child runs led to the parent, outermost first, the parent's last.
    let chain: [String]
    /// The program or agent the child runs.
    let program: String
    let input: JSONValue

    /// The child's id.
    var childID: RunID { parent.child(key) }

    /// The error that stops the parent for a child that ended without finishing: waiting for a
    /// person (the parent waits too; an answer resumes the parent, which resumes the child),
    /// needing attention, interrupted or cancelled; nil for a completed or failed child.
    static func stop(for record: RunRecord, program: String) -> RuntimeError? {
        switch record.status {
        case .needsAttention:
            RuntimeError(.needsAttention, "delegated run \(record.id) (\(program)) needs attention: \(record.error ?? "")")
        case .waiting:
            RuntimeError(.waiting, "delegated run \(record.id) (\(program)) waits for approval")
        case .interrupted:
            RuntimeError(.interrupted, "delegated run \(record.id) (\(program)) was interrupted; resume to continue")
        case .cancelled:
            RuntimeError(.cancelled, "delegated run \(record.id) (\(program)) was cancelled")
        default:
            nil
        }
    }
}
