import AviaryCore

/// One model call of a recording: what identified the request, and the response in full (the
/// assistant message with text and tool calls with their ids and arguments, finish reason, usage,
/// model id).
public struct RecordedModelCall: Sendable, Hashable {
    /// The run's question: the request's last user message.
    public var question: String
    /// The names of the tool results the request carried after that question, in order (which
    /// step of the run's tool loop it was).
    public var toolResults: [String]
    /// The tools the request offered, sorted.
    public var tools: [String]
    /// The model's response.
    public var response: ModelResponse

    /// Creates a recorded call.
    public init(question: String, toolResults: [String], tools: [String], response: ModelResponse) {
        self.question = question
        self.toolResults = toolResults
        self.tools = tools
        self.response = response
    }

    /// What is recorded of a request.
    public init(request: ModelRequest, response: ModelResponse) {
        self.init(question: Self.question(of: request), toolResults: Self.toolResults(of: request),
                  tools: request.tools.map(\.name).sorted(), response: response)
    }

    /// The run's question: the text of the request's last user message.
    static func question(of request: ModelRequest) -> String {
        request.messages.last { $0.role == .user }?.text ?? ""
    }

    /// The names of the tool results after the last user message.
    static func toolResults(of request: ModelRequest) -> [String] {
        let start = (request.messages.lastIndex { $0.role == .user }).map { $0 + 1 } ?? 0
        return request.messages[start...].flatMap(\.toolResults).map(\.name)
    }

    var json: JSONValue {
        ["request": ["question": .string(question), "tool_results": .array(toolResults.map { .string($0) }),
                     "tools": .array(tools.map { .string($0) })],
         "response": response.json]
    }

    init(json: JSONValue, path: String) throws(SessionTestError) {
        let reader = try JSONObjectReader(json, path: path, known: ["request", "response"], fail: SessionTestError.invalidRecording)
        guard let requestJSON = try reader.object("request") else { throw reader.error("request", "required") }
        let request = try JSONObjectReader(requestJSON, path: "\(path).request", known: ["question", "tool_results", "tools"],
                                           fail: SessionTestError.invalidRecording)
        guard let responseJSON = try reader.object("response") else { throw reader.error("response", "required") }
        let response: ModelResponse
        do { response = try ModelResponse(json: responseJSON) } catch { throw reader.error("response", "not a model response: \(error)") }
        self.init(question: try request.string("question") ?? "", toolResults: try request.strings("tool_results") ?? [],
                  tools: try request.strings("tools") ?? [], response: response)
    }
}
