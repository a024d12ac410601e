import AsyncHTTPClient
import AviaryModels

/// The `HTTPClient` settings Aviary uses to reach model providers.
enum ProviderHTTPConfiguration {
    /// Connections kept per provider host. AsyncHTTPClient's default (8) caps a server at 8 model
    /// calls in flight per provider: with 50 ms per call, 64 concurrent chats got 47 answers/s
    /// instead of the 300+ the rest of the server sustains. Calls beyond the limit wait for a
    /// connection.
    static let defaultConnectionsPerHost = 256

    /// Connections per host for a project: the default, or more when a provider allows more
    /// concurrent requests (`max_concurrent_requests`) than that.
    static func connectionsPerHost(for configuration: AviaryConfiguration) -> Int {
        configuration.providers.values.compactMap(\.maxConcurrentRequests).reduce(defaultConnectionsPerHost, max)
    }

    /// The client of the readiness probes (`GET /ready`): one connection per provider host, apart
    /// from the pool model calls use. The caller shuts it down.
    static func makeProbeClient() -> HTTPClient {
        HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: make(connectionsPerHost: 1, coalescesWrites: false))
    }

    /// Settings for a client shared by every provider of a process. `coalescesWrites` false leaves
    /// AsyncHTTPClient's connections as they come (``PerformanceSettings/coalescesRequestWrites``).
    static func make(connectionsPerHost: Int = defaultConnectionsPerHost, coalescesWrites: Bool = true) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
        // Aviary traces model calls through its event sink (`TracingEventSink`) and never bootstraps
        // `InstrumentationSystem`, so AsyncHTTPClient's own spans would go to a no-op tracer at a cost per request.
        configuration.tracing.tracer = nil
        // Provider calls carry credentials (`Authorization`, Anthropic's `x-api-key`), which
        // AsyncHTTPClient would send on along a redirect, to another origin too: a provider
        // answers where it is configured or the call fails with the 3xx status.
        configuration.redirectConfiguration = .disallow
        // A request's head and body go to the socket in one write (see `CoalescingFlushHandler`).
        if coalescesWrites { configuration.http1_1ConnectionDebugInitializer = CoalescingFlushHandler.connectionInitializer }
        return configuration
    }
}
