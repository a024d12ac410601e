import AviaryCore
import Foundation

extension RunContext {
    /// Waits for a person: the first time, records `request` as a `waiting` step, emits
    /// `approval.requested` and suspends the run (status `waiting`; the call throws and the
    /// program's execution ends). Once an answer is recorded (``AgentRuntime/answerApproval(_:tenant:principal:role:decision:reason:value:)``,
    /// by compare-and-set: exactly one answer wins) and the run resumed, returns that answer:
    /// approved (with the value, for input), rejected, or expired (with the default answer when
    /// the request's expiry takes it). An expiry whose rule fails the run throws instead.
    ///
    /// The kernel stamps ``ApprovalRequest/requestedAt`` with ``now``; an ``ApprovalRequest/expiresAt``
    /// keeps its distance from the requested time.
    public func interrupt(_ key: String, _ request: ApprovalRequest) async throws -> ApprovalAnswer {
        if let entry = journal.entry(key) {
            let format = entry.output?["format"]?.intValue
            guard format == ApprovalRequest.format else {
                throw RuntimeError(.agentNotRunnable, """
                    step \(key) is stored in approval format \(format.map(String.init) ?? "none"), which this version does not know \
                    (it knows \(ApprovalRequest.format)); resume it with the version that stored it
                    """)
            }
            let stored = entry.output?["request"].flatMap(ApprovalRequest.init(json:)) ?? request
            switch entry.state {
            case .completed:
                guard let answer = entry.output?["answer"].flatMap(ApprovalAnswer.init(json:)) else {
                    throw RuntimeError(.agentNotRunnable, "step \(key) is answered but its answer cannot be read")
                }
                // the answer's event once per run, when the run first reads it (a marker step,
                // held, is written with the event); a later resume that replays this step is silent
                let read = key + "/read"
                if journal.entry(read) == nil {
                    await announce(answer, to: stored, key: key)
                    journal.hold(read, output: .null)
                }
                if answer.decision == .expired, stored.onExpiry == .fail {
                    throw ApprovalExpired(message: "\(stored.subject) (step \(key)) expired unanswered")
                }
                return answer
            case .waiting, .started, .failed:
                throw RuntimeError(.waiting, Self.waitingMessage(stored, key: key))
            }
        }
        try control.checkpoint()
        var stamped = request
        stamped.requestedAt = now
        stamped.expiresAt = request.expiresAt.map { stamped.requestedAt.addingTimeInterval($0.timeIntervalSince(request.requestedAt)) }
        await journal.emit(ApprovalRequestedEvent(step: key, request: stamped))
        try await journal.record(key, .waiting, output: stamped.journalOutput(), wakesAt: stamped.expiresAt)
        throw RuntimeError(.waiting, Self.waitingMessage(stamped, key: key))
    }

    /// Emits the event of a recorded answer as the resumed run reads it.
    private func announce(_ answer: ApprovalAnswer, to request: ApprovalRequest, key: String) async {
        let tool = request.tool.isEmpty ? nil : request.tool, callID = request.tool.isEmpty ? nil : request.callID
        switch answer.decision {
        case .approved:
            await journal.emit(ApprovalGrantedEvent(step: key, tool: tool, callID: callID, by: answer.by, reason: answer.reason,
                                                    answer: answer.value))
        case .rejected:
            await journal.emit(ApprovalDeniedEvent(step: key, tool: tool, callID: callID, by: answer.by, reason: answer.reason))
        case .expired:
            await journal.emit(ApprovalExpiredEvent(step: key, tool: tool, callID: callID, by: answer.by, reason: answer.reason,
                                                    answer: answer.value, onExpiry: request.onExpiry))
        }
    }

    /// Why the run waits.
    static func waitingMessage(_ request: ApprovalRequest, key: String) -> String {
        switch request.kind {
        case .approval where !request.tool.isEmpty: "the call of '\(request.tool)' (step \(key)) waits for approval"
        case .approval: "step \(key) waits for approval: \(request.summary)"
        case .input: "step \(key) waits for input: \(request.summary)"
        }
    }
}

/// A request expired unanswered and its rule says the run fails.
struct ApprovalExpired: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
