import AviaryCore
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// `GET /health` (the process answers) and `GET /ready` (its dependencies work): spec-first, the
/// generated `APIProtocol` of openapi.yaml's `health` and `ready` operations
/// (scripts/openapi-generator/openapi-generator-config.yaml).
struct HealthRoutes: APIProtocol {
    let env: RouteEnvironment

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
        var checks: [String: Check] = [:]
        var worst = ReadinessCheck.Status.ok
        await withTaskGroup(of: (String, ReadinessCheck.Status, String).self) { group in
            for check in env.deps.readiness {
                group.addTask {
                    let (status, detail) = await check.check()
                    return (check.name, status, detail)
                }
            }
            for await (name, status, detail) in group {
                checks[name] = Check(status: Check.StatusPayload(status), detail: detail)
                if status == .failed || (status == .degraded && worst == .ok) { worst = status }
            }
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
