/// A problem with a workflow definition, naming its file, node and field when it has them.
public struct WorkflowLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, relative to the project (`workflows/order.yaml`).
    public var file: String
    /// The node the problem is in, if any.
    public var node: String?
    /// The field, if any (`retry.attempts`).
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(file: String, node: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.node = node
        self.field = field
        self.message = message
    }

    public var description: String {
        var where_ = file
        if let node { where_ += ": node '\(node)'" }
        if let field { where_ += ": field '\(field)'" }
        return "\(where_): \(message)"
    }
}

/// Every problem found in one or more workflow definitions.
public struct WorkflowLoadErrors: Error, Sendable, CustomStringConvertible {
    /// The problems, one per line of ``description``.
    public var problems: [WorkflowLoadError]

    /// Creates the error.
    public init(_ problems: [WorkflowLoadError]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
