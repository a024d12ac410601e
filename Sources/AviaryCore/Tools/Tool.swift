/// A callable capability: a spec the model sees, a policy the runtime enforces and the call itself.
///
/// Arguments are validated against `spec.parameters` before `call` runs.
public protocol Tool: Sendable {
    /// What the model sees.
    var spec: ToolSpec { get }
    /// How the runtime runs it.
    var policy: ToolPolicy { get }
    /// Runs the tool. Throw ``ToolError`` for failures the model should see.
    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput
}

extension Tool {
    /// Default policy: not idempotent, safe, 30 s timeout.
    public var policy: ToolPolicy { ToolPolicy() }
    /// The tool's name.
    public var name: String { spec.name }
}
