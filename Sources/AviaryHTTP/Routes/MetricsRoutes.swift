import AviaryCore
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /metrics`: Prometheus text exposition (public by default, for scrapers; admin-only
/// when `publicMetrics` is off).
struct MetricsRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/metrics") { _, context in
            if !env.config.publicMetrics, try context.requireIdentity().role != .admin {
                throw APIError.forbidden("metrics are for admins")
            }
            guard let metrics = env.deps.metrics else { throw APIError(.notFound, code: "not_found", "metrics are disabled") }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
        }
    }
}
