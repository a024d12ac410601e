import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import AviaryWorkflows
import Foundation
import Synchronization

/// A runtime over a real SQLite file with workflows parsed from YAML text, and the events it emitted.
struct WorkflowFixture {
    let storage: SQLiteStorage
    let events = EventLog()

    /// The events a runtime emitted.
    final class EventLog: Sendable {
        private let list = Mutex<[RunEvent]>([])
        func append(_ e: RunEvent) { list.withLock { $0.append(e) } }
        var all: [RunEvent] { list.withLock { $0 } }
    }

    static func with<T>(_ body: (WorkflowFixture) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            return try await body(WorkflowFixture(storage: storage))
        }
    }

    /// Parses and validates `yaml` against the given agents and tools.
    static func definition(_ yaml: String, agents: [String] = [], tools: [String] = [], workflows: [String] = []) throws -> WorkflowDefinition {
        let definition = try WorkflowLoader().load(yaml: yaml, file: "workflows/test.yaml", defaultName: "test")
        let problems = WorkflowValidator(agents: Set(agents), tools: Set(tools), workflows: Set(workflows + [definition.name]))
            .problems(in: definition)
        if !problems.isEmpty { throw WorkflowLoadErrors(problems) }
        return definition
    }

    func runtime(_ workflows: [WorkflowDefinition], agents: [AgentDefinition] = [], tools: [any Tool] = [],
                 model: any LanguageModel = FunctionModel { _ in .text("unused") }, models: (any ModelProvider)? = nil) throws -> AgentRuntime {
        let sink = ClosureEventSink { [events] e in events.append(e) }
        return AgentRuntime(catalog: AgentCatalog(agents), tools: ToolRegistry(tools), models: models ?? SingleModelProvider(model),
                            runs: storage.store, sessions: storage.store, programs: try workflows.map { try WorkflowProgram($0) },
                            sink: sink, leasing: RunLeasing(owner: "workflow-tests"))
    }

    /// The kinds and node ids of the node events of a run, in order.
    func nodeEvents(_ run: RunID) -> [String] {
        events.all.filter { $0.runID == run && $0.kind.rawValue.hasPrefix("node.") }
            .map { "\($0.kind.rawValue) \($0.data["node"]?.stringValue ?? "")" }
    }

    static func request(_ workflow: String, _ input: JSONValue, id: String = "run_" + UUID().uuidString.prefix(8).lowercased()) -> RunRequest {
        var request = RunRequest(agent: workflow, input: WorkflowInput(input: input).stored, tenant: "default", principal: "ana")
        request.runID = RunID(id)
        return request
    }
}
