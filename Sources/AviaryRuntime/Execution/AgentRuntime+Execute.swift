import AviaryCore
import Foundation

extension AgentRuntime {
    /// Executes (or re-executes against its journal) one run, and records how it ended.
    /// `delegationChain` names the agents whose delegations led here, outermost first (empty for
    /// a run that is not a delegation, or one resumed on its own).
    func execute(_ initial: RunRecord, agent: AgentDefinition, journal: RunJournal, decision: ResumeDecision?,
                 streamDeltas: Bool, delegationChain: [String] = []) async throws -> RunRecord {
        let control = try activeRuns.register(initial.id, journal: journal, sessionID: initial.sessionID)
        defer { activeRuns.unregister(initial.id) }
        var record = initial
        var lifecycle = RunLifecycle(status: record.status)
        let resuming = !journal.isEmpty || record.status != .pending
        if case .reject(let message) = lifecycle.handle(resuming ? .resume : .start) {
            throw RuntimeError(.notResumable, "run \(record.id): \(message)")
        }
        record.status = lifecycle.status
        if resuming {
            await journal.emit(.runResumed, ["agent": .string(agent.name)])
            record.updatedAt = Date()
            try await runs.updateRun(record)
        } else {
            var data: [String: JSONValue] = ["agent": .string(agent.name), "input": record.input]
            if let parent = record.parentRunID { data["parent_run_id"] = .string(parent.rawValue) }
            await journal.emit(.runStarted, .object(data))
        }
        do {
            try control.checkpoint()
            var execution = try await prepare(record, agent: agent, journal: journal, decision: decision, control: control,
                                            resuming: resuming, delegationChain: delegationChain + [agent.name])
            execution.streamDeltas = streamDeltas
            let outcome = agent.kind == .simple ? try await execution.simple() : try await execution.react()
            try await commitSession(record, agent: agent, outcome: outcome, journal: journal)
            _ = lifecycle.handle(.complete)
            record.output = outcome.output
            record.usage = outcome.usage
            record.error = nil
            await journal.emit(.runFinished, ["output": outcome.output, "usage": outcome.usage.json])
        } catch let error as RuntimeError where error.isNeedsAttention {
            _ = lifecycle.handle(.interruptedUnsafely)
            record.error = error.message
            await journal.emit(.runNeedsAttention, ["error": .string(error.message)])
        } catch let error as RuntimeError where error.code == .waiting {
            _ = lifecycle.handle(.pause)
            record.error = nil
            await journal.emit(.runWaiting, ["reason": .string(error.message)])
        } catch let error as RuntimeError where error.code == .interrupted {
            _ = lifecycle.handle(.suspend)
            record.error = error.message
            await journal.emit(.runInterrupted, ["error": .string(error.message)])
        } catch let error as RuntimeError where error.code == .cancelled {
            _ = lifecycle.handle(.cancel)
            record.error = "cancelled"
            await journal.emit(.runCancelled, [:])
        } catch is CancellationError {
            // The task was cancelled (process shutting down, caller gone), not the run: keep it resumable.
            _ = lifecycle.handle(.suspend)
            record.error = "interrupted: the executing task was cancelled; resume to continue"
            await journal.emit(.runInterrupted, ["error": .string(record.error ?? "")])
        } catch {
            _ = lifecycle.handle(.fail)
            record.error = (error as? RuntimeError)?.message ?? (error as? any CallerSafeError)?.callerDescription ?? "\(error)"
            await journal.emit(.runFailed, ["error": .string(record.error ?? "")])
        }
        record.status = lifecycle.status
        record.updatedAt = Date()
        try await journal.finish(record)
        return record
    }

