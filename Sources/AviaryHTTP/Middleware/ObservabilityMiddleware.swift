import Hummingbird
import HTTPTypes
import Logging
import Tracing

/// Outermost middleware: gives each request an id (`X-Request-ID`, echoed back), a logger with
/// request metadata, a tracing span, a metrics sample and one access-log line (no bodies, no credentials).
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = AviaryRequestContext
    let metrics: (any ServerMetrics)?
    let tracer: (any Tracer)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let incoming = request.headers[Self.requestIDField]
        context.requestID = incoming.flatMap(Self.sane) ?? context.id
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        let start = ContinuousClock.now
        let method = request.method.rawValue
        let route = context.endpointPath ?? "unmatched"
        var response: Response
        if let tracer {
            // continue the caller's trace (W3C `traceparent`) when it sent one
            var parent = ServiceContext.current ?? .topLevel
            tracer.extract(request.headers, into: &parent, using: HTTPFieldsExtractor())
            response = try await tracer.withSpan("\(method) \(route)", context: parent, ofKind: .server) { span in
                span.attributes["http.request.method"] = method
                span.attributes["http.route"] = route
                span.attributes["aviary.request_id"] = context.requestID
                let r = try await next(request, context)
                span.attributes["http.response.status_code"] = Int(r.status.code)
                for (k, v) in context.facts.metadata { span.attributes["aviary.\(k)"] = v }
                if r.status.code >= 500 { span.setStatus(.init(code: .error)) }
                return r
            }
        } else {
            response = try await next(request, context)
        }
        response.headers[Self.requestIDField] = context.requestID
        let matched = context.endpointPath ?? "unmatched"
        let duration = ContinuousClock.now - start
        metrics?.recordHTTPRequest(route: matched, method: method, status: Int(response.status.code), duration: duration)
        var metadata: Logger.Metadata = [
            "method": .string(method), "route": .string(matched), "status": .stringConvertible(response.status.code),
            "duration_ms": .stringConvertible((duration.milliseconds * 1000).rounded() / 1000),
        ]
        for (k, v) in context.facts.metadata { metadata[k] = .string(v) }
        context.logger.info("request", metadata: metadata)
        return response
    }

    static let requestIDField = HTTPField.Name("X-Request-ID")!

    /// Accepts caller-supplied ids only when short and plain.
    static func sane(_ id: String) -> String? {
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else { return nil }
        return id
    }
}

/// Reads trace propagation headers (`traceparent`, `tracestate`) from a request.
struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from headers: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { headers[$0] }
    }
}
