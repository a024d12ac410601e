import Foundation

/// An LLM judge's answer that could not be read as scores.
public struct LLMJudgeError: Error, Sendable, CustomStringConvertible {
    /// What was wrong with the answer.
    public var message: String
    /// The start of the model's answer (at most 200 characters).
    public var output: String

    /// Creates an error, keeping the start of `output`.
    public init(_ message: String, output: String) {
        self.message = message
        let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines)
        self.output = trimmed.count <= 200 ? trimmed : String(trimmed.prefix(200)) + "…"
    }

    public var description: String { "the LLM judge's answer could not be read: \(message) (it began: \"\(output)\")" }
}
