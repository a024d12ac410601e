import AviaryCore

/// A tool with its argument schema compiled once, ready to be called many times.
struct PreparedTool: Sendable {
    let tool: any Tool
    let schema: JSONSchema?

    init(_ tool: any Tool) {
        self.tool = tool
        self.schema = try? JSONSchema(tool.spec.parameters)
    }

    /// A tool whose schema was compiled already.
    init(_ tool: any Tool, schema: JSONSchema?) {
        self.tool = tool
        self.schema = schema
    }

    /// Validation problems of arguments, as one message; `nil` when valid.
    func violations(of arguments: JSONValue) -> String? {
        guard let schema else { return nil }
        let problems = schema.validate(arguments)
        if problems.isEmpty { return nil }
        return problems.prefix(5).map(\.description).joined(separator: "; ")
    }
}
