import AviaryCore
import AviaryRuntime
import AviaryWorkflows

/// The agent-overhead workloads of `shared/bench/README.md`: agents, tools, prompt and expected answer.
public enum BenchmarkWorkload: String, Sendable, CaseIterable {
    /// One agent, two tools, three model calls.
    case toolLoop = "tool-loop"
    /// A router delegating to a sub-agent: four model calls.
    case delegate
    /// A durable workflow of in-process functions, no model (``DAGWorkload``).
    case dag

    /// The agent that starts each run.
    var entryAgent: String { self == .toolLoop ? "support" : "router" }

    /// The user prompt.
    var prompt: String {
        self == .toolLoop ? "What is the status of customer c42 and are there open incidents?" : "What is the status of customer c42?"
    }

    /// The exact final text a passing run produces.
    var expected: String {
        switch self {
        case .toolLoop: "Customer c42 is active; 1 incident open."
        case .delegate: "Support says: Customer c42 is active."
        case .dag: "total=42.0 approved=True"
        }
    }

    /// The request that starts one run.
    var request: RunRequest {
        switch self {
        case .dag: RunRequest(agent: "order_dag", input: WorkflowInput(input: DAGWorkload.order).stored)
        default: .question(prompt, agent: entryAgent)
        }
    }

    /// The run's final text, compared with ``expected``.
    func text(of run: RunRecord) -> String? {
        self == .dag ? DAGWorkload.text(run.output?["result"]) : run.output?.stringValue
    }

    var agents: [AgentDefinition] {
        switch self {
        case .toolLoop:
            return [AgentDefinition(name: "support", instructions: "You are a support assistant. Use the tools to answer.",
                                    tools: ["get_customer", "get_incidents"])]
        case .dag:
            return []
        case .delegate:
            return [
                AgentDefinition(name: "router", instructions: "You route customer questions to the support_agent tool.", tools: ["support_agent"]),
                AgentDefinition(name: "support_agent", description: "Answers questions about customers.",
                                instructions: "You are the support agent. Look customers up with get_customer.", tools: ["get_customer"]),
            ]
        }
    }

    static var tools: [any Tool] { [GetCustomerTool(), GetIncidentsTool()] }
}

/// `get_customer(customer_id)` from an in-memory table.
struct GetCustomerTool: Tool {
    var spec: ToolSpec {
        ToolSpec(name: "get_customer", description: "Look up a customer by id.", parameters: [
            "type": "object", "properties": ["customer_id": ["type": "string"]], "required": ["customer_id"],
        ])
    }
    var policy: ToolPolicy { .computation } // in-memory: held across like the runtime's own computation

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let id = arguments["customer_id"]?.stringValue ?? ""
        if id == "c42" { return ToolOutput(["id": "c42", "name": "Acme Corp", "status": "active", "plan": "pro"]) }
        return ToolOutput(["id": .string(id), "error": "not found"])
    }
}

/// `get_incidents()`: the open incidents.
struct GetIncidentsTool: Tool {
    var spec: ToolSpec { ToolSpec(name: "get_incidents", description: "List open incidents.", parameters: ["type": "object", "properties": [:]]) }
    var policy: ToolPolicy { .computation } // in-memory: held across like the runtime's own computation

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        ToolOutput([["id": "inc-1", "customer_id": "c42", "status": "open", "title": "Login failures"]])
    }
}
