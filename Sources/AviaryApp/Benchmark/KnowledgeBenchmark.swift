import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import Foundation
import Logging

/// `aviary bench-knowledge`: ingestion throughput (ingestion jobs on the kernel, without
/// embeddings) and query latency of lexical and hybrid retrieval over a synthetic corpus of
/// `chunks` chunks, on SQLite (a temporary file) or PostgreSQL (`databaseURL`). Hybrid queries
/// use stored random vectors and a query vector computed beforehand: embedding the query is the
/// model's time, measured apart (``embeddingMilliseconds`` when a model is given).
public struct KnowledgeBenchmark: Sendable {
    /// What to measure.
    public struct Options: Sendable {
        /// Chunks in the namespace.
        public var chunks = 10_000
        /// Measured queries per kind.
        public var queries = 200
        /// Vector size.
        public var dimensions = 384
        /// The corpus's word distribution.
        public var corpus = CorpusDistribution.flat
        /// PostgreSQL instead of a temporary SQLite file.
        public var databaseURL: String?
        /// A model to time passages and queries with (nil: not measured).
        public var embedder: (any EmbeddingModel)?
        /// Creates options.
        public init() {}
    }

    let options: Options
    let progress: @Sendable (String) -> Void

    /// Creates the benchmark.
    public init(options: Options, progress: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.progress = progress
    }

    /// Runs it and returns the results as one JSON object.
    public func run() async throws -> JSONValue {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-kb-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = StorageConfiguration(url: options.databaseURL, sqlitePath: directory.appendingPathComponent("kb.sqlite").path,
                                           postgresSchema: options.databaseURL == nil ? nil : "kb_bench_\(UInt32.random(in: 0...UInt32.max))")
        var logger = Logger(label: "aviary.bench")
        logger.logLevel = .error
        return try await AviaryDatabase.withDatabase(storage, logger: logger) { database in try await measure(database.store, logger) }
    }

    private func measure(_ store: SQLStore, _ logger: Logger) async throws -> JSONValue {
        var corpus = SyntheticCorpus(distribution: options.corpus)
        let runtime = AgentRuntime(catalog: AgentCatalog([]), tools: ToolRegistry([]), models: NoModels(), runs: store, sessions: store,
                                   programs: [IngestProgram(ingestor: DocumentIngestor(store: store))], logger: logger)
        // documents of 10 sections of ~150 words, jobs of up to 1000 documents, until `chunks` are written
        var written = 0
        let clock = ContinuousClock()
        let started = clock.now
        var batch = 0
        while written < options.chunks {
            let count = max(1, min(1_000, (options.chunks - written) / 10))
            let items: [JSONValue] = (0..<count).map { i in
                .object(["content": .string(corpus.document(sections: 10, words: 150)), "source": .string("doc-\(batch)-\(i).md")])
            }
            let run = try await runtime.run(RunRequest(agent: IngestProgram.programName, input: try IngestProgram.input(namespace: "bench", items: items),
                                                       tenant: "bench", principal: "bench"))
            written += run.output?["counts"]?["chunks"]?.intValue ?? 0
            batch += 1
            progress("ingested \(written) chunks")
        }
        let ingestSeconds = BenchmarkRunner.seconds(clock.now - started)

        progress("storing \(written) random vectors of \(options.dimensions) dimensions")
        let model = "bench/random-\(options.dimensions)"
        while true {
            let pending = try await store.chunksNeedingEmbeddings(tenant: "bench", namespace: "bench", model: model, limit: 2_000)
            if pending.isEmpty { break }
            _ = try await store.storeEmbeddings(pending.map { ChunkEmbedding(chunkID: $0.id, vector: corpus.vector(options.dimensions)) },
                                                model: model, tenant: "bench", namespace: "bench")
        }
        if options.databaseURL != nil {
            // the planner statistics full-text search prunes common words by, as autovacuum keeps them after a large ingestion
            progress("analyzing kb_chunks")
            try await store.refreshKnowledgeStatistics()
        }
        let queries = (0..<options.queries).map { _ in corpus.query() }
        let vectors = queries.map { _ in corpus.vector(options.dimensions) }
        let embedder = PrecomputedVectors(name: model, vectors: Dictionary(zip(queries, vectors), uniquingKeysWith: { first, _ in first }))
        let vectorCache = VectorIndexCache()
        let lexicalCache = LexicalIndexCache(tokenizer: try FTS5Tokenizer())
        progress("building the in-memory lexical index")
        let built = clock.now
        let index = try await lexicalCache.prepare(store: store, tenant: "bench", namespace: "bench")
        let buildSeconds = BenchmarkRunner.seconds(clock.now - built)
        // the server's configuration (in-memory lexical index) and the store's full-text search alone
        let searches = [("lexical", KnowledgeSearch(store: store, lexical: lexicalCache)),
                        ("hybrid", KnowledgeSearch(store: store, embedder: embedder, vectors: vectorCache, lexical: lexicalCache)),
                        ("store_lexical", KnowledgeSearch(store: store)),
                        ("store_hybrid", KnowledgeSearch(store: store, embedder: embedder, vectors: vectorCache))]
        _ = try await searches[1].1.retrieve(queries[0], namespace: "bench", tenant: "bench") // loads the vectors into memory
        var results: [String: JSONValue] = [
            "lexical_index_build_ms": .number(BenchmarkRunner.round(buildSeconds * 1000, 1)),
            "lexical_index_postings": .number(Double(index?.postingCount ?? 0)),
            "engine": .string(options.databaseURL == nil ? "sqlite" : "postgres"), "chunks": .number(Double(written)), "corpus": .string(options.corpus.rawValue),
            "ingest_chunks_per_second": .number(BenchmarkRunner.round(Double(written) / ingestSeconds, 1)),
            "dimensions": .number(Double(options.dimensions)), "queries": .number(Double(options.queries)),
        ]
        for (kind, search) in searches {
            var times: [Double] = []
            for query in queries {
                let t = clock.now
                _ = try await search.retrieve(query, namespace: "bench", tenant: "bench", topK: 5)
                times.append(BenchmarkRunner.seconds(clock.now - t) * 1000)
            }
            times.sort()
            results["\(kind)_p50_ms"] = .number(BenchmarkRunner.round(BenchmarkRunner.percentile(times, 50), 2))
            results["\(kind)_p95_ms"] = .number(BenchmarkRunner.round(BenchmarkRunner.percentile(times, 95), 2))
            progress("\(kind): p50 \(results["\(kind)_p50_ms"]?.numberValue ?? 0) ms, p95 \(results["\(kind)_p95_ms"]?.numberValue ?? 0) ms")
        }
        if let embedder = options.embedder {
            results.merge(try await timeEmbedding(embedder, &corpus)) { $1 }
        }
        return .object(results)
    }

