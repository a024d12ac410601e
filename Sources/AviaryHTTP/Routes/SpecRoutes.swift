import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// The routes written spec-first: the generated `APIProtocol` of the operations listed in
/// scripts/openapi-generator/openapi-generator-config.yaml. Each endpoint group implements its
/// operations in an extension in its own file (`HealthRoutes.swift`, `KeyRoutes.swift`).
/// Handlers find the caller with ``RequestIdentity`` and throw ``APIError`` like hand-written routes.
struct SpecRoutes: APIProtocol {
    let env: RouteEnvironment
    /// Forgets cached key verifications when a key is revoked.
    let authenticator: Authenticator
    /// The cached readiness of the providers, for `/ready`.
    let board: ReadinessBoard

    /// Registers the generated handlers. Throws only when the generated paths do not parse, which
    /// the contract tests would catch.
    func register(on router: RouteRecorder) throws {
        // Compact JSON with sorted keys and milliseconds in times, like every hand-written route
        // (the runtime's default pretty-prints and drops fractions of a second).
        try registerHandlers(on: router, configuration: Configuration(dateTranscoder: .iso8601WithFractionalSeconds,
                                                                      jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    }
}

/// The recorder is where generated handlers register too, so the 405 answers and the contract
/// tests see them like hand-written routes.
extension RouteRecorder: ServerTransport {
    /// Registers a generated handler (OpenAPIHummingbird's registration), passing a request that
    /// carries no body (no `Content-Length` or 0, not chunked) as having none: an optional request
    /// body is then absent instead of failing to decode as empty JSON.
    func register(_ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        let bodiless: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?) = { request, body, metadata in
            let length = request.headerFields[.contentLength].flatMap { Int($0) }
            let empty = length == 0 || (length == nil && request.headerFields[.transferEncoding] == nil)
            return try await handler(request, empty ? nil : body, metadata)
        }
        Self.packageRegister(on: self, bodiless, method: method, path: path)
    }

    /// OpenAPIHummingbird's `RouterMethods.register` (a generic context picks the package's method).
    private static func packageRegister<R: RouterMethods>(
        on router: R, _ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method, path: String) {
        router.register(handler, method: method, path: path)
    }
}
