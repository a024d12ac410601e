import AviaryCore

/// What a model stream produced, collected.
struct CollectedStream {
    var text = ""
    var toolArguments: [Int: String] = [:]
    var toolNames: [Int: String] = [:]
    var toolIDs: [Int: String] = [:]
    var events = 0
    var completed: ModelResponse?

    static func collect(_ stream: AsyncThrowingStream<ModelStreamEvent, any Error>) async throws -> CollectedStream {
        var out = CollectedStream()
        for try await event in stream {
            out.events += 1
            switch event {
            case .textDelta(let piece): out.text += piece
            case .toolCallDelta(let index, let id, let name, let arguments):
                out.toolArguments[index, default: ""] += arguments
                if let name { out.toolNames[index] = name }
                if let id { out.toolIDs[index] = id }
            case .completed(let response): out.completed = response
            }
        }
        return out
    }
}
