import AviaryCore
import AviaryModels
import AviaryRuntime
import Foundation
import Synchronization

/// Resolves model references to provider adapters from configuration and the vendors' usual
/// environment variables (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`).
public final class ProviderRegistry: ModelProvider, Sendable {
    let configuration: AviaryConfiguration
    let transport: any HTTPTransport
    /// Providers with `max_concurrent_requests`: their transport, shared by all their models.
    let limited: [String: ConcurrencyLimitedTransport]
    let environment: [String: String]
    private let localBaseURL: Mutex<String?>
    private let cache = Mutex<[String: ResolvedModel]>([:])

    /// Creates a registry.
    public init(configuration: AviaryConfiguration, transport: any HTTPTransport,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.transport = transport
        var limited: [String: ConcurrencyLimitedTransport] = [:]
        for (name, settings) in configuration.providers {
            if let limit = settings.maxConcurrentRequests { limited[name] = ConcurrencyLimitedTransport(base: transport, limit: limit) }
        }
        self.limited = limited
        self.environment = environment
        self.localBaseURL = Mutex(nil)
    }

    /// Sets the base URL of the running embedded model server.
    public func setLocalBaseURL(_ url: String?) {
        localBaseURL.withLock { $0 = url }
        cache.withLock { $0 = $0.filter { !$0.key.hasPrefix("local/") } }
    }

    /// The default model when neither the agent nor the project names one.
    public var defaultReference: String {
        if let m = configuration.defaultModel { return m }
        if let k = environment["OPENAI_API_KEY"], !k.isEmpty { return "openai/gpt-4o-mini" }
        if let k = environment["ANTHROPIC_API_KEY"], !k.isEmpty { return "anthropic/claude-3-5-haiku-latest" }
        return ModelReference.local.description
    }

    /// Expands profiles and the default into a concrete `provider/model` reference.
    public func reference(for text: String?) throws -> ModelReference {
        var name = text ?? defaultReference
        if let mapped = configuration.profiles[name] { name = mapped }
        guard let ref = ModelReference(name) else {
            let profiles = configuration.profiles.keys.sorted().joined(separator: ", ")
            throw ConfigurationError("model '\(name)' is neither a profile (\(profiles.isEmpty ? "none defined" : profiles)) nor a provider/model reference such as openai/gpt-4o-mini")
        }
        return ref
    }

    public func resolve(_ reference: String?) throws -> ResolvedModel {
        let ref = try self.reference(for: reference)
        if let hit = cache.withLock({ $0[ref.description] }) { return hit }
        let resolved = try build(ref)
        cache.withLock { $0[ref.description] = resolved }
        return resolved
    }

    private func build(_ ref: ModelReference) throws -> ResolvedModel {
        let settings = try providerSettings(ref.provider)
        let modelSettings = configuration.models[ref.description]
            ?? (ref.provider == "local" ? ModelSettings(toolCalling: .json) : ModelSettings())
        let keyEnv = settings.apiKeyEnv ?? ref.provider.uppercased() + "_API_KEY"
        let key = settings.apiKey ?? environment[keyEnv].flatMap { $0.isEmpty ? nil : $0 }
        let vendorHost = (settings.baseURL ?? "").contains("api.openai.com") || (settings.baseURL ?? "").contains("api.anthropic.com")
        let needsKey = (["openai", "anthropic"].contains(ref.provider) && vendorHost) || settings.apiKeyEnv != nil
        if needsKey && key == nil {
            throw ProviderError.missingAPIKey(provider: ref.provider, environmentVariable: keyEnv)
        }
        let transport: any HTTPTransport = limited[ref.provider] ?? self.transport
        var model: any LanguageModel
        if settings.kind == "anthropic" {
            model = AnthropicModel(configuration: .init(model: ref.model, baseURL: settings.baseURL ?? "https://api.anthropic.com",
                                                        apiKey: key, provider: ref.provider, apiKeyEnvironmentVariable: keyEnv),
                                   transport: transport)
        } else {
            guard let base = settings.baseURL else {
                if ref.provider != "local" { throw ConfigurationError("providers.\(ref.provider).base_url is not set in aviary.yaml") }
                throw ConfigurationError("the embedded model server is not running; start it with `aviary chat` or configure a provider key")
            }
            var openAI = OpenAIChatModel.Configuration(model: ref.model, baseURL: base, apiKey: key, provider: ref.provider,
                                                       requiresAPIKey: needsKey, apiKeyEnvironmentVariable: keyEnv,
                                                       timeout: .milliseconds(Int64(settings.timeout * 1000)))
            if ref.provider == "local" { openAI.jsonSchemaStyle = .schemaInJSONObject }
            model = OpenAIChatModel(configuration: openAI, transport: transport)
        }
        if modelSettings.toolCalling == .json { model = JSONActionModel(base: model) }
        return ResolvedModel(model: model, modelID: ref.model, inputPricePer1K: modelSettings.inputPricePer1K,
                             outputPricePer1K: modelSettings.outputPricePer1K)
    }

    /// A provider's settings from aviary.yaml; a built-in provider configured there (say, only
    /// its `timeout`) keeps its usual base URL.
    func providerSettings(_ name: String) throws -> ProviderSettings {
        if var s = configuration.providers[name] {
            if s.baseURL == nil { s.baseURL = (try? builtIn(name))?.baseURL }
            return s
        }
        return try builtIn(name)
    }

    private func builtIn(_ name: String) throws -> ProviderSettings {
        switch name {
        case "openai":
            return ProviderSettings(kind: "openai", baseURL: environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.openai.com/v1")
        case "anthropic":
            return ProviderSettings(kind: "anthropic", baseURL: environment["ANTHROPIC_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://api.anthropic.com")
        case "ollama":
            return ProviderSettings(kind: "openai", baseURL: environment["OLLAMA_BASE_URL"] ?? "http://127.0.0.1:11434/v1")
        case "local":
            return ProviderSettings(kind: "openai", baseURL: localBaseURL.withLock { $0 }, timeout: 300)
        default:
            throw ConfigurationError("unknown provider '\(name)'; use openai, anthropic, ollama, local, or define providers.\(name) in aviary.yaml")
        }
    }
}
