import AsyncHTTPClient
import AviaryCore
import AviaryKnowledge
import AviaryHTTP
import AviaryModels
import AviaryRuntime
import AviaryStorage
import AviaryWorkflows
import Foundation
import Logging

/// The composition root: a loaded project, its store, model providers and the agent runtime,
/// all scoped to one `with…` call that always cleans up (HTTP client, database, local model server).
/// The store is PostgreSQL when the configuration has a `databaseURL`, else the project's SQLite file.
public final class AviaryApplication: Sendable {
    /// The loaded project.
    public let project: Project
    /// The store (runs, journal, events, sessions).
    public let store: SQLStore
    /// Model providers.
    public let providers: ProviderRegistry
    /// The agent runtime.
    public let runtime: AgentRuntime
    /// Retrieval over the knowledge bases (hybrid when an embedding model is configured).
    public var knowledgeSearch: KnowledgeSearch { knowledge.search }
    let knowledge: KnowledgeServices

    init(project: Project, store: SQLStore, providers: ProviderRegistry, runtime: AgentRuntime, knowledge: KnowledgeServices) {
        self.project = project
        self.store = store
        self.providers = providers
        self.runtime = runtime
        self.knowledge = knowledge
    }

    /// Options for building an application.
    public struct Options: Sendable {
        /// Receives run events (console output, tests).
        public var sink: (any EventSink)?
        /// Progress lines for long set-up work (local model install/start).
        public var progress: @Sendable (String) -> Void
        /// Start the embedded model when an agent needs it (default true).
        public var startLocalModel: Bool
        /// Install the embedded model when missing (default true).
        public var installLocalModel: Bool
        /// Environment for provider keys (default: the process's).
        public var environment: [String: String]
        /// Logger.
        public var logger: Logger
        /// Replaces the configured providers (tests, scripted models). Default `nil`.
        public var modelProvider: (any ModelProvider)?
        /// Replaces the configured embedding model (`embeddings:`). Default `nil`.
        public var embeddingModel: (any EmbeddingModel)?
        /// Wraps the model provider and changes the tools (`aviary test` recording and replaying).
        /// Default `nil`.
        public var interposer: (any ApplicationInterposer)?
        /// Whether knowledge searches keep in-memory lexical indexes of large namespaces, built in
        /// the background (a server does; a one-shot command would build one only to exit).
        /// Default false.
        public var keepsLexicalIndexes = false

        /// Creates options.
        public init(sink: (any EventSink)? = nil, progress: @escaping @Sendable (String) -> Void = { _ in },
                    startLocalModel: Bool = true, installLocalModel: Bool = true,
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    logger: Logger = Logger(label: "aviary"), modelProvider: (any ModelProvider)? = nil,
                    embeddingModel: (any EmbeddingModel)? = nil) {
            self.modelProvider = modelProvider
            self.embeddingModel = embeddingModel
            self.sink = sink
            self.progress = progress
            self.startLocalModel = startLocalModel
            self.installLocalModel = installLocalModel
            self.environment = environment
            self.logger = logger
        }
    }

    /// Loads the project, opens the store, starts what the agents need, runs `body`, then shuts everything down.
    public static func with<T: Sendable>(_ configuration: AviaryConfiguration, options: Options = Options(),
                                         _ body: @Sendable (AviaryApplication) async throws -> T) async throws -> T {
        let project = try await ProjectLoader(interposer: options.interposer).load(configuration)
        return try await AviaryDatabase.withDatabase(configuration.storage, logger: options.logger) { database in
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: ProviderHTTPConfiguration.make(
                connectionsPerHost: ProviderHTTPConfiguration.connectionsPerHost(for: configuration),
                coalescesWrites: configuration.performance.coalescesRequestWrites))
            do {
                let result = try await run(project, database.store, client, options, body)
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    private static func run<T: Sendable>(_ project: Project, _ store: SQLStore, _ client: HTTPClient, _ options: Options,
                                         _ body: @Sendable (AviaryApplication) async throws -> T) async throws -> T {
        let config = project.configuration
        let providers = ProviderRegistry(configuration: config, transport: AsyncHTTPTransport(client: client), environment: options.environment)
        var limits = config.limits
        // child runs take the same tenant run slots as the server's requests
        limits.admission = limits.admission ?? RunAdmission(limitPerTenant: config.server.maxConcurrentRunsPerTenant)
        // the knowledge base's tool and ingestion jobs work on this database; an LLM judge reranks
        // with the models agents use (not the `aviary test` tape: rag_search's results are taped)
        let knowledge = try KnowledgeServices(configuration: config, store: store, transport: AsyncHTTPTransport(client: client),
                                              models: options.modelProvider ?? providers, options: options)
        var tools = project.tools
        tools.register(RAGSearchTool(search: knowledge.search))
        if let search = config.webSearch {
            let transport = AsyncHTTPTransport(client: client, maxResponseBytes: WebSearchSettings.maximumResponseBytes)
            tools.register(search.makeTool(provider: search.makeProvider(transport: transport, environment: options.environment)))
        }
        var models: any ModelProvider = options.modelProvider ?? providers
        if let interposer = options.interposer {
            tools = interposer.tools(tools)
            models = interposer.models(models)
        }
        let ingest = knowledge.ingest
        let runtime = AgentRuntime(catalog: project.catalog, tools: tools, models: models,
                                   runs: store, sessions: store, programs: try project.workflowPrograms() + [ingest],
                                   sink: options.sink, sessionsRoot: config.sessionsDirectory, limits: limits,
                                   leasing: RunLeasing(duration: config.server.runLease), recoverProgram: WorkflowProgram.recover,
                                   logger: options.logger)
        let app = AviaryApplication(project: project, store: store, providers: providers, runtime: runtime, knowledge: knowledge)
        do {
            let result = try await runBody(app, options, body)
            await knowledge.shutdown()
            return result
        } catch {
            await knowledge.shutdown()
            throw error
        }
    }

    private static func runBody<T: Sendable>(_ app: AviaryApplication, _ options: Options, _ body: @Sendable (AviaryApplication) async throws -> T) async throws -> T {
        guard options.modelProvider == nil, options.startLocalModel, try app.needsLocalModel() else { return try await body(app) }
        return try await LocalModelSupervisor(configuration: app.project.configuration, options: options).withServer { baseURL in
            app.providers.setLocalBaseURL(baseURL)
            return try await body(app)
        }
    }

    /// Whether any agent, or the LLM judge of `knowledge.rerank`, resolves to the embedded local model.
    func needsLocalModel() throws -> Bool {
        for agent in project.catalog.all {
            if (try? providers.reference(for: agent.model))?.provider == "local" { return true }
        }
        return project.configuration.judgesWithLocalModel
    }
}
