import AsyncHTTPClient
import AviaryCore
import AviaryKnowledge
import AviaryModels
import AviaryRuntime
import Logging

/// The knowledge base's parts that depend on the configuration: the embedding model
/// (`embeddings:`), the reranker (`knowledge.rerank:`), the ingestion program and the search
/// shared by `rag_search`, the query API and `aviary kb query`. ``shutdown()`` stops the embedded
/// embedding server if it was started.
struct KnowledgeServices: Sendable {
    /// The model that embeds chunks (nil: `embeddings: none`).
    let embedder: (any EmbeddingModel)?
    /// The search (hybrid when there is an embedder).
    let search: KnowledgeSearch
    /// The ingestion program.
    let ingest: IngestProgram
    private let embedded: EmbeddedEmbeddingModel?

    /// Builds the parts; `models` resolves an LLM judge's model as agents' models are resolved.
    init(configuration: AviaryConfiguration, store: any KnowledgeStore, transport: any HTTPTransport, models: any ModelProvider,
         options: AviaryApplication.Options) throws {
        var embedded: EmbeddedEmbeddingModel?
        var batchSize = 32
        let embedder: (any EmbeddingModel)?
        let queryEmbedder: (any EmbeddingModel)?
        if let injected = options.embeddingModel {
            embedder = injected
            queryEmbedder = injected
        } else {
            switch configuration.embeddings {
            case .none:
                embedder = nil
                queryEmbedder = nil
            case .embedded:
                let model = EmbeddedEmbeddingModel(installation: EmbeddingModelInstallation(root: configuration.embeddingModelDirectory),
                                                   transport: transport, progress: options.progress, logger: options.logger)
                embedded = model
                batchSize = 16
                embedder = model
                queryEmbedder = model.queryModel
            case .endpoint(let e):
                let key = e.apiKey ?? e.apiKeyEnv.flatMap { options.environment[$0] }
                let model = OpenAIEmbeddingModel(configuration: .init(
                    model: e.model, baseURL: e.baseURL, apiKey: key, provider: "embeddings", requiresAPIKey: e.apiKeyEnv != nil || e.apiKey != nil,
                    apiKeyEnvironmentVariable: e.apiKeyEnv, batchSize: e.batchSize, queryPrefix: e.queryPrefix, passagePrefix: e.passagePrefix,
                    dimensions: e.dimensions, timeout: e.timeout), transport: transport)
                embedder = model
                queryEmbedder = model
                batchSize = e.batchSize
            }
        }
        self.embedder = embedder
        self.embedded = embedded
        // a server keeps in-memory lexical indexes; FTS5's tokenizer is compiled into the SQLite
        // Aviary links (without it the store ranks every query)
        let lexical = options.keepsLexicalIndexes ? (try? FTS5Tokenizer()).map { LexicalIndexCache(tokenizer: $0) } : nil
        search = KnowledgeSearch(store: store, embedder: queryEmbedder, lexical: lexical,
                                 reranker: configuration.knowledgeRerank.map { Self.reranker($0, transport: transport, models: models, options: options) },
                                 rerankCandidates: configuration.knowledgeRerank?.candidates)
        // one journaled batch of the job is one request to the model: what was embedded stays embedded
        // URL items are fetched by the `knowledge.fetch` rules (on AsyncHTTPClient's shared event loops)
        var ingest = IngestProgram(ingestor: DocumentIngestor(store: store, fetcher: URLFetcher(policy: configuration.knowledgeFetch)),
                                   embedder: embedder)
        ingest.embeddingBatchSize = batchSize
        self.ingest = ingest
    }

    /// The reranker `settings` describe. An endpoint's key is read from its variable now; an LLM
    /// judge's model is resolved on each call (a missing provider key fails the reranking, which
    /// the search reports, not the start).
    static func reranker(_ settings: RerankSettings, transport: any HTTPTransport, models: any ModelProvider,
                         options: AviaryApplication.Options) -> any Reranker {
        switch settings.provider {
        case .endpoint(let e):
            let key = e.apiKey ?? e.apiKeyEnv.flatMap { options.environment[$0] }
            return EndpointReranker(configuration: .init(
                model: e.model, baseURL: e.baseURL, apiKey: key, requiresAPIKey: e.apiKeyEnv != nil || e.apiKey != nil,
                apiKeyEnvironmentVariable: e.apiKeyEnv, timeout: e.timeout), transport: transport)
        case .llm(let model):
            return LLMJudgeReranker(reference: model, models: models)
        }
    }

    /// Stops what was started.
    func shutdown() async { await embedded?.shutdown() }
}
