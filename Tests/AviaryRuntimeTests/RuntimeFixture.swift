import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import AviaryTestSupport
import Foundation
import Logging

/// A runtime over a real SQLite file in a temporary directory.
struct RuntimeFixture {
    let storage: SQLiteStorage
    let directory: URL

    /// The runtimes of a fixture lease runs under one owner: a runtime made after another "crashed"
    /// is that process restarted, so it may resume the runs the first one left (lease tests give
    /// their runtimes owners of their own).
    static let leasing = RunLeasing(owner: "fixture-process")

    static func with<T>(_ body: (RuntimeFixture) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { dir in
            let storage = try await SQLiteStorage.open(path: dir.appendingPathComponent("aviary.sqlite").path)
            defer { Task { try? await storage.close() } }
            return try await body(RuntimeFixture(storage: storage, directory: dir))
        }
    }

    func runtime(agents: [AgentDefinition], tools: [any Tool], model: any LanguageModel, store: (any RunStore)? = nil,
                 programs: [any RunProgram] = [], sink: (any EventSink)? = nil, limits: RuntimeLimits = RuntimeLimits(),
                 leasing: RunLeasing = RuntimeFixture.leasing, clock: any Clock<Duration> = ContinuousClock(),
                 logger: Logger = Logger(label: "aviary.runtime")) -> AgentRuntime {
        AgentRuntime(catalog: AgentCatalog(agents), tools: ToolRegistry(tools), models: SingleModelProvider(model),
                     runs: store ?? storage.store, sessions: storage.store, programs: programs, sink: sink,
                     sessionsRoot: directory.appendingPathComponent("sessions"), limits: limits, leasing: leasing,
                     clock: clock, logger: logger)
    }
}

/// The benchmark's tool-loop scenario as test data.
enum ToolLoop {
    static let agent = AgentDefinition(name: "support", instructions: "You are a support assistant. Use the tools to answer.",
                                       tools: ["get_customer", "get_incidents"])

    static func tools(customerPolicy: ToolPolicy = .readOnly, incidentsPolicy: ToolPolicy = .readOnly) -> (ClosureTool, ClosureTool) {
        let customer = ClosureTool("get_customer", parameters: [
            "type": "object", "properties": ["customer_id": ["type": "string"]], "required": ["customer_id"],
        ], policy: customerPolicy) { args, _ in
            ToolOutput(["id": args["customer_id"] ?? .null, "name": "Acme Corp", "status": "active", "plan": "pro"])
        }
        let incidents = ClosureTool("get_incidents", policy: incidentsPolicy) { _, _ in
            ToolOutput([["id": "inc-1", "customer_id": "c42", "status": "open", "title": "Login failures"]])
        }
        return (customer, incidents)
    }

    /// Answers like the benchmark stub: decides from the number of tool messages.
    static func model() -> FunctionModel {
        FunctionModel(name: "stub") { request in
            let k = request.messages.filter { $0.role == .tool }.count
            switch k {
            case 0: return .toolCall("get_customer", ["customer_id": "c42"], id: "call_0")
            case 1: return .toolCall("get_incidents", [:], id: "call_1")
            default: return .text("Customer c42 is active; 1 incident open.")
            }
        }
    }
}
