import ServiceLifecycle

/// The service that goes with the no-op tracer: it does nothing and ends on graceful shutdown or
/// cancellation, so callers can always add ``OTLPTracingBackend/service`` to their ServiceGroup.
struct IdleService: Service {
    func run() async throws {
        try? await gracefulShutdown()
    }
}
