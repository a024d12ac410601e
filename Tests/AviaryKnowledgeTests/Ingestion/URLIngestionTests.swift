import AviaryCore
@testable import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import Foundation
import Hummingbird
import Testing

/// URL items in ingestion jobs: fetched from a local site, converted with links resolved against
/// the page's URL, each one journaled step; a URL that fails is that item's error and the job
/// goes on.
@Suite struct URLIngestionTests {
    static let page = """
        <html><head><title>Refunds</title></head><body><main><h1>Refunds</h1>
        <p>A refund reaches the card in 5 business days. See <a href="fees">the fees</a>.</p></main></body></html>
        """

    @Test func aJobFetchesURLItemsAndRecordsTheFailingOnes() async throws {
        try await FetchTestSite.run({ router in
            router.get("help/refunds") { _, _ in FetchTestSite.response(Self.page) }
            router.get("help/logo.png") { _, _ in FetchTestSite.response("PNG", type: "image/png") }
        }) { base in
            let fetcher = URLFetcher(policy: try FetchTestSite.policy())
            try await IngestJobTests.withRuntime(fetcher: fetcher) { runtime, store, _ in
                let run = try await IngestJobTests.job(runtime, [
                    ["url": .string(base + "/help/refunds"), "metadata": ["site": "help"]],
                    ["url": .string(base + "/help/missing"), "source": "missing-page"],
                    ["url": .string(base + "/help/logo.png")],
                    ["content": "# Fees\n\nRefunds are free.", "source": "fees.md"],
                ])
                #expect(run.status == .completed)
                let items = run.output?["items"]?.arrayValue ?? []
                #expect(items.map { $0["status"]?.stringValue } == ["created", "failed", "failed", "created"])
                #expect(items.map { $0["source"]?.stringValue } == [base + "/help/refunds", "missing-page", base + "/help/logo.png", "fees.md"])
                #expect(items[1]["error"]?.stringValue == "http_status: 404 Not Found from \(base)/help/missing")
                #expect(items[2]["error"]?.stringValue?.hasPrefix("unsupported_type: content type image/png is not a document") == true)
                let steps = try await store.loadJournal(run.id, tenant: "acme").map(\.key).filter { $0.hasPrefix("item/") }
                #expect(steps.sorted() == ["item/0", "item/1", "item/2", "item/3"])

                let hits = try await store.searchLexical(tenant: "acme", namespace: "payments", query: "refund business days", limit: 3)
                let hit = try #require(hits.first)
                #expect(hit.chunk.source == base + "/help/refunds" && hit.chunk.metadata["site"] == "help")
                #expect(hit.chunk.text.contains("[the fees](\(base)/help/fees)"))
                let document = try await store.loadDocument(tenant: "acme", namespace: "payments", source: base + "/help/refunds")
                #expect(document?.title == "Refunds")
            }
        }
    }

    @Test func withoutAFetcherOrWithTheDefaultPolicyURLItemsFail() async throws {
        try await FetchTestSite.run({ router in
            router.get("page") { _, _ in FetchTestSite.response(Self.page) }
        }) { base in
            try await IngestJobTests.withRuntime { runtime, _, _ in
                let run = try await IngestJobTests.job(runtime, [["url": .string(base + "/page")]])
                #expect(run.output?["items"]?[0]?["error"]?.stringValue?.contains("fetching URLs is not enabled") == true)
            }
            try await IngestJobTests.withRuntime(fetcher: URLFetcher()) { runtime, _, _ in
                let run = try await IngestJobTests.job(runtime, [["url": .string(base + "/page")]])
                #expect(run.output?["items"]?[0]?["error"]?.stringValue
                    == "refused: 127.0.0.1 is a loopback address; add it to knowledge.fetch.allow to allow it")
            }
        }
    }

    @Test func urlItemsRoundTripThroughAJobsInput() throws {
        let item = try IngestItem(json: ["url": "https://example.com/a?b=1", "metadata": ["k": "v"]], index: 0)
        #expect(item.origin == .url(URL(string: "https://example.com/a?b=1")!) && item.source == "https://example.com/a?b=1")
        #expect(try IngestItem(json: item.json, index: 0) == item)
        #expect(try IngestItem(json: ["url": "https://example.com/", "source": "home"], index: 0).source == "home")
        for bad: JSONValue in [["url": "file:///etc/passwd"], ["url": "https://user:pw@example.com/"], ["url": 42], ["url": "not a url at all"]] {
            #expect(throws: IngestError.self, "\(bad)") { try IngestItem(json: bad, index: 3) }
        }
    }
}
