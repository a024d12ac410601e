import AviaryCore
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// `GET /health` (the process answers) and `GET /ready` (its dependencies work): spec-first, the
/// generated `APIProtocol` of openapi.yaml's `health` and `ready` operations
/// (scripts/openapi-generator/openapi-generator-config.yaml).
///
/// `/ready` is public, so it never lets an anonymous caller drive the providers: local checks run
/// on each request, provider probes come from ``ReadinessBoard``'s cache. Each check's `detail` is
/// shown only when an admin's credentials came with the request (``ReadinessAudience``).
struct HealthRoutes: APIProtocol {
    let env: RouteEnvironment
    let board: ReadinessBoard

    /// Registers the generated handlers. Throws only when the generated paths do not parse, which
    /// the contract tests would catch.
    func register(on router: RouteRecorder) throws {
        // Compact JSON with sorted keys, like every hand-written route (the runtime's default
        // pretty-prints).
        try registerHandlers(on: router, configuration: Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    }

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func ready(_ input: Operations.Ready.Input) async throws -> Operations.Ready.Output {
        typealias Check = Components.Schemas.Readiness.ChecksPayload.AdditionalPropertiesPayload
        let showsDetails = ReadinessAudience.showsDetails
        var checks: [String: Check] = [:]
        var worst = ReadinessCheck.Status.ok
        for result in await board.run() {
            checks[result.name] = Check(status: Check.StatusPayload(result.status), detail: showsDetails ? result.detail : nil)
            if result.status == .failed || (result.status == .degraded && worst == .ok) { worst = result.status }
        }
        let status: Components.Schemas.Readiness.StatusPayload = worst == .ok ? .ready : worst == .degraded ? .degraded : .unavailable
        let readiness = Components.Schemas.Readiness(status: status, checks: .init(additionalProperties: checks))
        return worst == .failed ? .serviceUnavailable(.init(body: .json(readiness))) : .ok(.init(body: .json(readiness)))
    }
}

extension Components.Schemas.Readiness.ChecksPayload.AdditionalPropertiesPayload.StatusPayload {
    init(_ status: ReadinessCheck.Status) {
        switch status {
        case .ok: self = .ok
        case .degraded: self = .degraded
        case .failed: self = .failed
        }
    }
}

/// The recorder is where generated handlers register too, so the 405 answers and the contract
/// tests see them like hand-written routes.
extension RouteRecorder: ServerTransport {}
