/// How `aviary serve` behaves. Every field has a documented default; reading `aviary.yaml`,
/// the environment and flags is the app's configuration layer.
public struct ServerConfiguration: Sendable {
    /// Interface to bind. Default `127.0.0.1`.
    public var host: String
    /// Port to bind; 0 picks a free one. Default 8080.
    public var port: Int
    /// Largest accepted request body in bytes. Default 1 MiB.
    public var maxBodyBytes: Int
    /// Time limit for ordinary requests. Default 30 s.
    public var requestTimeout: Duration
    /// How long `/chat` and `/v1/chat/completions` wait for a run's answer before answering 504
    /// (the run itself goes on, durably). Default 300 s.
    public var runTimeout: Duration
    /// Per-key request rate: sustained requests per second. Default 20.
    public var rateLimitPerSecond: Double
    /// Per-key burst size. Default 40.
    public var rateLimitBurst: Int
    /// Runs a tenant may execute at once in this process. Default 64.
    public var maxConcurrentRunsPerTenant: Int
    /// SSE comment heartbeat interval on event streams. Default 15 s.
    public var heartbeatInterval: Duration
    /// How often an event stream re-reads the store for runs executing elsewhere. Default 1 s.
    public var eventPollInterval: Duration
    /// The agent `/chat` runs. Default: the project's default agent.
    public var chatAgent: String
    /// JWT bearer-token verification; `nil` accepts API keys only. Default `nil`.
    public var jwt: JWTSettings?
    /// Serve `/metrics` without authentication (for a Prometheus scraper on a trusted network).
    /// Default false: `/metrics` needs an admin's credentials (its labels name agents, models and tools).
    public var publicMetrics: Bool
    /// At start, claim and resume the runs the last graceful shutdown left `interrupted`; while
    /// serving, claim and resume runs whose process died (their lease expired). Default true.
    public var resumeInterruptedRuns: Bool
    /// How often `aviary serve` looks for added, edited and removed agent and workflow files
    /// (`reload_seconds`; `nil`: never). Default 2 s.
    public var reloadInterval: Duration?
    /// The HIL workflow `/chat` talks to (`chat_workflow`): each session is a conversation with it,
    /// handed to a person when its triggers fire. `nil` (default): `/chat` talks to ``chatAgent``.
    public var chatWorkflow: String?
    /// How often conversations waiting for a person are checked against their SLA, the queue is
    /// drained onto free agents and AI turns left by a stopped process are finished
    /// (`hil_check_seconds`; `nil`: never). Default 5 s.
    public var hilCheckInterval: Duration?
    /// How long a run's lease holds without renewal (renewed every third of it): a run whose
    /// process died is resumed by another server after about this long. Default 30 s.
    public var runLease: Duration
    /// Connection limits: idle and request-head timeouts, open connections (defaults in ``ConnectionLimits``).
    public var connections: ConnectionLimits
    /// Server-Sent Event stream limits: per key and tenant, lifetime, runs without a live owner
    /// (defaults in ``StreamLimits``).
    public var streams: StreamLimits
    /// Failed authentications tolerated per client address (defaults in ``AuthFailureLimits``).
    public var authFailures: AuthFailureLimits
    /// How long `GET /ready` reuses a provider probe's result; at most one probe per provider runs
    /// in that time, whoever asks. Default 15 s.
    public var readinessProbeTTL: Duration

    /// Creates a configuration with defaults.
    public init(chatAgent: String, host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
        self.chatAgent = chatAgent
        self.maxBodyBytes = 1 << 20
        self.requestTimeout = .seconds(30)
        self.runTimeout = .seconds(300)
        self.rateLimitPerSecond = 20
        self.rateLimitBurst = 40
        self.maxConcurrentRunsPerTenant = 64
        self.heartbeatInterval = .seconds(15)
        self.eventPollInterval = .seconds(1)
        self.jwt = nil
        self.publicMetrics = false
        self.resumeInterruptedRuns = true
        self.reloadInterval = .seconds(2)
        self.chatWorkflow = nil
        self.hilCheckInterval = .seconds(5)
        self.runLease = .seconds(30)
        self.connections = ConnectionLimits()
        self.streams = StreamLimits()
        self.authFailures = AuthFailureLimits()
        self.readinessProbeTTL = .seconds(15)
    }
}
