/// The seam to every model provider: one method to answer, one to stream.
public protocol LanguageModel: Sendable {
    /// A stable name for logs and routing decisions (`openai/gpt-4o-mini`).
    var name: String { get }
    /// Answers a request.
    func respond(to request: ModelRequest) async throws -> ModelResponse
    /// Streams an answer; the last event is `.completed`.
    func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error>
}

extension LanguageModel {
    /// Default streaming: one non-streaming call delivered as deltas plus completion.
    public func stream(_ request: ModelRequest) -> AsyncThrowingStream<ModelStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await respond(to: request)
                    let text = response.message.text
                    if !text.isEmpty { continuation.yield(.textDelta(text)) }
                    for (i, call) in response.message.toolCalls.enumerated() {
                        continuation.yield(.toolCallDelta(index: i, id: call.id, name: call.name,
                                                          argumentsDelta: call.arguments.jsonString))
                    }
                    continuation.yield(.completed(response))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
