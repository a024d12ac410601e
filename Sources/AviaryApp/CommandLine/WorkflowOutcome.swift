import AviaryCore
import AviaryHTTP
import AviaryRuntime
import AviaryStorage
import AviaryWorkflows
import Foundation

/// How a workflow run run from the command line ended (`aviary run`, `aviary runs fork`): the run,
/// and the execute API's response body for it (`--json`).
public struct WorkflowOutcome: Sendable {
    /// The run.
    public var run: RunRecord
    /// The execute API's response body (``WorkflowExecutionReport``).
    public var report: JSONValue

    /// The status as the execute API names it (`completed`, `handover`, `waiting`, `failed`, …).
    public var status: String { report["status"]?.stringValue ?? run.status.rawValue }
    /// Whether it ended in a sink (completed or handed over).
    public var finished: Bool { run.status == .completed }
}

extension AviaryApplication {
    /// Runs a workflow of the project to its end or until it waits (`aviary run`). `input` must
    /// match the workflow's input schema.
    public static func runWorkflow(_ configuration: AviaryConfiguration, name: String, input: JSONValue, context: JSONValue = .object([:]),
                                   options: Options = Options()) async throws -> WorkflowOutcome {
        try await with(configuration, options: options) { app in
            guard let definition = app.project.workflow(named: name) else {
                throw ConfigurationError("no workflow named '\(name)'; this project has: \(app.project.workflows.map(\.name).joined(separator: ", "))")
            }
            if let schema = definition.inputSchema, let problem = try JSONSchema(schema).validate(input).first {
                throw ConfigurationError("the input does not match workflow \(name)'s input_schema: \(problem)")
            }
            let request = RunRequest(agent: name, input: WorkflowInput(input: input, context: context).stored, tenant: configuration.tenant,
                                     principal: "local:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator"))
            return try await app.outcome(try await app.runtime.run(request), version: definition.version)
        }
    }

    /// Forks a workflow run at a node (`aviary runs fork`): a new run of the same version reuses
    /// the nodes before `from` and runs `from` and everything after it again.
    public static func forkWorkflowRun(_ configuration: AviaryConfiguration, runID: String, from node: String,
                                       input overrides: [String: JSONValue]?, options: Options = Options()) async throws -> WorkflowOutcome {
        try await with(configuration, options: options) { app in
            guard let source = try await app.runtime.loadRun(RunID(runID), tenant: configuration.tenant) else {
                throw ConfigurationError("run \(runID) not found")
            }
            guard source.status != .running else { throw ConfigurationError("run \(runID) is running; fork it once it has stopped") }
            let fork = WorkflowFork(source: source, journal: try await app.store.loadJournal(source.id, tenant: configuration.tenant))
            let given = try fork.input(from: node, overrides: overrides)
            let version = try fork.definition().version
            let request = RunRequest(agent: source.agent, input: given.stored, tenant: configuration.tenant, principal: source.principal)
            return try await app.outcome(try await app.runtime.run(request), version: version)
        }
    }

    /// The outcome of a workflow run, with its report.
    func outcome(_ run: RunRecord, version: String) async throws -> WorkflowOutcome {
        let events = try await store.loadEvents(run.id, tenant: run.tenant)
        let pending = run.status == .waiting ? try await runtime.pendingApprovals(tenant: run.tenant, runID: run.id).map(\.wireJSON) : []
        return WorkflowOutcome(run: run, report: WorkflowExecutionReport(run: run, events: events, pending: pending, version: version).json)
    }
}
