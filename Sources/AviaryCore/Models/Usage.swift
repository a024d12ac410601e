/// Token usage and cost of one or more model calls.
public struct Usage: Sendable, Hashable, Codable {
    /// Prompt tokens.
    public var inputTokens: Int
    /// Completion tokens.
    public var outputTokens: Int
    /// Cost in US dollars (0 when the model's price is unknown).
    public var costUSD: Double
    /// Number of model requests summed here.
    public var requests: Int

    /// Creates a usage record.
    public init(inputTokens: Int = 0, outputTokens: Int = 0, costUSD: Double = 0, requests: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.requests = requests
    }

    /// Input + output tokens.
    public var totalTokens: Int { inputTokens + outputTokens }

    /// Adds another usage record.
    public static func + (a: Usage, b: Usage) -> Usage {
        Usage(inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens,
              costUSD: a.costUSD + b.costUSD, requests: a.requests + b.requests)
    }

    /// Adds in place.
    public static func += (a: inout Usage, b: Usage) { a = a + b }
}
