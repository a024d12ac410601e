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
extension RouteRecorder: ServerTransport {}
