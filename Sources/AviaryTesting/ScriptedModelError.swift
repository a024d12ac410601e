/// A ``ScriptedModel`` was used differently from its script: called after its replies ran out, or left
/// with replies nobody requested.
public struct ScriptedModelError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable { case unexpectedCall, unconsumedReplies }
    private let code: Code
    /// The name of the scripted model.
    public let model: String
    /// What happened, with the call number or the number of replies left.
    public let message: String

    private init(_ code: Code, model: String, message: String) {
        self.code = code
        self.model = model
        self.message = message
    }

    /// The model was called when no scripted reply was left (call `number`, counting from 1).
    public static func unexpectedCall(model: String, number: Int, lastMessage: String) -> ScriptedModelError {
        ScriptedModelError(.unexpectedCall, model: model,
                           message: "unexpected call #\(number) (script exhausted); last message: \(lastMessage)")
    }

    /// `count` scripted replies were never requested.
    public static func unconsumedReplies(model: String, count: Int) -> ScriptedModelError {
        ScriptedModelError(.unconsumedReplies, model: model,
                           message: "\(count) scripted \(count == 1 ? "reply was" : "replies were") never requested")
    }

    /// Stable machine-readable code: `unexpected_call` or `unconsumed_replies`.
    public var codeName: String {
        switch code {
        case .unexpectedCall: return "unexpected_call"
        case .unconsumedReplies: return "unconsumed_replies"
        }
    }

    /// `ScriptedModel '<name>': <message>`.
    public var description: String { "ScriptedModel '\(model)': \(message)" }
}
