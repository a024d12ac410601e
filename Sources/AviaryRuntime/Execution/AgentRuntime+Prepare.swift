import AviaryCore
import Foundation

extension AgentRuntime {
    /// What one execution of an agent's run needs: its model, tools (delegates as agent tools),
    /// history, rendered instructions and the tool executor.
    func prepare(_ agent: AgentDefinition, context: RunContext) async throws -> RunExecution {
        // only a parent (a workflow's agent node) sets them: a caller's own input cannot
        let overrides = context.parentRunID == nil ? nil : try AgentOverrides(input: context.input, agent: agent.name)
        let model = try models.resolve(overrides?.model ?? agent.model, forAgent: agent.name)
        var selected: [String: PreparedTool] = [:]
        for entry in overrides?.tools ?? agent.tools {
            let reference = ToolReference(entry), name = reference.name
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
            if let program = registeredProgram(named: name) as? any ToolProgram {
                selected[name] = PreparedTool(ProgramTool(program: program, runtime: self))
                continue
            }
            let matches = Glob.isPattern(name) ? tools.keys.filter { Glob.matches(name, $0) } : tools[name] == nil ? [] : [name]
            if matches.isEmpty {
                if reference.isOptional { continue } // `name?`: absent in this deployment
                if let missing = unavailableTools[name] { throw RuntimeError(.agentNotRunnable, missing.problem(agent: agent.name)) }
                throw RuntimeError(.agentNotRunnable, "agent '\(agent.name)' lists unknown tool '\(name)'")
            }
            for m in matches { selected[m] = tools[m] }
        }
        var history = try await loadHistory(agent, context: context)
        if let given = context.input["history"], !given.isNull {
            do { history += try given.decode(as: [Message].self) } catch {
                throw RuntimeError(.agentNotRunnable, "run input 'history' is not a list of messages: \(error)")
            }
        }
        var values: [String: JSONValue] = ["input": context.input, "agent": ["name": .string(agent.name)],
                                           "run": ["id": .string(context.runID.rawValue)]]
        if let q = context.input["question"] { values["question"] = q }
        if let s = context.sessionID { values["session"] = ["id": .string(s)] }
        let instructions = try Template(agent.instructions).render(.object(values))
        var toolContext = context.toolContext()
        // the session's user (the `userId` of a chat), for tools that scope data to the caller
        if let sessionID = context.sessionID, let session = try await sessions.loadSession(sessionID, tenant: context.tenant) {
            toolContext.values["user_id"] = session.userID
        }
        return RunExecution(agent: agent, model: model, tools: selected, context: context,
                            executor: ToolExecutor(run: context, context: toolContext, pool: toolPool, clock: clock, approvals: agent.approvals),
                            history: history, instructions: instructions, limits: limits, logger: logger)
    }

    /// The session transcript this agent saw, pinned by a journal step (`context`, computation
    /// written with the run's next write, before any model call) so a resume sees the same history.
    private func loadHistory(_ agent: AgentDefinition, context: RunContext) async throws -> [Message] {
        guard let session = context.sessionID else { return [] }
        let transcript = try await sessions.loadTranscript(sessionID: session, tenant: context.tenant, agent: agent.name)
        let pinned = try await context.journaled("context", .computation) { ["history": .number(Double(transcript.count))] }
        return Array(transcript.prefix(pinned["history"]?.intValue ?? transcript.count))
    }
}
