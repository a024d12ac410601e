import AviaryTestSupport
import Foundation
import Testing

/// `aviary validate` with `knowledge.rerank:`: a valid reranker is shown, a bad one refused by its key.
@Suite struct RerankValidateTests {
    @Test func validateShowsTheRerankerOrNamesTheBadKey() async throws {
        try await withTemporaryDirectory { dir in
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
            try "name: helper\ninstructions: Answer from the knowledge base.\ntools: [rag_search]\n"
                .write(to: dir.appendingPathComponent("agents/helper.yaml"), atomically: true, encoding: .utf8)
            let file = dir.appendingPathComponent("aviary.yaml")
            try """
                model: openai/fake-model
                knowledge:
                  rerank: {provider: endpoint, base_url: "http://127.0.0.1:8787/v1", model: bge-reranker-v2-m3, candidates: 20}
                """.write(to: file, atomically: true, encoding: .utf8)
            let (status, out, err) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(status == 0, "\(err)")
            #expect(out.contains("ok  knowledge reranker: endpoint bge-reranker-v2-m3 at http://127.0.0.1:8787/v1, 20 candidates"), "\(out)")
            try "model: openai/fake-model\nknowledge:\n  rerank: {provider: llm, model: openai/gpt-4o-mini}\n".write(to: file, atomically: true, encoding: .utf8)
            let (llm, llmOut, llmErr) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(llm == 0 && llmOut.contains("ok  knowledge reranker: llm judge openai/gpt-4o-mini"), "\(llmOut) \(llmErr)")
            try "model: openai/fake-model\nknowledge:\n  rerank: {provider: llm}\n".write(to: file, atomically: true, encoding: .utf8)
            let (bad, _, badErr) = try await CLIProcess.run(["validate", "--project", dir.path], environment: [:])
            #expect(bad != 0 && badErr.contains("knowledge.rerank.model: required"), "\(badErr)")
        }
    }
}
