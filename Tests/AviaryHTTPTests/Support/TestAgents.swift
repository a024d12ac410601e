import AviaryCore
import AviaryTesting
import Foundation

/// Agents, tools and models the HTTP tests share.
enum TestAgents {
    /// The chat agent: looks a customer up, then answers.
    static let support = AgentDefinition(name: "support", description: "Answers customer questions.",
                                         instructions: "You are a support assistant. Use the tools to answer.",
                                         tools: ["get_customer"], capabilities: ["customer-lookup"], costTier: .low)
    /// A draft agent (visible to builders only).
    static let draft = AgentDefinition(name: "experimental", description: "Work in progress.", instructions: "Try things.",
                                       status: .draft, capabilities: ["research"], costTier: .high)

    /// `get_customer`, optionally waiting at a gate before answering.
    static func customerTool(gate: AsyncGate? = nil, policy: ToolPolicy = .readOnly) -> ClosureTool {
        ClosureTool("get_customer", parameters: [
            "type": "object", "properties": ["customer_id": ["type": "string"]], "required": ["customer_id"],
        ], policy: policy) { args, _ in
            if let gate { await gate.wait() }
            return ToolOutput(["id": args["customer_id"] ?? .null, "name": "Acme Corp", "status": "active"])
        }
    }

    /// Calls `get_customer` once, then answers with a text that names the question and the history size.
    static func model() -> FunctionModel {
        FunctionModel(name: "test") { request in
            let lastUser = request.messages.lastIndex { $0.role == .user } ?? 0
            let toolMessages = request.messages[lastUser...].filter { $0.role == .tool }
            if toolMessages.isEmpty && !request.tools.isEmpty {
                return .toolCall("get_customer", ["customer_id": "c42"], id: "call_1")
            }
            let question = request.messages.last { $0.role == .user }?.text ?? ""
            let users = request.messages.filter { $0.role == .user }.count
            return .text("Customer c42 is active. (q: \(question); user messages: \(users))", inputTokens: 20, outputTokens: 7)
        }
    }
}
