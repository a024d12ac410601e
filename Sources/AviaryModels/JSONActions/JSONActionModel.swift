import AviaryCore

/// Gives tools to a model without native tool calling (`tool_calling: json`), such as the
/// embedded llama.cpp model.
///
/// When a request carries tools, the wrapper
/// 1. removes the tools and adds a system instruction describing them and the action format
///    (see ``JSONActionSchema/instructions(for:allowFinalAnswer:structuredAnswer:)``);
/// 2. rewrites tool calls and tool results already in the conversation into plain text;
/// 3. asks the base model for `.jsonSchema(name: "action", schema:)` with the schema built by
///    ``JSONActionSchema/schema(for:finalAnswer:)``, so constrained decoders can only emit actions;
/// 4. parses the reply (fences and surrounding prose are tolerated) into a ``ToolCall`` with id
///    `call_json_<n>` (n = tool calls in the conversation so far + 1, deterministic for replay) and
///    finish reason `.toolCalls`, or into the final answer text.
///
/// Replies that hold no valid action (no JSON object, an unknown tool, a final answer when a tool
/// call is required) get ``repairAttempts`` repair turns: the bad reply and a user message saying
/// what was wrong are appended and the model is asked again. If the last attempt still fails, the
/// raw reply is returned as the final text with the base model's finish reason: the run then ends
/// with what the model said rather than failing. Usage is summed over all attempts.
///
/// Tool choice is honoured: `.none` drops the tools, `.required` removes the final-answer branch,
/// `.tool(name)` offers only that tool. A `.jsonSchema` or `.jsonObject` response format together
/// with tools becomes the schema of `final_answer`, and the final answer is returned as JSON text.
/// Requests without tools pass straight through (only tool parts already in the conversation are
/// rewritten to text, since the base model cannot read them). If the base model answers with native
/// tool calls anyway, its response is returned unchanged. Streaming uses the protocol's default:
/// one non-streaming call delivered as a single delta.
public struct JSONActionModel: LanguageModel {
    /// The wrapped model.
    public let base: any LanguageModel
    /// How many times an invalid reply is sent back for repair (default 1).
    public let repairAttempts: Int

    /// Wraps `base`, repairing invalid replies up to `repairAttempts` times.
    public init(base: any LanguageModel, repairAttempts: Int = 1) {
        self.base = base
        self.repairAttempts = max(0, repairAttempts)
    }

    /// The base model's name: routing and logs see the model that actually answers.
    public var name: String { base.name }

    /// Answers a request, turning tools into JSON actions when it carries any.
    public func respond(to request: ModelRequest) async throws -> ModelResponse {
        let tools = offeredTools(request)
        guard !tools.isEmpty else { return try await base.respond(to: passThrough(request)) }

        let finalAnswer = finalAnswerSchema(request)
        let instructions = JSONActionSchema.instructions(
            for: tools, allowFinalAnswer: finalAnswer != nil,
            structuredAnswer: finalAnswer == JSONActionSchema.textAnswerSchema ? nil : finalAnswer)
        var actionRequest = request
        actionRequest.tools = []
        actionRequest.toolChoice = .auto
        actionRequest.parallelToolCalls = false
        actionRequest.responseFormat = .jsonSchema(name: JSONActionSchema.name,
                                                   schema: JSONActionSchema.schema(for: tools, finalAnswer: finalAnswer))
        actionRequest.messages = JSONActionTranscript.rewrite(request.messages, instructions: instructions, wrapsAnswers: true)

        let callNumber = request.messages.reduce(0) { $0 + $1.toolCalls.count } + 1
        var usage = Usage()
        var attempt = 0
        while true {
            var response = try await base.respond(to: actionRequest)
            usage += response.usage
            if !response.message.toolCalls.isEmpty {
                response.usage = usage
                return response
            }
            let reply = response.message.text
            switch interpret(reply, tools: tools, finalAnswerAllowed: finalAnswer != nil, textAnswer: finalAnswer == JSONActionSchema.textAnswerSchema) {
            case .success(let message):
                let isCall = !message.toolCalls.isEmpty
                let finish: ModelResponse.FinishReason = isCall ? .toolCalls : .stop
                return ModelResponse(message: withCallID(message, number: callNumber), finishReason: finish,
                                     usage: usage, model: response.model)
            case .failure(let problem):
                guard attempt < repairAttempts else {
                    return ModelResponse(message: .assistant(reply), finishReason: response.finishReason,
                                         usage: usage, model: response.model)
                }
                attempt += 1
                actionRequest.messages.append(.assistant(reply))
                actionRequest.messages.append(.user(repairPrompt(problem.reason, allowFinalAnswer: finalAnswer != nil)))
            }
        }
    }

