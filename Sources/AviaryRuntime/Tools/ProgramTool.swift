import AviaryCore

/// A ``ToolProgram`` exposed as a tool: calling it runs the program as a child run of the
/// calling run (id derived from the call's step, so a resumed caller finds the same child).
struct ProgramTool: Tool {
    let program: any ToolProgram
    let runtime: AgentRuntime

    var spec: ToolSpec { program.toolSpec }

    /// Child runs resume from their own journal, so re-entering the step is safe.
    var policy: ToolPolicy { ToolPolicy(timeout: 3600, idempotent: true) }

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let record = try await runtime.runChild(program: program.name, input: program.input(fromArguments: arguments), context: context)
        guard record.status == .completed else {
            throw ToolError.failed("'\(program.name)' \(record.status.rawValue): \(record.error ?? "no output")")
        }
        return ToolOutput(program.toolOutput(of: record.output ?? .null), usage: record.usage)
    }
}
