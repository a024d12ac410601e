import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import Logging
import Tracing

/// Everything the server's routes need, built by the composition root (`AviaryApp`).
public struct ServerDependencies: Sendable {
    /// The agent runtime (runs, sessions, cancellation).
    public var runtime: AgentRuntime
    /// Executes runs outside request tasks; part of the service group.
    public var supervisor: RunSupervisor
    /// Runs, journal and events.
    public var runs: any RunStore
    /// Sessions and transcripts.
    public var sessions: any SessionStore
    /// API keys.
    public var keys: any APIKeyStore
    /// Live run events; must be one of the runtime's event sinks.
    public var hub: RunEventHub
    /// Readiness checks for `GET /ready`.
    public var readiness: [ReadinessCheck]
    /// Request metrics and the `/metrics` exposition; `nil` disables both.
    public var metrics: (any ServerMetrics)?
    /// Tracer for request spans; `nil` records none.
    public var tracer: (any Tracer)?
    /// Logger (request logs carry request id, tenant, run id).
    public var logger: Logger
    /// Human-in-the-loop conversations and human agents; `nil` answers their endpoints with 503.
    public var conversations: (any ConversationStore)?
    /// Wakes conversation and inbox streams; shared with every other writer of conversations in the process.
    public var signals: ChangeSignals
    /// Knowledge bases (`/knowledge-bases/*`); `nil` answers their endpoints with 503. Ingestion
    /// jobs run as the runtime's `knowledge.ingest` program, which must be registered.
    public var knowledge: (any KnowledgeStore)?
    /// How `/knowledge-bases/query` retrieves (hybrid with an embedding model); `nil` searches
    /// ``knowledge`` lexically.
    public var knowledgeSearch: KnowledgeSearch?

    /// Creates the dependencies.
    public init(runtime: AgentRuntime, supervisor: RunSupervisor, runs: any RunStore, sessions: any SessionStore,
                keys: any APIKeyStore, hub: RunEventHub, readiness: [ReadinessCheck] = [], metrics: (any ServerMetrics)? = nil,
                tracer: (any Tracer)? = nil, logger: Logger = Logger(label: "aviary.http"),
                conversations: (any ConversationStore)? = nil, signals: ChangeSignals = ChangeSignals(),
                knowledge: (any KnowledgeStore)? = nil, knowledgeSearch: KnowledgeSearch? = nil) {
        self.runtime = runtime
        self.supervisor = supervisor
        self.runs = runs
        self.sessions = sessions
        self.keys = keys
        self.hub = hub
        self.readiness = readiness
        self.metrics = metrics
        self.tracer = tracer
        self.logger = logger
        self.conversations = conversations
        self.signals = signals
        self.knowledge = knowledge
        self.knowledgeSearch = knowledgeSearch
    }
}

/// Where the server reports request metrics and gets the Prometheus text for `/metrics`.
public protocol ServerMetrics: Sendable {
    /// Records one finished request. `route` is the route pattern (`/api/v1/runs/{id}`), never the raw path.
    func recordHTTPRequest(route: String, method: String, status: Int, duration: Duration)
    /// The Prometheus text exposition of every metric.
    func render() -> String
}

/// One dependency `GET /ready` checks: the store, a model provider…
public struct ReadinessCheck: Sendable {
    /// The outcome of a check.
    public enum Status: String, Sendable {
        /// Works.
        case ok
        /// Does not work, but the server can still serve some requests (a provider is down).
        case degraded
        /// Does not work and the server cannot serve (the store is down).
        case failed
    }

    /// Name in the response (`store`, `provider:openai`).
    public var name: String
    /// True when the check calls a remote service on the network (a model provider, with its API
    /// key): `GET /ready` then reuses its result for ``ServerConfiguration/readinessProbeTTL`` and
    /// runs at most one such probe at a time. Local checks (the store) run on every request.
    public var isRemoteProbe: Bool
    /// Runs the check: the status and a detail for operators (shown to admins only).
    public var check: @Sendable () async -> (Status, String)

    /// Creates a check.
    public init(name: String, isRemoteProbe: Bool = false, check: @escaping @Sendable () async -> (Status, String)) {
        self.name = name
        self.isRemoteProbe = isRemoteProbe
        self.check = check
    }
}
