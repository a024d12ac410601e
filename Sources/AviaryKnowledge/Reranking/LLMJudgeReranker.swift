import AviaryCore
import AviaryRuntime

/// A ``Reranker`` that asks a chat model to judge the passages: one request with the query and the
/// numbered passages (each cut to ``maxPassageCharacters``), asking for JSON scores from 0 to 10
/// per passage, read by ``LLMJudgeVerdict``. An answer that holds no such scores is an
/// ``LLMJudgeError`` (``KnowledgeSearch`` then keeps the fused order and says so in its note).
///
/// The model is resolved on each call, the way an agent's `model:` is, so a provider key that is
/// missing fails the reranking (with the key's name), not the application's start.
public struct LLMJudgeReranker: Reranker {
    /// `llm/<reference>`, e.g. `llm/openai/gpt-4o-mini`.
    public let name: String
    private let resolve: @Sendable () throws -> ResolvedModel
    /// The longest passage text put in the prompt; longer passages are cut (with `…`).
    public static let maxPassageCharacters = 1_200

    /// A judge using the model `reference` (a `provider/model` or a profile) resolves to.
    public init(reference: String, models: any ModelProvider) {
        self.name = "llm/\(reference)"
        self.resolve = { try models.resolve(reference) }
    }

    /// A judge using `model`, sending `modelID` in its requests.
    public init(model: any LanguageModel, modelID: String, name: String? = nil) {
        self.name = name ?? "llm/\(model.name)"
        let resolved = ResolvedModel(model: model, modelID: modelID)
        self.resolve = { resolved }
    }

    public func scores(query: String, passages: [String]) async throws -> [Double] {
        guard !passages.isEmpty else { return [] }
        let resolved = try resolve()
        let response = try await resolved.model.respond(to: Self.request(model: resolved.modelID, query: query, passages: passages))
        return try LLMJudgeVerdict.scores(in: response.message.text, passages: passages.count)
    }

    /// The judging request: instructions, then the query and the numbered passages, with a JSON
    /// schema for `{"scores": [number]}` and temperature 0.
    public static func request(model: String, query: String, passages: [String]) -> ModelRequest {
        let numbered = passages.enumerated().map { "[\($0.offset + 1)] \(cut($0.element))" }.joined(separator: "\n\n")
        let system = """
            You judge how well passages answer a search query. Give every passage a score from 0 (unrelated) \
            to 10 (answers the query fully). Judge each passage on its own. Answer with JSON only: \
            {"scores": [...]}, one number per passage, in the passages' order.
            """
        let user = "Query: \(query)\n\nPassages:\n\n\(numbered)\n\nAnswer {\"scores\": [...]} with \(passages.count) numbers."
        let schema: JSONValue = [
            "type": "object",
            "properties": ["scores": ["type": "array", "items": ["type": "number"]]],
            "required": ["scores"],
            "additionalProperties": false,
        ]
        return ModelRequest(model: model, messages: [.system(system), .user(user)], responseFormat: .jsonSchema(name: "passage_scores", schema: schema),
                            temperature: 0, maxTokens: 32 + 8 * passages.count)
    }

    private static func cut(_ passage: String) -> String {
        passage.count <= maxPassageCharacters ? passage : String(passage.prefix(maxPassageCharacters)) + "…"
    }
}
