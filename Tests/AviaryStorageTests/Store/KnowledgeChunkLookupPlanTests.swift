import AviaryCore
@testable import AviaryStorage
import SQLKit
import Testing

/// Reading chunks by ID (the best of a ranking) goes through the primary key, not through an
/// index on the tenant that would read all of the tenant's chunks.
@Suite("Knowledge chunk lookup plan")
struct KnowledgeChunkLookupPlanTests {
    @Test func sqliteReadsChunksByTheirPrimaryKey() async throws {
        try await withStore(.sqlite) { store in
            let (doc, chunks) = SQLStoreKnowledgeTests.document("fees.md", hash: "v1", chunks: ["Card fees.", "Refunds.", "Pix."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            let query = "SELECT id FROM kb_chunks WHERE \(SQLStore.tenantColumnBesideIDs(.sqlite)) = 'acme' AND id IN ('a', 'b', 'c')"
            let plan = try await store.database.raw(SQLQueryString("EXPLAIN QUERY PLAN " + query))
                .all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(plan.contains { $0.contains("sqlite_autoindex_kb_chunks_1") }, "\(plan)")
            #expect(!plan.contains { $0.contains("(tenant_id=?") }, "\(plan)")
            #expect(try await store.loadChunks([chunks[2].id, chunks[0].id, "absent"], tenant: "acme").map(\.id).sorted()
                    == [chunks[0].id, chunks[2].id])
            #expect(try await store.loadChunks([chunks[0].id], tenant: "globex").isEmpty, "another tenant's chunks are not read")
        }
    }
}
