import AviaryCore
import AviaryRuntime
import Foundation

/// Builds an ``AviaryConfiguration`` from, in increasing precedence: defaults, `aviary.yaml`,
/// environment variables (`AVIARY_*`) and command-line flags.
public struct ConfigurationLoader: Sendable {
    /// Flag values that override everything else.
    public struct Overrides: Sendable {
        /// `--model`.
        public var model: String?
        /// `--agent`.
        public var agent: String?
        /// `--database`.
        public var databasePath: String?
        /// Creates overrides.
        public init(model: String? = nil, agent: String? = nil, databasePath: String? = nil) {
            self.model = model
            self.agent = agent
            self.databasePath = databasePath
        }
    }

    private let environment: [String: String]

    /// Creates a loader reading the given environment (default: the process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads the configuration of a project folder.
    public func load(project: URL, overrides: Overrides = Overrides()) throws -> AviaryConfiguration {
        var config = AviaryConfiguration(projectDirectory: project)
        let file = project.appendingPathComponent("aviary.yaml")
        if FileManager.default.fileExists(atPath: file.path) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let value: JSONValue
            do { value = try YAMLValue.parse(text) } catch { throw ConfigurationError("aviary.yaml: malformed YAML: \(error)") }
            try FileSettings(value: value).apply(to: &config)
        }
        if let home = environment["AVIARY_HOME"], !home.isEmpty {
            config.dataDirectory = URL(fileURLWithPath: home, relativeTo: project).standardizedFileURL
            config.databasePath = config.dataDirectory.appendingPathComponent("aviary.sqlite").path
        }
        if let v = environment["AVIARY_DATABASE_PATH"], !v.isEmpty { config.databasePath = v }
        if let v = environment["AVIARY_DATABASE_URL"], !v.isEmpty { config.databaseURL = v }
        if let v = environment["AVIARY_MODEL"], !v.isEmpty { config.defaultModel = v }
        if let v = environment["AVIARY_AGENT"], !v.isEmpty { config.defaultAgent = v }
        if let v = environment["AVIARY_TENANT"], !v.isEmpty { config.tenant = v }
        if let v = environment["AVIARY_LOCAL_MODEL_DIR"], !v.isEmpty { config.localModelDirectory = URL(fileURLWithPath: v) }
        if let v = environment["AVIARY_EMBEDDINGS"], !v.isEmpty { config.embeddings = try EmbeddingSettings.named(v, "AVIARY_EMBEDDINGS") }
        if let v = environment["AVIARY_EMBEDDINGS_DIR"], !v.isEmpty { config.embeddingModelDirectory = URL(fileURLWithPath: v) }
        try ServerEnvironment(environment).apply(to: &config.server)
        try config.performance.apply(environment: environment)
        if let v = overrides.model { config.defaultModel = v }
        if let v = overrides.agent { config.defaultAgent = v }
        if let v = overrides.databasePath { config.databasePath = v }
        return config
    }
}
