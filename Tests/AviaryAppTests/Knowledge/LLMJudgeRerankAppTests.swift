import AviaryApp
import AviaryCore
import AviaryTesting
import AviaryTestSupport
import Foundation
import Logging
import Testing

/// `knowledge.rerank: {provider: llm}` in an application: the judge's model resolved through the
/// project's providers (a fake OpenAI-compatible server on 127.0.0.1), its scores reordering
/// `aviary kb query`'s results, and an unreadable verdict leaving the fused order with a note.
@Suite struct LLMJudgeRerankAppTests {
    @Test func theJudgeReordersQueriesThroughTheConfiguredProvider() async throws {
        try await withFakeOpenAIServer(replies: [.text("```json\n{\"scores\": [2, 9]}\n```"), .text("Passage 2, clearly.")]) { server in
            try await withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
                try "name: helper\ninstructions: Answer from the knowledge base.\ntools: [rag_search]\n"
                    .write(to: dir.appendingPathComponent("agents/helper.yaml"), atomically: true, encoding: .utf8)
                try """
                    model: judges/fake-model
                    embeddings: none
                    providers:
                      judges: {kind: openai, base_url: "\(server.baseURL)"}
                    knowledge:
                      rerank: {provider: llm, model: judges/fake-model}
                    """.write(to: dir.appendingPathComponent("aviary.yaml"), atomically: true, encoding: .utf8)
                let docs = dir.appendingPathComponent("kb")
                try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
                try "# Fees\n\nCard payments cost 2.5% per card transaction.\n".write(to: docs.appendingPathComponent("fees.md"), atomically: true, encoding: .utf8)
                try "# Refunds\n\nA card refund takes five days.\n".write(to: docs.appendingPathComponent("refunds.md"), atomically: true, encoding: .utf8)
                let config = try ConfigurationLoader(environment: [:]).load(project: dir)
                var logger = Logger(label: "test")
                logger.logLevel = .critical
                let options = AviaryApplication.Options(environment: [:], logger: logger)
                _ = try await AviaryApplication.ingest(config, paths: [docs.path], namespace: "help", options: options) { _, _, _ in }

                let judged = try await AviaryApplication.queryKnowledge(config, question: "card", namespace: "help", topK: 2, options: options)
                #expect(judged["reranker"] == "llm/judges/fake-model", "\(judged)")
                let prompt = try #require(server.requestBodies.first?["messages"]?[1]?["content"]?.stringValue)
                let texts = judged["results"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
                #expect(texts.count == 2 && prompt.contains("[2] \(texts[0])") && prompt.contains("[1] \(texts[1])"), "passage 2 scored 9 comes first: \(prompt)")
                #expect(judged["results"]?[0]?["score"] == 9)
                #expect(server.requestBodies.first?["model"] == "fake-model" && server.requestBodies.first?["temperature"] == 0)

                let fallback = try await AviaryApplication.queryKnowledge(config, question: "card", namespace: "help", topK: 2, options: options)
                #expect(fallback["reranker"] == nil && fallback["note"]?.stringValue?.contains("the LLM judge's answer could not be read") == true, "\(fallback)")
                #expect(fallback["results"]?.arrayValue?.compactMap { $0["text"]?.stringValue } == texts.reversed(), "the fused order")
            }
        }
    }
}
