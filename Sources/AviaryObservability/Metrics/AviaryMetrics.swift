import CoreMetrics
import Prometheus

/// The application's metrics: one Prometheus registry, no globals.
///
/// Create one per application, hand it to the HTTP layer (``recordHTTPRequest(route:method:status:duration:)``)
/// and to a ``MetricsEventSink`` (runs, model calls, tool calls), and serve ``render()`` at `GET /metrics`.
/// Metric handles are created once per label set and cached, so recording costs a dictionary lookup
/// and an atomic add. Label values from outside the process (routes, model and tool names) are bounded
/// by ``Configuration/labelValueLimit``: past it, new values are recorded as `other`.
public final class AviaryMetrics: Sendable {
    /// Histogram buckets and cardinality limits.
    public struct Configuration: Sendable {
        /// Distinct label sets kept per metric family before new ones fold into `other` (default 500).
        public var labelValueLimit: Int
        /// Buckets of `aviary_http_request_duration_seconds` (default 5 ms … 10 s).
        public var httpDurationBuckets: [Double]
        /// Buckets of `aviary_run_duration_seconds` (default 100 ms … 30 min).
        public var runDurationBuckets: [Double]
        /// Buckets of `aviary_model_call_duration_seconds` (default 50 ms … 5 min).
        public var modelDurationBuckets: [Double]
        /// Buckets of `aviary_tool_call_duration_seconds` (default 1 ms … 5 min).
        public var toolDurationBuckets: [Double]

        /// Creates a configuration; every argument has a documented default.
        public init(labelValueLimit: Int = 500,
                    httpDurationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
                    runDurationBuckets: [Double] = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
                    modelDurationBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
                    toolDurationBuckets: [Double] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300]) {
            self.labelValueLimit = labelValueLimit
            self.httpDurationBuckets = httpDurationBuckets
            self.runDurationBuckets = runDurationBuckets
            self.modelDurationBuckets = modelDurationBuckets
            self.toolDurationBuckets = toolDurationBuckets
        }
    }

    /// The `Content-Type` of ``render()``'s output (Prometheus text exposition format 0.0.4).
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The registry every Aviary metric lives in.
    public let registry: PrometheusCollectorRegistry
    /// The configuration in use.
    public let configuration: Configuration

    let http: MetricHandleCache<HTTPKey, HTTPHandles>
    let runs: MetricHandleCache<RunKey, RunHandles>
    let models: MetricHandleCache<String, ModelHandles>
    let tools: MetricHandleCache<String, ToolHandles>
    let activeRuns: Prometheus.Gauge

    /// Creates the metrics in `registry` (a new registry by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), configuration: Configuration = Configuration()) {
        self.registry = registry
        self.configuration = configuration
        let limit = configuration.labelValueLimit
        http = MetricHandleCache(limit: limit, overflow: { HTTPKey(route: MetricLabel.other, method: $0.method, status: $0.status) }) {
            HTTPHandles(registry: registry, key: $0, buckets: configuration.httpDurationBuckets)
        }
        runs = MetricHandleCache(limit: limit, overflow: { RunKey(agent: MetricLabel.other, outcome: $0.outcome) }) {
            RunHandles(registry: registry, key: $0, buckets: configuration.runDurationBuckets)
        }
        models = MetricHandleCache(limit: limit, overflow: { _ in MetricLabel.other }) {
            ModelHandles(registry: registry, model: $0, buckets: configuration.modelDurationBuckets)
        }
        tools = MetricHandleCache(limit: limit, overflow: { _ in MetricLabel.other }) {
            ToolHandles(registry: registry, tool: $0, buckets: configuration.toolDurationBuckets)
        }
        activeRuns = registry.makeGauge(descriptor: MetricName.runsActive)
    }

    /// A swift-metrics factory over the same registry, for libraries that accept an explicit factory
    /// (`Counter(label:dimensions:factory:)`). Do not reuse an `aviary_` name through it.
    public var metricsFactory: any MetricsFactory { PrometheusMetricsFactory(registry: registry) }

    /// Records one served HTTP request.
    ///
    /// - Parameters:
    ///   - route: The matched route pattern (`/api/v1/runs/{id}`), never the raw path, so cardinality stays
    ///     bounded; use `unmatched` for requests no route matched.
    ///   - method: The HTTP method (`GET`).
    ///   - status: The response status code.
    ///   - duration: Time from receiving the request head to writing the response head.
    public func recordHTTPRequest(route: String, method: String, status: Int, duration: Duration) {
        let handles = http.handle(for: HTTPKey(route: route, method: method, status: status))
        handles.requests.increment()
        handles.duration.record(duration.seconds)
    }

    /// The Prometheus text exposition of every metric in the registry.
    public func render() -> String { registry.emitToString() }

    /// ``render()`` as UTF-8 bytes, for writing straight into a response body.
    public func renderBytes() -> [UInt8] { registry.emitToBuffer() }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
