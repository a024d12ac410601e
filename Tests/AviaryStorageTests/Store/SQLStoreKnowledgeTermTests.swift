import AviaryCore
import Foundation
import SQLKit
import Testing

@testable import AviaryStorage

/// SQLite's lexical search leaves out words most chunks contain when rarer ones remain (they add
/// nothing to BM25 and would make a query score most of the index), matching stems through the
/// index's vocabulary, and requires all words of a query made only of common ones.
@Suite("SQLStore knowledge common words")
struct SQLStoreKnowledgeTermTests {
    @Test func commonWordsAreLeftOutWhenRarerOnesRemain() async throws {
        try await withStore(.sqlite) { store in
            let texts = (0..<620).map { i in i == 7 ? "Payments disputed as a chargeback are refunded." : "Payments number \(i) settle today." }
            let (doc, chunks) = SQLStoreKnowledgeTests.document("big.md", hash: "v1", chunks: texts)
            _ = try await store.replaceDocument(doc, chunks: chunks)
            #expect(try await store.ftsMatch(["payments", "chargeback"]) == "\"chargeback\"", "'payments' (stem 'payment') is in every chunk")
            #expect(try await store.ftsMatch(["payment", "settle", "today"]) == "\"payment\" AND \"settle\" AND \"today\"", "only common words: all required")
            #expect(try await store.ftsMatch(["refunded", "unknownword"]) == "\"refunded\" OR \"unknownword\"", "rare and absent words stay")
            let hits = try await store.searchLexical(tenant: "acme", namespace: "docs", query: "payments chargeback", limit: 3)
            #expect(hits.first?.chunk.position == 7)
        }
    }

    @Test func smallKnowledgeBasesKeepEveryWord() async throws {
        try await withStore(.sqlite) { store in
            let (doc, chunks) = SQLStoreKnowledgeTests.document("small.md", hash: "v1", chunks: ["Payments settle today.", "Payments fail."])
            _ = try await store.replaceDocument(doc, chunks: chunks)
            #expect(try await store.ftsMatch(["payments", "fail"]) == "\"payments\" OR \"fail\"")
        }
    }

    /// Each chunk carries its tenant and namespace as one full-text token (migration 0016), and a
    /// search matches it inside FTS5: other namespaces' chunks with the same words are neither
    /// returned nor take places in the best `limit`, whatever the names are made of.
    @Test func aSearchRanksOnlyItsOwnNamespaceInsideTheIndex() async throws {
        try await withStore(.sqlite) { store in
            let scopes = [("acme", "docs"), ("acme", "docs-ç ü"), ("acme\u{1F}docs", "x"), ("beta", "docs"), ("acme", "Docs")]
            for (tenant, namespace) in scopes {
                // many strong matches elsewhere, one weak match per namespace
                let texts = (0..<30).map { i in "Refund refund refund \(namespace) \(i)." } + ["A refund of \(tenant) \(namespace)."]
                let (doc, chunks) = SQLStoreKnowledgeTests.document("f.md", tenant: tenant, namespace: namespace, hash: "v1", chunks: texts)
                _ = try await store.replaceDocument(doc, chunks: chunks)
            }
            for (tenant, namespace) in scopes {
                let hits = try await store.searchLexical(tenant: tenant, namespace: namespace, query: "refund", limit: 40)
                #expect(hits.count == 31, "\(tenant)/\(namespace)")
                #expect(hits.allSatisfy { $0.chunk.namespace == namespace && $0.chunk.documentID.hasPrefix("doc_\(tenant)_\(namespace)_") })
                let rows = try await store.reader.raw("""
                    SELECT COUNT(*) AS n FROM kb_chunks WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)
                      AND fts_scope = \(bind: SQLStore.ftsScope(tenant: tenant, namespace: namespace))
                    """).first()
                #expect(try rows?.decode(column: "n", as: Int.self) == 31, "the column and the query spell the token alike")
            }
            #expect(SQLStore.ftsScope(tenant: "t", namespace: "ç") == "s741FC3A7")
        }
    }

    /// PostgreSQL leaves out the same words, by the shares ANALYZE keeps for the `tsv` column.
    @Test(.enabled(if: Backend.all.contains(.postgres)))
    func postgresLeavesOutCommonWordsByTheColumnsStatistics() async throws {
        try await withStore(.postgres) { store in
            let texts = (0..<620).map { i in i == 7 ? "Payments disputed as a chargeback are refunded." : "Payments number \(i) settle today." }
            let (doc, chunks) = SQLStoreKnowledgeTests.document("big.md", hash: "v1", chunks: texts)
            _ = try await store.replaceDocument(doc, chunks: chunks)
            try await store.refreshKnowledgeStatistics()
            #expect(try await store.postgresQueryText(["payments", "chargeback"]) == "chargeback", "'payments' (lexeme 'payment') is in every chunk")
            #expect(try await store.postgresQueryText(["payment", "settle", "today"]) == "payment & settle & today", "only common words: all required")
            #expect(try await store.postgresQueryText(["refunded", "unknownword"]) == "refunded | unknownword")
            #expect(try await store.postgresQueryText(["the", "chargeback"]) == "the | chargeback", "a stop word is not counted as common")
            let hits = try await store.searchLexical(tenant: "acme", namespace: "docs", query: "payments chargeback", limit: 3)
            #expect(hits.map(\.chunk.position) == [7])
        }
    }
}
