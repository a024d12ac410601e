import AviaryCore

/// A failure of the agent runtime, with context.
public struct RuntimeError: Error, Sendable, CustomStringConvertible {
    enum Code: String, Sendable {
        case unknownAgent, maxIterations, invalidOutput, needsAttention, runNotFound, notResumable, modelFailed,
             loopDetected, agentNotRunnable, cancelled, interrupted, erased, waiting, notWaiting, notAllowed, invalidAnswer
    }
    let code: Code
    /// Human-readable explanation.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Stable machine-readable code.
    public var codeName: String { code.rawValue }
    /// True when the run stopped in `needs_attention` waiting for a human decision.
    public var isNeedsAttention: Bool { code == .needsAttention }
    /// True for errors that stop the run rather than fail a step: needs-attention, cancelled,
    /// interrupted, waiting (for a person).
    public var stopsRun: Bool { code == .needsAttention || code == .cancelled || code == .interrupted || code == .waiting }

    public var description: String { message }
}