    /// The tools the model may call under the request's tool choice.
    private func offeredTools(_ request: ModelRequest) -> [ToolSpec] {
        switch request.toolChoice {
        case .none: return []
        case .auto, .required: return request.tools
        case .tool(let name): return request.tools.filter { $0.name == name }
        }
    }

    /// The schema of `final_answer`, or `nil` when a tool call is required.
    private func finalAnswerSchema(_ request: ModelRequest) -> JSONValue? {
        switch request.toolChoice {
        case .required, .tool: return nil
        case .auto, .none: break
        }
        switch request.responseFormat {
        case .text: return JSONActionSchema.textAnswerSchema
        case .jsonObject: return ["type": "object"]
        case .jsonSchema(_, let schema): return schema
        }
    }

    /// A request without usable tools: tools dropped, tool parts in the conversation rewritten to text.
    private func passThrough(_ request: ModelRequest) -> ModelRequest {
        guard !request.tools.isEmpty || JSONActionTranscript.hasToolParts(request.messages) else { return request }
        var plain = request
        plain.tools = []
        plain.toolChoice = .auto
        if JSONActionTranscript.hasToolParts(request.messages) {
            plain.messages = JSONActionTranscript.rewrite(request.messages, instructions: nil, wrapsAnswers: false)
        }
        return plain
    }

    /// Why a reply was not accepted.
    private struct Problem: Error {
        let reason: String
    }

    private func interpret(_ reply: String, tools: [ToolSpec], finalAnswerAllowed: Bool,
                           textAnswer: Bool) -> Result<Message, Problem> {
        guard let action = JSONAction(reply: reply) else {
            return .failure(Problem(reason: "it is not a JSON object with \"tool\" and \"arguments\" or \"final_answer\""))
        }
        switch action {
        case .toolCall(let name, let arguments):
            guard tools.contains(where: { $0.name == name }) else {
                let names = tools.map(\.name).joined(separator: ", ")
                return .failure(Problem(reason: "there is no tool named \"\(name)\" (available: \(names))"))
            }
            let call = ToolCall(id: "", name: name, arguments: arguments)
            return .success(Message(role: .assistant, parts: [.toolCall(call)]))
        case .finalAnswer(let value):
            guard finalAnswerAllowed else {
                return .failure(Problem(reason: "a tool call is required now, not a final answer"))
            }
            if textAnswer, case .string(let text) = value { return .success(.assistant(text)) }
            return .success(.assistant(value.jsonString))
        }
    }

    private func withCallID(_ message: Message, number: Int) -> Message {
        var message = message
        message.parts = message.parts.map { part in
            guard case .toolCall(var call) = part else { return part }
            call.id = "call_json_\(number)"
            return .toolCall(call)
        }
        return message
    }

    private func repairPrompt(_ reason: String, allowFinalAnswer: Bool) -> String {
        let formats = allowFinalAnswer
            ? "{\"tool\": \"<tool name>\", \"arguments\": {…}} or {\"final_answer\": …}"
            : "{\"tool\": \"<tool name>\", \"arguments\": {…}}"
        return "Your last reply was not a valid action: \(reason). "
            + "Reply again with exactly one JSON object and nothing else: \(formats)."
    }
}
