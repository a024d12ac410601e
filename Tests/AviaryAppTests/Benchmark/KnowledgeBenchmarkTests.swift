import AviaryCore
import Testing

@testable import AviaryApp

/// `aviary bench-knowledge`'s corpus and a small run of it end to end (the numbers themselves
/// belong to docs/benchmarks.md, not to tests).
@Suite struct KnowledgeBenchmarkTests {
    @Test func theZipfCorpusIsDeterministicAndSkewedLikeNaturalText() {
        var a = SyntheticCorpus(distribution: .zipf)
        var b = SyntheticCorpus(distribution: .zipf)
        let words = (0..<20_000).map { _ in a.word() }
        #expect(words == (0..<20_000).map { _ in b.word() })
        var counts: [String: Int] = [:]
        for word in words { counts[word, default: 0] += 1 }
        // rank 1 is drawn 1 / H(50,000) ≈ 8.8 % of the time, rank 2 half as often
        let first = counts[a.vocabulary[0]] ?? 0, second = counts[a.vocabulary[1]] ?? 0
        #expect((1_500...2_000).contains(first), "\(first)")
        #expect(Double(first) / Double(second) > 1.6 && Double(first) / Double(second) < 2.5)
        #expect(counts.count > 5_000, "most of a Zipf vocabulary is rare words: \(counts.count) distinct")
    }

    @Test func theFlatCorpusKeepsItsVocabulary() {
        var corpus = SyntheticCorpus()
        #expect(corpus.vocabulary.count == 8_000)
        let words = Set((0..<5_000).map { _ in corpus.word() })
        #expect(words.isSubset(of: Set(corpus.vocabulary)))
        #expect(words.contains(corpus.vocabulary[0]))
    }

    @Test(arguments: CorpusDistribution.allCases)
    func aSmallRunMeasuresEveryKind(_ distribution: CorpusDistribution) async throws {
        var options = KnowledgeBenchmark.Options()
        options.chunks = 300
        options.queries = 20
        options.dimensions = 16
        options.corpus = distribution
        let result = try await KnowledgeBenchmark(options: options, progress: { _ in }).run()
        #expect(result["engine"] == "sqlite" && result["corpus"]?.stringValue == distribution.rawValue)
        #expect((result["chunks"]?.intValue ?? 0) >= 300)
        for key in ["ingest_chunks_per_second", "lexical_p50_ms", "lexical_p95_ms", "hybrid_p50_ms", "hybrid_p95_ms"] {
            #expect((result[key]?.numberValue ?? -1) > 0, "\(key)")
        }
    }
}
