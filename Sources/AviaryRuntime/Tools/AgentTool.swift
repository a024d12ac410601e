import AviaryCore

/// Another agent exposed as a tool (seed 000's agent-as-tool): calling it runs the agent as a
/// child run with its own journal and transcript; the child's answer is the tool result.
struct AgentTool: Tool {
    let agent: AgentDefinition
    let runtime: AgentRuntime

    static let parameters: JSONValue = [
        "type": "object",
        "properties": ["question": ["type": "string", "description": "The task or question for the agent, self-contained."]],
        "required": ["question"],
        "additionalProperties": false,
    ]

    /// ``parameters`` compiled once: every run that can delegate prepares an agent tool.
    static let schema = try? JSONSchema(parameters)

    var spec: ToolSpec {
        ToolSpec(name: agent.name, description: agent.description.isEmpty ? "Delegate to the \(agent.name) agent." : agent.description,
                 parameters: Self.parameters)
    }

    /// Child runs resume from their own journal, so re-entering the step is safe.
    var policy: ToolPolicy { ToolPolicy(timeout: 3600, idempotent: true) }

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let question = arguments["question"]?.stringValue ?? ""
        return try await runtime.runChild(agent: agent, question: question, context: context)
    }
}
