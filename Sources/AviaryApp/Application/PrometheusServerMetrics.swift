import AviaryHTTP
import AviaryObservability

/// The server's metrics seam over the Prometheus registry of ``AviaryMetrics``.
struct PrometheusServerMetrics: ServerMetrics {
    let metrics: AviaryMetrics

    func recordHTTPRequest(route: String, method: String, status: Int, duration: Duration) {
        metrics.recordHTTPRequest(route: route, method: method, status: status, duration: duration)
    }

    func render() -> String { metrics.render() }
}
