/// A problem in an agent definition, naming the file and the field.
public struct AgentLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (relative to the project) or agent name.
    public let file: String
    /// The field, when the problem is in one.
    public let field: String?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String, field: String? = nil, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { return "\(file): field '\(field)': \(message)" }
        return "\(file): \(message)"
    }
}
