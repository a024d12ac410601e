import Logging
import OTel
import ServiceLifecycle
import Tracing

/// A tracer and the service that exports its spans. Built explicitly (no `InstrumentationSystem`
/// bootstrap): pass ``tracer`` to `TracingEventSink` and the HTTP layer, and run ``service`` in the
/// application's `ServiceGroup`; on graceful shutdown it flushes the spans still queued.
public struct OTLPTracingBackend: Sendable {
    /// Starts spans; a `NoOpTracer` when exporting is off.
    public let tracer: any Tracer
    /// Batches and exports finished spans; an idle service when exporting is off.
    public let service: any Service
    /// True when spans are exported.
    public let isExporting: Bool

    /// Builds the backend for `configuration`: an OTLP/HTTP exporting tracer when
    /// ``OTLPTracingConfiguration/tracesEndpoint`` is set, a no-op tracer otherwise.
    ///
    /// swift-otel also applies the standard `OTEL_*` environment variables of the process on top
    /// (for example `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_TRACES_SAMPLER`).
    ///
    /// - Parameter logger: Receives the exporter's own diagnostics (export failures).
    public static func make(_ configuration: OTLPTracingConfiguration, logger: Logger) throws(OTLPTracingError) -> OTLPTracingBackend {
        guard let endpoint = configuration.tracesEndpoint else {
            return OTLPTracingBackend(tracer: NoOpTracer(), service: IdleService(), isExporting: false)
        }
        var otel = OTel.Configuration.default
        otel.serviceName = configuration.serviceName
        otel.diagnosticLogger = .custom(logger)
        otel.logs.enabled = false
        otel.metrics.enabled = false
        otel.traces.otlpExporter.endpoint = endpoint
        otel.traces.otlpExporter.protocol = configuration.wireProtocol == .httpJSON ? .httpJSON : .httpProtobuf
        otel.traces.otlpExporter.headers = configuration.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        otel.traces.batchSpanProcessor.scheduleDelay = configuration.exportDelay
        do {
            let backend = try OTel.makeTracingBackend(configuration: otel)
            return OTLPTracingBackend(tracer: backend.factory, service: backend.service, isExporting: true)
        } catch {
            throw .exporterSetup(error)
        }
    }

    /// ``make(_:logger:)`` with the configuration read from `environment` (see
    /// ``OTLPTracingConfiguration/init(environment:)``).
    public static func make(environment: [String: String], logger: Logger) throws(OTLPTracingError) -> OTLPTracingBackend {
        try make(OTLPTracingConfiguration(environment: environment), logger: logger)
    }
}
