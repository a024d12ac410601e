import AviaryObservability
import Testing

@Suite struct AviaryMetricsTests {
    @Test func recordsHTTPRequestsByRoutePatternMethodAndStatus() {
        let metrics = AviaryMetrics()
        metrics.recordHTTPRequest(route: "/api/v1/runs/{id}", method: "GET", status: 200, duration: .milliseconds(12))
        metrics.recordHTTPRequest(route: "/api/v1/runs/{id}", method: "GET", status: 200, duration: .milliseconds(30))
        metrics.recordHTTPRequest(route: "/api/v1/runs/{id}", method: "GET", status: 404, duration: .milliseconds(3))
        metrics.recordHTTPRequest(route: "/chat", method: "POST", status: 500, duration: .seconds(2))

        let text = PrometheusText(metrics.render())
        #expect(text.value("aviary_http_requests_total", ["route": "/api/v1/runs/{id}", "method": "GET", "status": "200"]) == 2)
        #expect(text.value("aviary_http_requests_total", ["route": "/api/v1/runs/{id}", "method": "GET", "status": "404"]) == 1)
        #expect(text.value("aviary_http_requests_total", ["route": "/chat", "method": "POST", "status": "500"]) == 1)
        #expect(text.value("aviary_http_request_duration_seconds_count", ["route": "/api/v1/runs/{id}", "method": "GET"]) == 3)
        let sum = text.value("aviary_http_request_duration_seconds_sum", ["route": "/api/v1/runs/{id}", "method": "GET"]) ?? 0
        #expect(abs(sum - 0.045) < 1e-9)
        #expect(text.value("aviary_http_request_duration_seconds_bucket", ["route": "/api/v1/runs/{id}", "le": "0.025"]) == 2)
        #expect(text.value("aviary_http_request_duration_seconds_bucket", ["route": "/chat", "le": "+Inf"]) == 1)
    }

    @Test func exposesHelpAndTypeLinesAndTheActiveGaugeFromTheStart() {
        let text = AviaryMetrics().render()
        #expect(text.contains("# TYPE aviary_runs_active gauge"))
        #expect(text.contains("# HELP aviary_runs_active"))
        #expect(PrometheusText(text).value("aviary_runs_active") == 0)
        #expect(AviaryMetrics.contentType.hasPrefix("text/plain; version=0.0.4"))
    }

    @Test func foldsLabelSetsPastTheLimitIntoOther() {
        let metrics = AviaryMetrics(configuration: .init(labelValueLimit: 2))
        for i in 0..<5 {
            metrics.recordHTTPRequest(route: "/raw/path/\(i)", method: "GET", status: 200, duration: .milliseconds(1))
        }
        let text = PrometheusText(metrics.render())
        let routes = Set(text.all("aviary_http_requests_total").compactMap { $0.labels["route"] })
        #expect(routes == ["/raw/path/0", "/raw/path/1", "other"])
        #expect(text.value("aviary_http_requests_total", ["route": "other"]) == 3)
    }

    @Test func escapesLabelValues() {
        let metrics = AviaryMetrics()
        metrics.recordHTTPRequest(route: "/q\"uote\\d", method: "GET", status: 200, duration: .zero)
        #expect(metrics.render().contains(#"route="/q\"uote\\d""#))
    }

    @Test func rendersBytesIdenticalToText() {
        let metrics = AviaryMetrics()
        metrics.recordHTTPRequest(route: "/health", method: "GET", status: 200, duration: .milliseconds(1))
        #expect(String(decoding: metrics.renderBytes(), as: UTF8.self) == metrics.render())
    }
}
