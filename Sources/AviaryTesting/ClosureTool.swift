import AviaryCore
import Synchronization

/// A tool whose behaviour is a closure, counting its calls (tests and quick prototypes).
public final class ClosureTool: Tool, Sendable {
    /// What the model sees.
    public let spec: ToolSpec
    /// How the runtime runs it.
    public let policy: ToolPolicy
    private let body: @Sendable (JSONValue, ToolContext) async throws -> ToolOutput
    private let calls = Mutex<[JSONValue]>([])

    /// Creates a tool.
    public init(_ name: String, description: String = "", parameters: JSONValue = ["type": "object", "properties": [:]],
                policy: ToolPolicy = ToolPolicy(), _ body: @escaping @Sendable (JSONValue, ToolContext) async throws -> ToolOutput) {
        self.spec = ToolSpec(name: name, description: description.isEmpty ? name : description, parameters: parameters)
        self.policy = policy
        self.body = body
    }

    /// Arguments of every call so far.
    public var receivedArguments: [JSONValue] { calls.withLock { $0 } }
    /// Number of calls so far.
    public var callCount: Int { calls.withLock { $0.count } }

    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        calls.withLock { $0.append(arguments) }
        return try await body(arguments, context)
    }
}
