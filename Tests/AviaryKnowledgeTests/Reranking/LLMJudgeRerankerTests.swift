import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryTesting
import Foundation
import Testing

/// The LLM judge: its prompt, the answers it can read (fenced, prose around, numbers as text,
/// numbered objects), the ones it refuses, and its use by ``KnowledgeSearch`` over a real store,
/// where an unreadable answer leaves the fused order with a note.
@Suite struct LLMJudgeRerankerTests {
    @Test func thePromptNumbersThePassagesCutsLongOnesAndAsksForJSON() {
        let long = String(repeating: "settlement ", count: 500)
        let request = LLMJudgeReranker.request(model: "gpt-4o-mini", query: "when do refunds arrive", passages: ["Refunds take five days.", long])
        #expect(request.model == "gpt-4o-mini" && request.temperature == 0)
        let user = request.messages.last?.text ?? ""
        #expect(user.contains("Query: when do refunds arrive") && user.contains("[1] Refunds take five days.") && user.contains("[2] settlement"))
        #expect(user.contains("with 2 numbers") && user.count < 2 * LLMJudgeReranker.maxPassageCharacters, "the long passage is cut")
        #expect(user.contains("…"))
        guard case .jsonSchema(_, let schema) = request.responseFormat else { Issue.record("expected a JSON schema"); return }
        #expect(schema["required"] == ["scores"])
    }

    @Test func readableAnswers() throws {
        #expect(try LLMJudgeVerdict.scores(in: #"{"scores": [7, 2, 9.5]}"#, passages: 3) == [7, 2, 9.5])
        #expect(try LLMJudgeVerdict.scores(in: "```json\n{\"scores\": [1, \"8\"]}\n```", passages: 2) == [1, 8])
        #expect(try LLMJudgeVerdict.scores(in: "Here are the scores: [3, 4]. Hope it helps.", passages: 2) == [3, 4])
        #expect(try LLMJudgeVerdict.scores(in: #"{"scores": [12, -1]}"#, passages: 2) == [10, 0], "clamped to 0-10")
        #expect(try LLMJudgeVerdict.scores(in: #"{"scores": [{"passage": 2, "score": 9}, {"passage": 1, "score": 4}]}"#, passages: 3) == [4, 9, -1],
                "numbered scores are placed by passage; one left out ranks last")
    }

    @Test func unreadableAnswersAreTypedErrorsSayingWhy() {
        for (answer, says) in [
            ("The second passage is best.", "holds no JSON"),
            (#"{"ranking": [2, 1]}"#, "no `scores` array"),
            (#"{"scores": [7, 2]}"#, "2 scores for 3 passages"),
            (#"{"scores": [7, "high", 1]}"#, "scores[1] is not a number"),
            (#"{"scores": [{"passage": 4, "score": 1}]}"#, "scores[0].passage is not a passage number from 1 to 3"),
            (#"{"scores": [{"passage": 1, "score": 1}, {"passage": 1, "score": 2}]}"#, "passage 1 is scored twice"),
        ] {
            let error = #expect(throws: LLMJudgeError.self, "\(answer)") { try LLMJudgeVerdict.scores(in: answer, passages: 3) }
            #expect(error?.description.contains(says) == true, "\(answer): \(String(describing: error))")
        }
    }

    @Test func theJudgeReordersSearchResults() async throws {
        // the judge prefers the passage about fees, wherever the fusion put it
        let judge = FunctionModel { request in
            let user = request.messages.last?.text ?? ""
            let passages = user.components(separatedBy: "\n\n[").dropFirst()
            let scores = passages.map { $0.contains("2.5%") ? 9 : 1 }
            return .text("```json\n{\"scores\": \(scores)}\n```")
        }
        try await HybridSearchTests.withIngested { store, _ in
            let search = KnowledgeSearch(store: store, embedder: HybridSearchTests.model,
                                         reranker: LLMJudgeReranker(model: judge, modelID: "judge-1", name: "llm/test/judge"))
            let results = try await search.retrieve("refund card", namespace: "help", tenant: "acme", topK: 2)
            #expect(results.hits.first?.chunk.source == "fees.md" && results.hits.first?.score == 9, "\(results.hits.map(\.chunk.source))")
            #expect(results.reranker == "llm/test/judge" && results.hits.count == 2 && results.note == nil)
        }
    }

    @Test func anUnreadableVerdictKeepsTheFusedOrderAndSaysSo() async throws {
        struct Down: Error {}
        let judge = ScriptedModel([.text("I think passage two is the most relevant."), .failure(Down())])
        try await HybridSearchTests.withIngested { store, search in
            let fused = try await search.retrieve("refund card", namespace: "help", tenant: "acme", topK: 3)
            let judged = KnowledgeSearch(store: store, embedder: HybridSearchTests.model, reranker: LLMJudgeReranker(model: judge, modelID: "judge-1"))
            let results = try await judged.retrieve("refund card", namespace: "help", tenant: "acme", topK: 3)
            #expect(results.hits.map(\.chunk.id) == fused.hits.map(\.chunk.id) && results.reranker == nil)
            #expect(results.note?.contains("reranking failed (the LLM judge's answer could not be read: the answer holds no JSON") == true, "\(results.note ?? "")")
            let failed = try await judged.retrieve("refund card", namespace: "help", tenant: "acme", topK: 3)
            #expect(failed.note?.contains("reranking failed") == true && failed.hits.map(\.chunk.id) == fused.hits.map(\.chunk.id))
        }
    }

    @Test func candidatesBoundWhatTheRerankerSees() async throws {
        let judge = ScriptedModel([.dynamic { request in
            let count = (request.messages.last?.text.components(separatedBy: "\n\n[").count ?? 1) - 1
            return .text("{\"scores\": \(Array(repeating: 5, count: count))}")
        }])
        try await HybridSearchTests.withIngested { store, _ in
            let search = KnowledgeSearch(store: store, embedder: HybridSearchTests.model, reranker: LLMJudgeReranker(model: judge, modelID: "j"),
                                         rerankCandidates: 2)
            let results = try await search.retrieve("card", namespace: "help", tenant: "acme", topK: 1)
            #expect(results.reranker != nil && results.hits.count == 1)
            #expect(judge.requests.first?.messages.last?.text.contains("with 2 numbers") == true, "two candidates, not 20")
        }
    }
}
