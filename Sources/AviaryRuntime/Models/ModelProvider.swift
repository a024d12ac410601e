import AviaryCore

/// Resolves an agent's model reference (a profile such as `fast`, or `provider/model`) to a model.
/// The runtime reaches providers only through this seam; the app wires the concrete adapters.
public protocol ModelProvider: Sendable {
    /// Resolves a reference; `nil` means the project default.
    func resolve(_ reference: String?) throws -> ResolvedModel
    /// Resolves the model of one run of `agent` (the runtime calls this one). Providers that
    /// answer per agent — recording or replaying each agent's calls — implement it; the default
    /// is ``resolve(_:)``.
    func resolve(_ reference: String?, forAgent agent: String) throws -> ResolvedModel
}

extension ModelProvider {
    /// ``resolve(_:)``: the agent does not change the model.
    public func resolve(_ reference: String?, forAgent agent: String) throws -> ResolvedModel { try resolve(reference) }
}

/// A model ready to call, with the concrete id to put in requests and its prices.
public struct ResolvedModel: Sendable {
    /// The adapter.
    public var model: any LanguageModel
    /// The provider's model id (`gpt-4o-mini`).
    public var modelID: String
    /// USD per 1K input tokens, when known.
    public var inputPricePer1K: Double?
    /// USD per 1K output tokens, when known.
    public var outputPricePer1K: Double?

    /// Creates a resolved model.
    public init(model: any LanguageModel, modelID: String, inputPricePer1K: Double? = nil, outputPricePer1K: Double? = nil) {
        self.model = model
        self.modelID = modelID
        self.inputPricePer1K = inputPricePer1K
        self.outputPricePer1K = outputPricePer1K
    }

    /// The cost of a usage record at this model's prices (0 when unknown).
    public func cost(of usage: Usage) -> Double {
        Double(usage.inputTokens) / 1000 * (inputPricePer1K ?? 0) + Double(usage.outputTokens) / 1000 * (outputPricePer1K ?? 0)
    }
}

/// A provider that always returns the same model (tests, benchmarks, single-model setups).
public struct SingleModelProvider: ModelProvider {
    private let resolved: ResolvedModel
    /// Wraps one model.
    public init(_ model: any LanguageModel, modelID: String = "default") {
        self.resolved = ResolvedModel(model: model, modelID: modelID)
    }
    public func resolve(_ reference: String?) throws -> ResolvedModel { resolved }
}
