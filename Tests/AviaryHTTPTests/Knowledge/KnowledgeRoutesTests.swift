import AviaryCore
import Foundation
import NIOHTTP1
import Testing

/// `/knowledge-bases/*` over a real server: an ingestion job accepted at once and polled to its
/// per-item results, retrieval with citations, listing and deleting, roles, and refusals — every
/// response checked against the API contract.
@Suite("Knowledge routes")
struct KnowledgeRoutesTests {
    static let fees = "# Fees\n\n## Pix\n\nPix transfers are free and settle instantly.\n\n## Cards\n\nCredit card payments cost 2.5%.\n"

    @Test func aJobIsAcceptedRunsAndItsDocumentsAreFoundListedAndDeleted() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let editor = try await fx.key(role: .developer, principal: "dev")
            let reader = try await fx.key(role: .user, principal: "alice")
            let accepted = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: [
                "namespace": "payments",
                "metadata": ["product": "pos"],
                "items": [
                    ["content": .string(Self.fees), "source": "fees.md"],
                    ["content": "<html><body><nav>Menu</nav><main><h1>Refunds</h1><p>Refunds take five business days.</p></main></body></html>",
                     "content_type": "text/html", "source": "refunds.html", "metadata": ["product": "refunds"]],
                    ["content": "{not json", "content_type": "application/json", "source": "broken.json"],
                ],
            ])
            #expect(accepted.status == 202, "\(accepted.text)")
            #expect(accepted.json?["status"] == "pending" && accepted.json?["total_items"] == 3)
            let job = try #require(accepted.json?["job_id"]?.stringValue)
            // the job is a run: its event stream ends when it does
            _ = try await fx.call(.GET, "/api/v1/runs/\(job)/events", key: editor)
            let done = try await fx.call(.GET, "/knowledge-bases/jobs/\(job)", key: reader)
            #expect(done.status == 200)
            #expect(done.json?["status"] == "completed" && done.json?["done_items"] == 3)
            #expect(done.json?["items"]?.arrayValue?.map { $0["status"] } == ["created", "created", "failed"])
            #expect(done.json?["items"]?[2]?["error"]?.stringValue?.isEmpty == false)
            #expect(done.json?["counts"]?["failed"] == 1)

            let query = try await fx.call(.POST, "/knowledge-bases/query", key: reader, json: ["query": "pix transfer cost", "namespace": "payments", "top_k": 2])
            #expect(query.status == 200 && query.json?["retrieval"] == "lexical")
            let top = query.json?["results"]?[0]
            #expect(top?["source"] == "fees.md" && top?["heading_path"] == ["Fees", "Pix"] && top?["metadata"]?["product"] == "pos")
            #expect(try await fx.call(.POST, "/knowledge-bases/query", key: reader, json: ["query": "refund days", "namespace": "payments"])
                .json?["results"]?[0]?["metadata"]?["product"] == "refunds")
            // metadata filters apply before ranking; a field no document has is refused by name
            let filtered = try await fx.call(.POST, "/knowledge-bases/query", key: reader,
                                             json: ["query": "refund days pix", "namespace": "payments", "filters": ["product": "pos"]])
            #expect(filtered.json?["results"]?.arrayValue?.allSatisfy { $0["metadata"]?["product"] == "pos" } == true)
            #expect(filtered.json?["results"]?.arrayValue?.isEmpty == false)
            let typo = try await fx.call(.POST, "/knowledge-bases/query", key: reader,
                                         json: ["query": "pix", "namespace": "payments", "filters": ["prodct": "pos"]])
            #expect(typo.status == 400 && typo.json?["error"]?["message"]?.stringValue?.contains("filters.prodct") == true)

            let bases = try await fx.call(.GET, "/knowledge-bases", key: reader)
            #expect(bases.json?["namespaces"] == [["name": "payments", "documents": 2, "chunks": .number(Double(done.json?["counts"]?["chunks"]?.intValue ?? 0))]])
            let docs = try await fx.call(.GET, "/knowledge-bases/payments/documents", key: reader)
            let refunds = try #require(docs.json?["documents"]?.arrayValue?.first { $0["source"] == "refunds.html" })
            let refundsID = try #require(refunds["id"]?.stringValue)
            #expect(try await fx.call(.DELETE, "/knowledge-bases/payments/documents/\(refundsID)", key: reader).status == 403)
            #expect(try await fx.call(.DELETE, "/knowledge-bases/other/documents/\(refundsID)", key: editor).status == 404)
            #expect(try await fx.call(.DELETE, "/knowledge-bases/payments/documents/\(refundsID)", key: editor).json?["deleted"] == true)
            #expect(try await fx.call(.DELETE, "/knowledge-bases/payments", key: editor).json?["deleted_documents"] == 1)
            #expect(try await fx.call(.GET, "/knowledge-bases/payments/documents", key: reader).status == 404)
            // another tenant sees nothing of it
            let other = try await fx.key(tenant: "globex", role: .user, principal: "bob")
            #expect(try await fx.call(.GET, "/knowledge-bases/jobs/\(job)", key: other).status == 404)
        }
    }

    @Test func badIngestionsAndQueriesAreRefusedClearly() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model()) { fx in
            let editor = try await fx.key(role: .service, principal: "svc")
            let user = try await fx.key(role: .user, principal: "alice")
            #expect(try await fx.call(.POST, "/knowledge-bases/ingest", key: user, json: ["items": [["content": "x"]]]).status == 403)
            let ftp = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: ["urls": ["https://example.com", "ftp://example.com/a.txt"]])
            #expect(ftp.status == 400 && ftp.errorCode == "invalid_input")
            #expect(ftp.json?["error"]?["message"]?.stringValue?.hasPrefix("urls[1]: ftp: URLs are not fetched") == true)
            let both = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: ["items": [["url": "https://example.com", "content": "x"]]])
            #expect(both.json?["error"]?["message"] == "items[0]: expected content (an inline document) or url, not both")
            for body: JSONValue in [["items": []], [:], ["namespace": "bad name", "items": [["content": "x"]]], ["namespace": "query", "items": [["content": "x"]]],
                                    ["items": [["url": "https://example.com", "content_type": "text/html"]]], ["items": [["url": "file:///etc/passwd"]]],
                                    ["items": [["url": "http://user@example.com/"]]], ["items": [["source": "neither"]]]] {
                let refused = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: body)
                #expect(refused.status == 400 && refused.errorCode == "invalid_input", "\(body.jsonString): \(refused.text)")
            }
            #expect(try await fx.call(.GET, "/knowledge-bases/jobs/run_nope", key: user).errorCode == "unknown_job")
            let filters = try await fx.call(.POST, "/knowledge-bases/query", key: user, json: ["query": "x", "filters": ["product": ["$regex": "p.*"]]])
            #expect(filters.status == 400 && filters.errorCode == "invalid_input")
            #expect(filters.json?["error"]?["message"]?.stringValue?.contains("filters.product.$regex") == true)
            #expect(try await fx.call(.POST, "/knowledge-bases/query", key: user, json: ["query": " "]).status == 400)
            #expect(try await fx.call(.POST, "/knowledge-bases/query", key: user, json: ["query": "x", "top_k": 51]).status == 400)
            let empty = try await fx.call(.POST, "/knowledge-bases/query", key: user, json: ["query": "anything", "namespace": "nothing-here"])
            #expect(empty.status == 200 && empty.json?["results"] == [])
        }
    }
}
