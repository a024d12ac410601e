/// How the runtime executes a tool: limits, retries and risk.
public struct ToolPolicy: Sendable, Hashable, Codable {
    /// How dangerous a tool's side effects are.
    public enum Risk: String, Sendable, Hashable, Codable { case safe, sensitive, dangerous }

    /// Wall-clock limit per attempt, in seconds. Default 30.
    public var timeout: Double
    /// Extra attempts after a failure (0 = no retry). Default 0.
    public var retries: Int
    /// Base backoff between attempts, in seconds (doubles each attempt, with jitter). Default 0.2.
    public var backoff: Double
    /// Risk level. Default `safe`.
    public var risk: Risk
    /// Whether calling twice with the same arguments is harmless; decides what resume does with a
    /// call found started but not completed. Default `false`.
    public var idempotent: Bool

    /// Creates a policy; every field has a default.
    public init(timeout: Double = 30, retries: Int = 0, backoff: Double = 0.2, risk: Risk = .safe, idempotent: Bool = false) {
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.risk = risk
        self.idempotent = idempotent
    }

    /// Read-only tools: idempotent and safe.
    public static let readOnly = ToolPolicy(idempotent: true)
}
