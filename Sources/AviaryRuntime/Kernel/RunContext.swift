import AviaryCore
import Foundation
import Logging

/// Everything one execution of a run gives its ``RunProgram``: who and what the run is, and the
/// kernel's primitives — ``step(_:_:_:)`` (replay a recorded result or run and record it),
/// ``interrupt(_:_:)`` (wait for a person's answer) and ``child(_:program:input:)`` (a linked
/// child run) — plus event emission and the stop check.
///
/// The journal's write coalescing is private to the kernel: a program never orders writes itself.
public final class RunContext: Sendable {
    /// The run.
    public let runID: RunID
    /// Its tenant.
    public let tenant: String
    /// The principal that started it.
    public let principal: String
    /// Its session, if any.
    public let sessionID: String?
    /// The run that started it as a child, if any.
    public let parentRunID: RunID?
    /// The run's input.
    public let input: JSONValue
    /// The session's workspace folder (`nil` without a session or without workspaces).
    public let workspace: URL?
    /// True when the run executed before (a resume): recorded steps replay.
    public let isResumed: Bool
    /// The runtime's logger.
    public let logger: Logger

    let journal: RunJournal
    let control: RunControl
    let runtime: AgentRuntime
    /// An operator's decision about a non-idempotent step found started (resume of `needs_attention`).
    let decision: ResumeDecision?
    /// The programs whose child runs led here, outermost first, this one last.
    let chain: [String]
    /// Stream model text as transient `model.delta` events.
    let streamDeltas: Bool

    init(runID: RunID, tenant: String, principal: String, sessionID: String?, parentRunID: RunID?, input: JSONValue, workspace: URL?,
         isResumed: Bool, logger: Logger, journal: RunJournal, control: RunControl, runtime: AgentRuntime, decision: ResumeDecision?,
         chain: [String], streamDeltas: Bool) {
        self.runID = runID
        self.tenant = tenant
        self.principal = principal
        self.sessionID = sessionID
        self.parentRunID = parentRunID
        self.input = input
        self.workspace = workspace
        self.isResumed = isResumed
        self.logger = logger
        self.journal = journal
        self.control = control
        self.runtime = runtime
        self.decision = decision
        self.chain = chain
        self.streamDeltas = streamDeltas
    }

    /// The runtime's wall clock (injected in tests): stamps requests and decides expiry.
    public var now: Date { runtime.leasing.now }

    /// Throws when the run was asked to stop (cancelled, or suspended by a shutdown): every
    /// primitive checks before doing work; a long computation between them may check too.
    public func checkpoint() throws { try control.checkpoint() }

    /// Emits an event on the run's stream; it is stored with the run's next write.
    public func emit<P: RunEventPayload>(_ payload: P) async { await journal.emit(payload) }

    /// The recorded entry of a step, if any (for programs that report what a resume replays).
    public func recorded(_ key: String) -> JournalEntry? { journal.entry(key) }
}
