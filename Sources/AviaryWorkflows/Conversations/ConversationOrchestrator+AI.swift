import AviaryCore
import AviaryRuntime
import Foundation

extension ConversationOrchestrator {
    /// What the user reads after a failed AI turn (the error itself stays with the run, for operators).
    public static let failedTurnMessage = "Sorry, something went wrong while answering. Please try again."

    /// Runs the AI turn `runID` of a conversation in `ai_processing` and applies its outcome.
    /// A run that does not end here (it waits for an approval, or outlives the runner's patience)
    /// leaves the conversation in `ai_processing`; ``recover()`` applies its outcome later.
    /// A run that could not start (the tenant's run slots are full, the server is stopping) is
    /// rethrown, and the turn stays for ``recover()`` to start again — unless `failIfUnstarted`
    /// (the recovery's own attempt), which counts it as a failed turn.
    func runTurn(_ c: ConversationRecord, runID: String, definition: WorkflowDefinition, failIfUnstarted: Bool = false) async throws -> ConversationTurn {
        let history = try await recentMessages(c)
        let message = history.last { $0.role == .user }?.text ?? ""
        var request = RunRequest(agent: c.workflow,
                                 input: WorkflowInput(input: turnInput(c, message, Array(history.dropLast())), context: c.context ?? .object([:])).stored,
                                 tenant: c.tenant, principal: c.principal)
        request.runID = RunID(runID)
        let run: RunRecord
        do {
            run = try await runner(request)
        } catch {
            if let stored = try await runtime.loadRun(RunID(runID), tenant: c.tenant), !stored.status.isTerminal {
                return ConversationTurn(conversation: try await conversation(c.id, tenant: c.tenant), replies: [], handedOver: false)
            }
            if !failIfUnstarted, try await runtime.loadRun(RunID(runID), tenant: c.tenant) == nil { throw error }
            var failed = RunRecord(id: RunID(runID), tenant: c.tenant, principal: c.principal, agent: c.workflow, input: request.input, status: .failed)
            failed.error = "the AI run could not start: \(error)"
            return try await settle(c.id, tenant: c.tenant, run: failed, definition: definition, history: history)
        }
        return try await settle(c.id, tenant: c.tenant, run: run, definition: definition, history: history)
    }

    /// Applies the outcome of a conversation's AI run, once: a run that is not the conversation's
    /// current turn, or that has not ended, changes nothing.
    func settle(_ id: String, tenant: String, run: RunRecord, definition: WorkflowDefinition,
                history: [ConversationMessage]) async throws -> ConversationTurn {
        guard run.status.isTerminal || run.status == .needsAttention else {
            return ConversationTurn(conversation: try await conversation(id, tenant: tenant), replies: [], handedOver: false)
        }
        let hil = definition.hil ?? HILConfig()
        var outcome = TurnOutcome.of(run, definition: definition, history: history)
        if !hil.enabled, case .handover = outcome {
            outcome = .answered(reply: (run.output?["result"]?.stringValue) ?? "", confidence: nil)
        }
        let now = clock()
        var handedOver = false
        do {
            let (commit, actions) = try await change(id, tenant: tenant) { m, extra in
                guard m.conversation.state == .aiProcessing, m.conversation.activeRunID == run.id.rawValue else { throw Skip() }
                handedOver = false
                switch outcome {
                case .answered(let reply, let confidence):
                    if !reply.isEmpty { extra.messages.append(ConversationMessage(role: .ai, text: reply, runID: run.id.rawValue, createdAt: now)) }
                    return try m.aiAnswered(confidence: confidence, now: now)
                case .handover(let context, let priority):
                    handedOver = true
                    extra.messages.append(ConversationMessage(role: .system, text: hil.handoverMessage, runID: run.id.rawValue, createdAt: now))
                    return try m.aiHandedOver(context, priority: priority, now: now)
                case .failed(_, let context):
                    let actions = try m.aiFailed(errorThreshold: hil.enabled ? hil.errorThreshold : nil, handover: context, now: now)
                    handedOver = actions.contains(.enqueue)
                    extra.messages.append(ConversationMessage(
                        role: .system, text: handedOver ? hil.handoverMessage : Self.failedTurnMessage,
                        runID: run.id.rawValue, createdAt: now))
                    return actions
                }
            }
            try await perform(actions, commit.conversation)
            return ConversationTurn(conversation: try await conversation(id, tenant: tenant), replies: commit.messages, handedOver: handedOver)
        } catch is Skip {
            return ConversationTurn(conversation: try await conversation(id, tenant: tenant), replies: [], handedOver: false)
        }
    }

    /// Finishes the AI turns a stopped process left behind: a turn whose run ended is applied, an
    /// interrupted run is resumed, a run that never started is started. Turns whose runs execute
    /// in this process, or wait for a person, are left alone, and so are turns younger than
    /// `minimumAge` (a request of this process may be about to start their run). Returns the
    /// turns it settled.
    @discardableResult
    public func recover(limit: Int = 200, minimumAge: Double = 0) async throws -> [ConversationTurn] {
        let open = try await store.conversations(in: .aiProcessing, tenant: nil, limit: limit)
        var settled: [ConversationTurn] = []
        let now = clock()
        for c in open where now.timeIntervalSince(c.updatedAt) >= minimumAge {
            guard let runID = c.activeRunID, !runtime.activeRuns.contains(RunID(runID)),
                  let definition = try? definition(c.workflow) else { continue }
            do {
                if let turn = try await recoverTurn(c, runID: RunID(runID), definition: definition) { settled.append(turn) }
            } catch {
                continue // held by another process, or not resumable yet: the next pass tries again
            }
        }
        return settled
    }

    private func recoverTurn(_ c: ConversationRecord, runID: RunID, definition: WorkflowDefinition) async throws -> ConversationTurn? {
        let history = try await recentMessages(c)
        guard let run = try await runtime.loadRun(runID, tenant: c.tenant) else {
            return try await runTurn(c, runID: runID.rawValue, definition: definition, failIfUnstarted: true)
        }
        switch run.status {
        case .completed, .failed, .cancelled, .needsAttention:
            return try await settle(c.id, tenant: c.tenant, run: run, definition: definition, history: history)
        case .waiting:
            return nil
        default:
            let resumed = try await runtime.resume(runID, tenant: c.tenant)
            return try await settle(c.id, tenant: c.tenant, run: resumed, definition: definition, history: history)
        }
    }
}
