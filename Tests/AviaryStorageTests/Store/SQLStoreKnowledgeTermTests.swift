import AviaryCore
import Foundation
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
}
