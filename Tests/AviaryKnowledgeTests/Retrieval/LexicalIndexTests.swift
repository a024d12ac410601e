import AviaryCore
@testable import AviaryKnowledge
import Testing

/// The in-memory lexical index: FTS5's own terms, BM25 ranking with rare words first and the
/// heading at half weight, filters, ties and limits, and the bounded heap it selects with.
@Suite struct LexicalIndexTests {
    static let tokenizer = try! FTS5Tokenizer()

    static func index(_ texts: [(String, String, String)]) -> LexicalIndex {
        LexicalIndex(chunks: texts.map { KnowledgeChunkText(id: $0.0, text: $0.1, headingText: $0.2) }, tokenizer: tokenizer)
    }

    @Test func theTokenizerGivesTheStoresTerms() {
        #expect(Self.tokenizer.terms(in: "Refunding the Payments: café, São Paulo!", query: false)
                == ["refund", "the", "payment", "cafe", "sao", "paulo"])
        #expect(Self.tokenizer.terms(in: "", query: true).isEmpty)
        #expect(Self.tokenizer.terms(in: "— … !? ,", query: true).isEmpty)
    }

    @Test func aRareWordOutranksCommonOnesAndStemsMatch() {
        let index = Self.index([
            ("a", "the card and the fee and the card", ""),
            ("b", "the chargeback of a card payment", ""),
            ("c", "the pix transfer", ""),
            ("d", "nothing in common here", ""),
        ])
        let results = index.search("chargebacks on the card", limit: 10)
        #expect(results.first?.id == "b", "\(results)")
        #expect(Set(results.map(\.id)) == ["a", "b", "c"], "a chunk sharing no term is not returned")
        #expect(zip(results, results.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(index.search("unrelated words entirely", limit: 10).isEmpty)
        #expect(index.search("card", limit: 1).map(\.id) == ["a"], "more occurrences rank higher")
        #expect(index.search("card", limit: 0).isEmpty)
    }

    @Test func theHeadingCountsAtHalfWeight() {
        let index = Self.index([("body", "settlement schedule", ""), ("heading", "schedule", "settlement"), ("none", "schedule", "")])
        #expect(index.search("settlement", limit: 3).map(\.id) == ["body", "heading"])
    }

    @Test func filtersKeepOnlyAllowedChunksAndTiesGoByID() {
        let index = Self.index((0..<20).map { ("c\($0 < 10 ? "0" : "")\($0)", "same words here", "") })
        #expect(index.search("words", limit: 3).map(\.id) == ["c00", "c01", "c02"])
        #expect(index.search("words", limit: 3, among: ["c07", "c15", "zz"]).map(\.id) == ["c07", "c15"])
        #expect(index.search("words", limit: 3, among: []).isEmpty)
        #expect(index.count == 20 && index.postingCount == 60)
    }

    @Test func aQueryOfCommonWordsOnlyRequiresAllOfThemAsTheStoreDoes() {
        // 1,000 chunks: "alpha" in 0..<600, "beta" in 300..<900 (both common), "gamma" in chunk 5 only
        let index = Self.index((0..<1_000).map { i in
            let words = [i < 600 ? "alpha" : nil, (300..<900).contains(i) ? "beta" : nil, i == 5 ? "gamma" : nil, "filler\(i)"]
            return ("c\(1_000 + i)", words.compactMap { $0 }.joined(separator: " "), "")
        })
        let both = index.search("alpha beta", limit: 1_000)
        #expect(both.count == 300 && both.allSatisfy { (1_300..<1_600).contains(Int($0.id.dropFirst())!) }, "\(both.count)")
        let withRare = index.search("alpha gamma", limit: 1_000)
        #expect(withRare.first?.id == "c1005")
        #expect(withRare.count == 600, "a rare word keeps every chunk with any of the words")
    }

    @Test func theHeapKeepsTheSameBestAsAFullSort() {
        // many equal scores, inserted in a scrambled order (7 and 500 are coprime)
        let items = (0..<500).map { TopScores.Item(score: Float(($0 * 7_919) % 37), chunk: UInt32($0)) }
        for capacity in [1, 5, 50, 600] {
            var top = TopScores(capacity: capacity)
            for i in 0..<500 { let item = items[(i * 7) % 500]; top.insert(item.score, item.chunk) }
            let expected = items.sorted { $0.score != $1.score ? $0.score > $1.score : $0.chunk < $1.chunk }.prefix(capacity)
            #expect(top.descending().map(\.chunk) == expected.map(\.chunk))
        }
    }
}
