/// How the runtime executes a tool: limits, retries and risk.
public struct ToolPolicy: Sendable, Hashable, Codable {
    /// How dangerous a tool's side effects are.
    public enum Risk: String, Sendable, Hashable, Codable { case safe, sensitive, dangerous }

    /// Wall-clock limit per attempt, in seconds. Default 30.
    public var timeout: Double
    /// Extra attempts after a failure or a timeout (0 = no retry), for ``idempotent`` tools only:
    /// the runtime never calls a non-idempotent tool twice by itself — its failures go to the
    /// model, and its timeout (the abandoned attempt may still be running) stops the run in
    /// `needs_attention` for a person to decide. Default 0.
    public var retries: Int
    /// Base backoff between attempts, in seconds (doubles each attempt, with jitter). Default 0.2.
    public var backoff: Double
    /// Risk level. Default `safe`.
    public var risk: Risk
    /// Whether calling twice with the same arguments is harmless; decides what resume does with a
    /// call found started but not completed. Default `false`.
    public var idempotent: Bool
    /// Whether the call is computation inside this process: no side effects and no waiting on a
    /// network, a disk or a person (an in-memory lookup, a calculator, a formatter). The runtime
    /// then treats the call like its own computation: the completed step before it (the model's
    /// response) is not written first, and the call's own step is held too, so both are stored
    /// with the run's next write — one store commit per model call instead of two. A crash during
    /// the call loses what was held, as a crash during the runtime's own computation does: resume
    /// repeats the model call and the tool call. Implies ``idempotent`` (the initialisers set both;
    /// the runtime checks `pure` first). Default `false`.
    public var pure: Bool
    /// Whether the call's body holds its thread while it works: file system calls, regular
    /// expressions, parsing or any computation that may run long without suspending. The runtime
    /// then runs the call on a bounded pool of threads of its own, off the threads that serve
    /// connections, timers and other runs, so a slow call delays nothing but itself. Calls that
    /// only await (network clients, delegation) and quick in-process computation run inline
    /// (cheaper: no thread hop). Default `false`.
    public var blocking: Bool

    /// Creates a policy; every field has a default.
    public init(timeout: Double = 30, retries: Int = 0, backoff: Double = 0.2, risk: Risk = .safe, idempotent: Bool = false,
                pure: Bool = false, blocking: Bool = false) {
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.risk = risk
        self.idempotent = idempotent || pure
        self.pure = pure
        self.blocking = blocking
    }

    /// Decodes a policy; `pure` and `blocking` may be missing (policies encoded before they existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(timeout: try c.decode(Double.self, forKey: .timeout), retries: try c.decode(Int.self, forKey: .retries),
                  backoff: try c.decode(Double.self, forKey: .backoff), risk: try c.decode(Risk.self, forKey: .risk),
                  idempotent: try c.decode(Bool.self, forKey: .idempotent),
                  pure: try c.decodeIfPresent(Bool.self, forKey: .pure) ?? false,
                  blocking: try c.decodeIfPresent(Bool.self, forKey: .blocking) ?? false)
    }

    /// Read-only tools: idempotent and safe.
    public static let readOnly = ToolPolicy(idempotent: true)

    /// Read-only tools whose body blocks its thread (file system, regular expressions): idempotent,
    /// safe, run off the event loops (see ``blocking``).
    public static let blockingReadOnly = ToolPolicy(idempotent: true, blocking: true)

    /// Pure computation in this process (see ``pure``): idempotent, safe, held across like the
    /// runtime's own computation.
    public static let computation = ToolPolicy(pure: true)
}