    /// The model's own time: 32 passages of ~300 words in one call, and single queries.
    private func timeEmbedding(_ embedder: any EmbeddingModel, _ corpus: inout SyntheticCorpus) async throws -> [String: JSONValue] {
        let clock = ContinuousClock()
        _ = try await embedder.embed(["warm up"], as: .query)
        let passages = (0..<32).map { _ in corpus.document(sections: 1, words: 300) }
        let t = clock.now
        _ = try await embedder.embed(passages, as: .passage)
        let passageSeconds = BenchmarkRunner.seconds(clock.now - t)
        var times: [Double] = []
        for _ in 0..<50 {
            let q = corpus.query()
            let s = clock.now
            _ = try await embedder.embed([q], as: .query)
            times.append(BenchmarkRunner.seconds(clock.now - s) * 1000)
        }
        times.sort()
        progress("embedding: \(BenchmarkRunner.round(32 / passageSeconds, 2)) passages/s, query p50 \(BenchmarkRunner.round(BenchmarkRunner.percentile(times, 50), 1)) ms")
        return ["embed_passages_per_second": .number(BenchmarkRunner.round(32 / passageSeconds, 2)),
                "embed_query_p50_ms": .number(BenchmarkRunner.round(BenchmarkRunner.percentile(times, 50), 2)),
                "embed_query_p95_ms": .number(BenchmarkRunner.round(BenchmarkRunner.percentile(times, 95), 2)),
                "embed_model": .string(embedder.name)]
    }

    /// Query vectors computed before the clock starts.
    private struct PrecomputedVectors: EmbeddingModel {
        let name: String
        let vectors: [String: [Float]]
        func embed(_ texts: [String], as kind: EmbeddingInputKind) async throws -> [[Float]] { texts.map { vectors[$0] ?? [] } }
    }

    /// Ingestion calls no model.
    private struct NoModels: ModelProvider {
        func resolve(_ reference: String?) throws -> ResolvedModel { throw ConfigurationError("the knowledge benchmark calls no model") }
    }
}
