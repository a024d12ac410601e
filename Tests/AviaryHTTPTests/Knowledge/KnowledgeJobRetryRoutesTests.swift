import AviaryCore
import AviaryTesting
import Foundation
import NIOHTTP1
import Testing

/// Retrying a job's failed items over a real server, and hybrid retrieval over HTTP: a job's
/// `embeddings` progress and a query's `retrieval: hybrid`, checked against the API contract.
@Suite("Knowledge job retry and hybrid routes")
struct KnowledgeJobRetryRoutesTests {
    @Test func aFinishedJobsFailedItemsAreRetriedAloneAndOthersAreRefused() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let editor = try await fx.key(role: .developer, principal: "dev")
            let reader = try await fx.key(role: .user, principal: "alice")
            let accepted = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: [
                "namespace": "payments",
                "items": [
                    ["content": "# Fees\n\nPix is free.", "source": "fees.md"],
                    ["content": "{not json", "content_type": "application/json", "source": "broken.json"],
                    ["content": "", "source": "empty.md"],
                ],
            ])
            let job = try #require(accepted.json?["job_id"]?.stringValue)
            _ = try await fx.call(.GET, "/api/v1/runs/\(job)/events", key: editor)
            #expect(try await fx.call(.POST, "/knowledge-bases/jobs/\(job)/retry", key: reader).status == 403)
            #expect(try await fx.call(.POST, "/knowledge-bases/jobs/run_nope/retry", key: editor).status == 404)

            let retried = try await fx.call(.POST, "/knowledge-bases/jobs/\(job)/retry", key: editor)
            #expect(retried.status == 202, "\(retried.text)")
            let retry = try #require(retried.json?["job_id"]?.stringValue)
            #expect(retry != job && retried.json?["total_items"] == 2 && retried.json?["namespace"] == "payments")
            _ = try await fx.call(.GET, "/api/v1/runs/\(retry)/events", key: editor)
            let done = try await fx.call(.GET, "/knowledge-bases/jobs/\(retry)", key: editor)
            #expect(done.json?["items"]?.arrayValue?.map { $0["source"] } == ["broken.json", "empty.md"], "only the failed items, in order")
            #expect(done.json?["items"]?.arrayValue?.allSatisfy { $0["status"] == "failed" } == true, "still broken: failed again, with their errors")

            let clean = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: [
                "namespace": "payments", "items": [["content": "# Cards\n\nCards cost 2%.", "source": "cards.md"]],
            ])
            let cleanJob = try #require(clean.json?["job_id"]?.stringValue)
            _ = try await fx.call(.GET, "/api/v1/runs/\(cleanJob)/events", key: editor)
            let nothing = try await fx.call(.POST, "/knowledge-bases/jobs/\(cleanJob)/retry", key: editor)
            #expect(nothing.status == 409 && nothing.json?["error"]?["code"] == "nothing_to_retry")
        }
    }

    @Test func withAnEmbeddingModelJobsReportVectorsAndQueriesAreHybrid() async throws {
        let model = HashingEmbeddingModel(concepts: ["money": "refund", "back": "refund", "refunds": "refund"])
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), embedder: model) { fx in
            let editor = try await fx.key(role: .developer, principal: "dev")
            let accepted = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: [
                "namespace": "help",
                "items": [
                    ["content": "# Refunds\n\nA refund reaches the card within five business days.", "source": "refunds.md"],
                    ["content": "# Pix\n\nPix moves funds in seconds.", "source": "pix.md"],
                ],
            ])
            let job = try #require(accepted.json?["job_id"]?.stringValue)
            _ = try await fx.call(.GET, "/api/v1/runs/\(job)/events", key: editor)
            let done = try await fx.call(.GET, "/knowledge-bases/jobs/\(job)", key: editor)
            #expect(done.json?["embeddings"]?["status"] == "completed" && done.json?["embeddings"]?["embedded"] == 2, "\(done.text)")
            let query = try await fx.call(.POST, "/knowledge-bases/query", key: editor, json: ["query": "how do I get my money back", "namespace": "help"])
            #expect(query.status == 200 && query.json?["retrieval"] == "hybrid" && query.json?["chunks_without_vectors"] == 0, "\(query.text)")
            #expect(query.json?["results"]?[0]?["source"] == "refunds.md")
        }
    }
}
