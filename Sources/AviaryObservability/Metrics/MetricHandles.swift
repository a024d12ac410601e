import Prometheus

/// Labels of one HTTP series.
struct HTTPKey: Hashable, Sendable {
    var route: String
    var method: String
    var status: Int
}

/// The metrics of one route, method and status.
struct HTTPHandles: Sendable {
    let requests: Prometheus.Counter
    let duration: ValueHistogram

    init(registry: PrometheusCollectorRegistry, key: HTTPKey, buckets: [Double]) {
        requests = registry.makeCounter(descriptor: MetricName.httpRequests,
                                        labels: [("route", key.route), ("method", key.method), ("status", String(key.status))])
        duration = registry.makeValueHistogram(descriptor: MetricName.httpRequestDuration,
                                               labels: [("route", key.route), ("method", key.method)], buckets: buckets)
    }
}

/// How a run execution ended (the `status` label of run metrics).
enum RunOutcome: String, Hashable, Sendable {
    case completed, failed, cancelled
    case needsAttention = "needs_attention"
    case interrupted
    case waiting
}

/// Labels of one run series.
struct RunKey: Hashable, Sendable {
    var agent: String
    var outcome: RunOutcome
}

/// The metrics of one agent and outcome.
struct RunHandles: Sendable {
    let runs: Prometheus.Counter
    let duration: ValueHistogram

    init(registry: PrometheusCollectorRegistry, key: RunKey, buckets: [Double]) {
        let labels = [("agent", key.agent), ("status", key.outcome.rawValue)]
        runs = registry.makeCounter(descriptor: MetricName.runs, labels: labels)
        duration = registry.makeValueHistogram(descriptor: MetricName.runDuration, labels: labels, buckets: buckets)
    }
}

/// The metrics of one model.
struct ModelHandles: Sendable {
    let succeeded: Prometheus.Counter
    let failed: Prometheus.Counter
    let inputTokens: Prometheus.Counter
    let outputTokens: Prometheus.Counter
    let cost: Prometheus.Counter
    let duration: ValueHistogram

    init(registry: PrometheusCollectorRegistry, model: String, buckets: [Double]) {
        succeeded = registry.makeCounter(descriptor: MetricName.modelCalls, labels: [("model", model), ("status", "ok")])
        failed = registry.makeCounter(descriptor: MetricName.modelCalls, labels: [("model", model), ("status", "failed")])
        inputTokens = registry.makeCounter(descriptor: MetricName.modelTokens, labels: [("model", model), ("direction", "input")])
        outputTokens = registry.makeCounter(descriptor: MetricName.modelTokens, labels: [("model", model), ("direction", "output")])
        cost = registry.makeCounter(descriptor: MetricName.modelCost, labels: [("model", model)])
        duration = registry.makeValueHistogram(descriptor: MetricName.modelCallDuration, labels: [("model", model)], buckets: buckets)
    }
}

/// The metrics of one tool.
struct ToolHandles: Sendable {
    let finished: Prometheus.Counter
    let failed: Prometheus.Counter
    let duration: ValueHistogram

    init(registry: PrometheusCollectorRegistry, tool: String, buckets: [Double]) {
        finished = registry.makeCounter(descriptor: MetricName.toolCalls, labels: [("tool", tool), ("status", "finished")])
        failed = registry.makeCounter(descriptor: MetricName.toolCalls, labels: [("tool", tool), ("status", "failed")])
        duration = registry.makeValueHistogram(descriptor: MetricName.toolCallDuration, labels: [("tool", tool)], buckets: buckets)
    }
}
