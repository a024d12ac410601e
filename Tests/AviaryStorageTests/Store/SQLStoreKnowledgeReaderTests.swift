import AviaryCore
import AviaryTesting
import Foundation
import SQLKit
import Testing

@testable import AviaryStorage

/// Knowledge-base queries on SQLite go through read-only connections beside the writer: they
/// answer while a write transaction holds the writer, and they see what it commits once it has.
@Suite("SQLStore knowledge readers", .timeLimit(.minutes(1)))
struct SQLStoreKnowledgeReaderTests {
    @Test func queriesAnswerWhileAWriteTransactionHoldsTheWriter() async throws {
        try await withStore(.sqlite) { store in
            let (doc, chunks) = SQLStoreKnowledgeTests.document("fees.md", hash: "v1", chunks: ["Pix transfers are free."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            let inside = AsyncGate(), release = AsyncGate()
            let writer = Task {
                try await store.transaction { db in
                    try await db.raw("UPDATE kb_documents SET title = 'Fees (held)' WHERE id = \(bind: doc.id)").run()
                    inside.open()
                    await release.wait()
                }
            }
            await inside.wait()
            // the writer's one connection is taken until `release` opens: these would wait for it
            let hits = try await store.searchLexical(tenant: "acme", namespace: "docs", query: "pix", limit: 5)
            #expect(hits.map(\.chunk.text) == ["Pix transfers are free."])
            #expect(try await store.documents(tenant: "acme", namespace: "docs", limit: 5).first?.title == "fees.md", "the uncommitted title is not seen")
            #expect(try await store.knowledgeRevision(tenant: "acme", namespace: "docs") > 0)
            release.open()
            try await writer.value
            #expect(try await store.documents(tenant: "acme", namespace: "docs", limit: 5).first?.title == "Fees (held)", "a commit is seen at once")
        }
    }
}
