import AviaryCore

/// A tool whose results a case records or replays (`recorded_tools`, say `web_search`): it
/// wraps the project's tool, or stands in for it with the recorded spec when the project has
/// none (a replay needs no web search provider). In a case that does not record it, it is the
/// project's tool.
struct SessionTapeTool: Tool {
    /// The project's tool; `nil` for a stand-in.
    let base: (any Tool)?
    let spec: ToolSpec
    let tape: SessionTape

    var policy: ToolPolicy { base?.policy ?? .readOnly }

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let role = tape.role(ofTool: spec.name)
        if role == .replay {
            let recorded: RecordedTool.Call
            do { recorded = try tape.replay(tool: spec.name, arguments: arguments) } catch { throw ToolError.failed(error.description) }
            if let error = recorded.error { throw ToolError.failed(error) }
            return ToolOutput(recorded.output ?? .null)
        }
        guard let base else {
            throw ToolError.unknownTool("'\(spec.name)' is not configured in this project; only a replay of a recording that has its calls can use it")
        }
        do {
            let output = try await base.call(arguments: arguments, context: context)
            if role == .record { tape.record(tool: spec, call: RecordedTool.Call(arguments: arguments, output: output.content)) }
            return output
        } catch let error as ToolError {
            if role == .record { tape.record(tool: spec, call: RecordedTool.Call(arguments: arguments, error: error.description)) }
            throw error
        }
    }
}
