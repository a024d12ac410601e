import AviaryCore
import Foundation

extension AgentRuntime {
    /// Executes (or re-executes against its journal) one run of `program`, and records how it
    /// ended. The run's status moves only by ``RunLifecycle``'s actions. `delegationChain` names
    /// the programs whose child runs led here, outermost first (empty for a run that is not a
    /// child, or one resumed on its own).
    func execute(_ initial: RunRecord, program: any RunProgram, journal: RunJournal, decision: ResumeDecision?,
                 streamDeltas: Bool, delegationChain: [String] = []) async throws -> RunRecord {
        let control = try activeRuns.register(initial.id, journal: journal, sessionID: initial.sessionID)
        defer { activeRuns.unregister(initial.id) }
        var record = initial
        var lifecycle = RunLifecycle(status: record.status)
        let resuming = !journal.isEmpty || record.status != .pending
        switch lifecycle.handle(resuming ? .resume : .start) {
        case .execute: break
        case .persist: throw RuntimeError(.notResumable, "run \(record.id) is \(lifecycle.status.rawValue) and does not execute")
        case .reject(let message): throw RuntimeError(.notResumable, "run \(record.id): \(message)")
        }
        record.status = lifecycle.status
        if resuming {
            await journal.emit(RunResumedEvent(agent: program.name))
            record.updatedAt = Date()
            try await runs.updateRun(record)
        } else {
            await journal.emit(RunStartedEvent(agent: program.name, input: record.input, parentRunID: record.parentRunID))
        }
        let context = RunContext(runID: record.id, tenant: record.tenant, principal: record.principal, sessionID: record.sessionID,
                                 parentRunID: record.parentRunID, input: record.input,
                                 workspace: workspace(forSession: record.sessionID, tenant: record.tenant), isResumed: resuming,
                                 logger: logger, journal: journal, control: control, runtime: self, decision: decision,
                                 chain: delegationChain + [program.name], streamDeltas: streamDeltas)
        var ending: RunEnding
        do {
            try control.checkpoint()
            ending = RunEnding(finished: try await program.run(in: context))
        } catch {
            ending = RunEnding(thrown: error)
        }
        switch lifecycle.handle(ending.transition) {
        case .persist:
            break
        case .execute, .reject:
            // a program's end is always one the lifecycle takes from `running`; reaching here is a bug
            let message = "run \(record.id) ended with \(ending.transition), which a \(lifecycle.status.rawValue) run cannot take"
            ending = RunEnding(thrown: RuntimeError(.agentNotRunnable, message))
            _ = lifecycle.handle(ending.transition)
        }
        if let result = ending.result {
            record.output = result.output
            record.usage = result.usage
        }
        record.error = ending.error
        await journal.emit(ending.announcement)
        record.status = lifecycle.status
        record.updatedAt = Date()
        try await journal.finish(record)
        return record
    }

    /// The program a run names: the project's agent of that name, or a program registered with
    /// the runtime.
    func program(named name: String) throws -> any RunProgram {
        let current = currentDefinitions
        let catalog = current.catalog, programs = current.programs
        let agent = catalog.agent(named: name)
        let registered = programs[name]
        switch (agent, registered) {
        case (let agent?, nil): return AgentProgram(agent: agent, runtime: self)
        case (nil, let program?): return program
        case (_?, _?): throw RuntimeError(.agentNotRunnable, "'\(name)' names both an agent and a registered program; rename one")
        case (nil, nil):
            let known = (catalog.names + programs.keys.sorted()).joined(separator: ", ")
            throw RuntimeError(.unknownAgent, "unknown agent '\(name)'; known agents: \(known)")
        }
    }
}