    private func prepare(_ record: RunRecord, agent: AgentDefinition, journal: RunJournal, decision: ResumeDecision?,
                         control: RunControl, resuming: Bool, delegationChain: [String]) async throws -> RunExecution {
        let model = try models.resolve(agent.model)
        var selected: [String: PreparedTool] = [:]
        for name in agent.tools {
            if let other = catalog.agent(named: name), other.name != agent.name {
                // Production runs published agents only, delegates included: a draft is for its
                // builders, who reach it by running a draft (debug) agent.
                if agent.status == .published, other.status == .draft {
                    throw RuntimeError(.agentNotRunnable,
                                       "published agent '\(agent.name)' delegates to '\(other.name)', which is a draft; publish it first")
                }
                selected[name] = PreparedTool(AgentTool(agent: other, runtime: self), schema: AgentTool.schema)
                continue
            }
            let matches = Glob.isPattern(name) ? tools.keys.filter { Glob.matches(name, $0) } : tools[name] == nil ? [] : [name]
            if matches.isEmpty { throw RuntimeError(.agentNotRunnable, "agent '\(agent.name)' lists unknown tool '\(name)'") }
            for m in matches { selected[m] = tools[m] }
        }
        var history = try await loadHistory(record, agent: agent, journal: journal)
        if let given = record.input["history"], !given.isNull {
            do { history += try given.decode(as: [Message].self) } catch {
                throw RuntimeError(.agentNotRunnable, "run input 'history' is not a list of messages: \(error)")
            }
        }
        let workspace = workspace(forSession: record.sessionID, tenant: record.tenant)
        var context: [String: JSONValue] = ["input": record.input, "agent": ["name": .string(agent.name)],
                                            "run": ["id": .string(record.id.rawValue)]]
        if let q = record.input["question"] { context["question"] = q }
        if let s = record.sessionID { context["session"] = ["id": .string(s)] }
        let instructions = try Template(agent.instructions).render(.object(context))
        var values = ["principal": record.principal, Self.delegationChainKey: delegationChain.joined(separator: Self.chainSeparator)]
        // the session's user (the `userId` of a chat), for tools that scope data to the caller
        if let sessionID = record.sessionID, let session = try await sessions.loadSession(sessionID, tenant: record.tenant) {
            values["user_id"] = session.userID
        }
        let toolContext = ToolContext(runID: record.id, tenant: record.tenant, sessionID: record.sessionID, workspace: workspace,
                                      tenantWorkspaces: workspace == nil ? nil : workspaces(ofTenant: record.tenant),
                                      idempotencyKey: record.id.rawValue, callID: "", logger: logger, values: values,
                                      isResumedRun: resuming)
        return RunExecution(agent: agent, model: model, tools: selected, journal: journal,
                            executor: ToolExecutor(journal: journal, context: toolContext, decision: decision, pool: toolPool, clock: clock,
                                                   approvals: agent.approvals, owner: record.principal, now: { [leasing] in leasing.now }),
                            input: record.input, history: history, instructions: instructions, control: control, limits: limits,
                            logger: logger)
    }

    /// The session transcript this agent saw, pinned by a journal step so a resume sees the same history.
    private func loadHistory(_ record: RunRecord, agent: AgentDefinition, journal: RunJournal) async throws -> [Message] {
        guard let session = record.sessionID else { return [] }
        let transcript = try await sessions.loadTranscript(sessionID: session, tenant: record.tenant, agent: agent.name)
        if let pinned = journal.entry("context")?.output?["history"]?.intValue {
            return Array(transcript.prefix(pinned))
        }
        try await journal.record("context", .completed, output: ["history": .number(Double(transcript.count))])
        return transcript
    }

    /// Appends the turn to the session transcript and counters, once (a journaled step).
    private func commitSession(_ record: RunRecord, agent: AgentDefinition, outcome: RunExecution.Outcome, journal: RunJournal) async throws {
        guard let sessionID = record.sessionID, journal.entry("session/commit")?.state != .completed else { return }
        try await journal.writeHeld() // the answer is durable before the transcript shows it
        try await sessions.appendTranscript(sessionID: sessionID, tenant: record.tenant, agent: agent.name, messages: outcome.messages)
        if record.parentRunID == nil {
            try await sessions.addTurn(sessionID: sessionID, tenant: record.tenant, usage: outcome.usage)
        }
        try await journal.record("session/commit", .completed)
    }
}
