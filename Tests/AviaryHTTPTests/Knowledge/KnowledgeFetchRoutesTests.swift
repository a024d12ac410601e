import AviaryCore
import AviaryKnowledge
import AviaryTesting
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import Testing

/// `POST /knowledge-bases/ingest` with pages to fetch: `urls` and items' `url`, fetched by the
/// server from a local site its allowlist opens, the failing one recorded as that item's error.
@Suite("Knowledge routes: fetching URLs")
struct KnowledgeFetchRoutesTests {
    @Test func urlsAndURLItemsAreFetchedIngestedAndCited() async throws {
        let router = Router()
        router.get("help/shipping") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(byteBuffer: ByteBuffer(string: """
                <html><head><title>Shipping</title></head><body><main><h1>Shipping</h1>
                <p>Orders ship within two business days. Read <a href="returns">returns</a>.</p></main></body></html>
                """)))
        }
        try await LocalHTTPServer.run(router: router) { port in
            let site = "http://127.0.0.1:\(port)"
            let fetcher = URLFetcher(policy: FetchPolicy(allow: try FetchAllowlist(["127.0.0.1/32"])))
            try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), fetcher: fetcher) { fx in
                let editor = try await fx.key(role: .developer, principal: "dev")
                let accepted = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor, json: [
                    "namespace": "help", "metadata": ["site": "help"],
                    "items": [["url": .string(site + "/help/gone"), "source": "gone-page"]],
                    "urls": [.string(site + "/help/shipping")],
                ])
                #expect(accepted.status == 202, "\(accepted.text)")
                #expect(accepted.json?["total_items"] == 2)
                let job = try #require(accepted.json?["job_id"]?.stringValue)
                _ = try await fx.call(.GET, "/api/v1/runs/\(job)/events", key: editor)
                let done = try await fx.call(.GET, "/knowledge-bases/jobs/\(job)", key: editor)
                #expect(done.json?["status"] == "completed")
                #expect(done.json?["items"]?.arrayValue?.map { $0["status"] } == ["failed", "created"])
                #expect(done.json?["items"]?[0]?["error"] == .string("http_status: 404 Not Found from \(site)/help/gone"))
                #expect(done.json?["items"]?[1]?["source"] == .string(site + "/help/shipping"))

                let query = try await fx.call(.POST, "/knowledge-bases/query", key: editor, json: ["query": "when do orders ship", "namespace": "help"])
                let top = query.json?["results"]?[0]
                #expect(top?["source"] == .string(site + "/help/shipping") && top?["metadata"]?["site"] == "help")
                #expect(top?["text"]?.stringValue?.contains("[returns](\(site)/help/returns)") == true)
            }
        }
    }

    @Test func theServersDefaultPolicyRefusesItsOwnNetwork() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), fetcher: URLFetcher()) { fx in
            let editor = try await fx.key(role: .service, principal: "svc")
            let accepted = try await fx.call(.POST, "/knowledge-bases/ingest", key: editor,
                                             json: ["urls": [.string("http://127.0.0.1:\(fx.port)/health"), "http://169.254.169.254/latest/meta-data/"]])
            let job = try #require(accepted.json?["job_id"]?.stringValue)
            _ = try await fx.call(.GET, "/api/v1/runs/\(job)/events", key: editor)
            let done = try await fx.call(.GET, "/knowledge-bases/jobs/\(job)", key: editor)
            #expect(done.json?["items"]?[0]?["error"] == "refused: 127.0.0.1 is a loopback address; add it to knowledge.fetch.allow to allow it")
            #expect(done.json?["items"]?[1]?["error"]?.stringValue?.hasPrefix("refused: 169.254.169.254 is a cloud metadata address") == true)
        }
    }
}
