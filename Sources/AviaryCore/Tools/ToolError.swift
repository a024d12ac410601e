/// A failure a tool reports to the model (the run goes on; the model sees the message).
public struct ToolError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable { case invalidArguments, notFound, forbidden, timeout, failed, unknownTool }
    private let code: Code
    /// Human-readable explanation sent to the model.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Arguments did not match the schema or were not JSON.
    public static func invalidArguments(_ message: String) -> ToolError { ToolError(.invalidArguments, message) }
    /// A named thing does not exist.
    public static func notFound(_ message: String) -> ToolError { ToolError(.notFound, message) }
    /// The request is not allowed (for example a path escaping the workspace).
    public static func forbidden(_ message: String) -> ToolError { ToolError(.forbidden, message) }
    /// The call exceeded its timeout.
    public static func timeout(_ message: String) -> ToolError { ToolError(.timeout, message) }
    /// Any other failure.
    public static func failed(_ message: String) -> ToolError { ToolError(.failed, message) }
    /// The model asked for a tool the agent does not have.
    public static func unknownTool(_ message: String) -> ToolError { ToolError(.unknownTool, message) }

    /// Stable machine-readable code (`invalid_arguments`, `forbidden`, …).
    public var codeName: String {
        switch code {
        case .invalidArguments: return "invalid_arguments"
        case .notFound: return "not_found"
        case .forbidden: return "forbidden"
        case .timeout: return "timeout"
        case .failed: return "failed"
        case .unknownTool: return "unknown_tool"
        }
    }

    /// Whether retrying could help.
    public var isRetryable: Bool { code == .timeout || code == .failed }
    /// True for a call that ran past its time limit (it may still be running).
    public var isTimeout: Bool { code == .timeout }

    public var description: String { "\(codeName): \(message)" }
}
