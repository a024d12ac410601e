import AviaryCore
import AviaryRuntime
import AviaryWorkflows
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// `GET /api/v1/workflows[/{name}]`, `POST /api/v1/workflows/execute` and `POST /api/v1/runs/{id}/fork`:
/// the project's workflows, running one, and forking a run at a node.
extension SpecRoutes {
    func listWorkflows(_ input: Operations.ListWorkflows.Input) async throws -> Operations.ListWorkflows.Output {
        _ = try RequestIdentity.require()
        let summaries = try workflows().map { try Components.Schemas.WorkflowSummary($0.definition) }
        return .ok(.init(body: .json(.init(workflows: summaries))))
    }

    func getWorkflow(_ input: Operations.GetWorkflow.Input) async throws -> Operations.GetWorkflow.Output {
        _ = try RequestIdentity.require()
        let definition = try workflow(input.path.name).definition
        let summary = try Components.Schemas.WorkflowSummary(definition)
        return .ok(.init(body: .json(.init(name: summary.name, version: summary.version, description: summary.description,
                                           inputSchema: summary.inputSchema, file: summary.file, nodes: summary.nodes,
                                           definition: try .object(definition.source), mermaid: WorkflowDiagram(definition).mermaid))))
    }

    func executeWorkflow(_ input: Operations.ExecuteWorkflow.Input) async throws -> Operations.ExecuteWorkflow.Output {
        let identity = try RequestIdentity.require()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_request", "send a JSON body") }
        let program = try workflow(body.workflowId)
        let given = WorkflowInput(input: try body.inputData.map(JSONValue.init(container:)) ?? .object([:]),
                                  context: try body.context.map(JSONValue.init(container:)) ?? .object([:]))
        if let schema = program.definition.inputSchema {
            let problems = try JSONSchema(schema).validate(given.input)
            if let first = problems.first {
                throw APIError.badRequest("invalid_input", "input_data does not match workflow \(program.name)'s input_schema: \(first)"
                                          + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""))
            }
        }
        let (report, waited) = try await start(program, given, identity: identity, wait: body.wait ?? true)
        return waited ? .ok(.init(body: .json(report))) : .accepted(.init(body: .json(report)))
    }

    func forkRun(_ input: Operations.ForkRun.Input) async throws -> Operations.ForkRun.Output {
        let identity = try RequestIdentity.require()
        guard case .json(let body) = input.body else { throw APIError.badRequest("invalid_request", "send a JSON body") }
        let source = try await env.accessibleRun(input.path.id, identity: identity)
        if source.status == .running || env.runtime.activeRuns.contains(source.id) {
            throw APIError(.conflict, code: "not_forkable", "run \(source.id) is running; fork it once it has stopped")
        }
        let journal = try await env.bounded { try await env.deps.runs.loadJournal(source.id, tenant: identity.tenant) }
        let fork = WorkflowFork(source: source, journal: journal)
        let given: WorkflowInput
        do {
            given = try fork.input(from: body.from, overrides: try body.input.map(JSONValue.init(container:))?.objectValue)
        } catch let error as WorkflowForkError {
            throw APIError.badRequest("invalid_fork", error.message)
        }
        // the fork runs the version the source recorded, also when the project no longer has the workflow
        let recorded = try? fork.definition()
        guard let program = (env.runtime.registeredProgram(named: source.agent) as? WorkflowProgram) ?? recorded.flatMap({ try? WorkflowProgram($0) }) else {
            throw APIError.badRequest("invalid_fork", "run \(source.id) runs '\(source.agent)', which is not a workflow")
        }
        let version = (try? fork.definition().version) ?? program.definition.version
        let (report, waited) = try await start(program, given, identity: identity, wait: body.wait ?? true, version: version)
        return waited ? .ok(.init(body: .json(report))) : .accepted(.init(body: .json(report)))
    }

    /// The workflows registered with the runtime.
    private func workflows() -> [WorkflowProgram] { env.runtime.registeredPrograms.compactMap { $0 as? WorkflowProgram } }

    private func workflow(_ name: String) throws -> WorkflowProgram {
        guard let program = env.runtime.registeredProgram(named: name) as? WorkflowProgram else {
            throw APIError(.notFound, code: "unknown_workflow", "unknown workflow '\(name)'; workflows: \(workflows().map(\.name).joined(separator: ", "))")
        }
        return program
    }

    /// Starts a workflow run in the supervisor; with `wait`, answers once it ended or stopped,
    /// otherwise once it has started (202).
    private func start(_ program: WorkflowProgram, _ given: WorkflowInput, identity: Identity, wait: Bool,
                       version: String? = nil) async throws -> (Components.Schemas.WorkflowExecution, Bool) {
        let version = version ?? program.definition.version
        let runtime = env.runtime
        let id = RunID.random()
        var built = RunRequest(agent: program.name, input: given.stored, tenant: identity.tenant, principal: identity.principal)
        built.runID = id
        let request = built
        let feed = env.deps.hub.subscribe(id)
        defer { feed.cancel() }
        let ticket = try env.gateway.submit(tenant: identity.tenant) { try await runtime.run(request) }
        if wait {
            guard let finished = try await ticket.value(timeout: env.config.runTimeout) else {
                throw APIError.timeout("workflow run \(id) did not finish within \(env.config.runTimeout); it continues (GET /api/v1/runs/\(id))")
            }
            return (try await report(finished, version: version), true)
        }
        if await RunRoutes.started(id, feed: feed, ticket: ticket, kind: .runStarted) == false, let done = try await ticket.value() {
            return (try await report(done, version: version), false)
        }
        let started = RunRecord(id: id, tenant: identity.tenant, principal: identity.principal, agent: program.name, input: given.stored,
                                status: .running)
        return (try await report(started, version: version, events: []), false)
    }

    /// The execute API's answer for a run.
    private func report(_ run: RunRecord, version: String, events given: [RunEvent]? = nil) async throws -> Components.Schemas.WorkflowExecution {
        var events = given ?? []
        if given == nil { events = try await env.bounded { try await env.deps.runs.loadEvents(run.id, tenant: run.tenant) } }
        let pending = run.status == .waiting ? try await env.runtime.pendingApprovals(tenant: run.tenant, runID: run.id).map(\.wireJSON) : []
        let json = WorkflowExecutionReport(run: run, events: events, pending: pending, version: version).json
        return try JSONDecoder.api.decode(Components.Schemas.WorkflowExecution.self, from: Data(json.jsonString.utf8))
    }
}

extension Components.Schemas.WorkflowSummary {
    init(_ definition: WorkflowDefinition) throws {
        self.init(name: definition.name, version: definition.version, description: definition.description.isEmpty ? nil : definition.description,
                  inputSchema: try definition.inputSchema.map(OpenAPIObjectContainer.object), file: definition.file, nodes: definition.nodes.count)
    }
}

extension OpenAPIObjectContainer {
    /// A JSON object as the generated types hold it.
    static func object(_ value: JSONValue) throws -> OpenAPIObjectContainer {
        try OpenAPIObjectContainer(unvalidatedValue: value.objectValue?.mapValues(\.foundation) ?? [:])
    }
}

extension JSONValue {
    /// A generated free-form object as JSON.
    init(container: OpenAPIObjectContainer) throws {
        self = try JSONValue(parsing: JSONEncoder().encode(container))
    }
}

extension JSONDecoder {
    /// Decodes API documents: dates in ISO 8601 with or without fractions of a second.
    static var api: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
            return try Date(text, strategy: .iso8601)
        }
        return decoder
    }
}
