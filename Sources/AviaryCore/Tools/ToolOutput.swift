/// What a tool returns: text for the model, or structured JSON (serialised for the model).
public struct ToolOutput: Sendable, Hashable, Codable {
    /// The content sent back to the model.
    public var content: JSONValue

    /// Tokens and cost spent producing it (delegated agents report their child run's usage).
    public var usage: Usage?

    /// Creates an output from JSON.
    public init(_ content: JSONValue, usage: Usage? = nil) {
        self.content = content
        self.usage = usage
    }

    /// A text output.
    public static func text(_ text: String) -> ToolOutput { ToolOutput(.string(text)) }

    /// The text the model sees: strings verbatim, anything else as compact JSON.
    public var modelText: String {
        if case .string(let s) = content { return s }
        return content.jsonString
    }
}
