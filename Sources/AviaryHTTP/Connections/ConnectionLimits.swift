/// Limits on the server's TCP connections, so that clients that open connections and send nothing,
/// or half a request, cannot exhaust the server.
public struct ConnectionLimits: Sendable, Hashable {
    /// A connection with no request in progress is closed after this long without one (keep-alive
    /// idle time). Default 60 s.
    public var idleTimeout: Duration
    /// A new connection must deliver its first complete request head within this time, or it is
    /// closed. Default 10 s.
    public var headerTimeout: Duration
    /// Open connections at most; connections beyond it are closed as soon as they are accepted.
    /// Default 1024.
    public var maxConnections: Int

    /// Creates limits; every argument has its documented default.
    public init(idleTimeout: Duration = .seconds(60), headerTimeout: Duration = .seconds(10), maxConnections: Int = 1024) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.maxConnections = maxConnections
    }
}
