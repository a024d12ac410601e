/// Limits on Server-Sent Event streams (`GET /api/v1/runs/{id}/events`, streamed chat completions).
public struct StreamLimits: Sendable, Hashable {
    /// Open streams per API key (or token subject) at once; one more answers 429 `too_many_streams`.
    /// Default 16.
    public var maxPerKey: Int
    /// Open streams per tenant at once; one more answers 429 `too_many_streams`. Default 256.
    public var maxPerTenant: Int
    /// A run-event stream ends (cleanly, with a final `: stream closed: …` comment) after this long;
    /// the client reconnects with `Last-Event-ID`. Default 1 h.
    public var maxLifetime: Duration
    /// A run-event stream of a run that is `running` in the store but executes in no process we can
    /// see (no live owner here, no new events) ends after this long without events. Default 120 s.
    public var ownerlessGrace: Duration

    /// Creates limits; every argument has its documented default.
    public init(maxPerKey: Int = 16, maxPerTenant: Int = 256, maxLifetime: Duration = .seconds(3600),
                ownerlessGrace: Duration = .seconds(120)) {
        self.maxPerKey = maxPerKey
        self.maxPerTenant = maxPerTenant
        self.maxLifetime = maxLifetime
        self.ownerlessGrace = ownerlessGrace
    }
}
