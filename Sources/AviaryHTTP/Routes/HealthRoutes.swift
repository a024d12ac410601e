import AviaryCore
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// `GET /health` (the process answers) and `GET /ready` (its dependencies work).
///
/// `/ready` is public, so it never lets an anonymous caller drive the providers: local checks run
/// on each request, provider probes come from ``ReadinessBoard``'s cache. Each check's `detail` is
/// shown only when an admin's credentials came with the request (``RequestIdentity``).
extension SpecRoutes {
    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func ready(_ input: Operations.Ready.Input) async throws -> Operations.Ready.Output {
        typealias Check = Components.Schemas.Readiness.ChecksPayload.AdditionalPropertiesPayload
        let showsDetails = RequestIdentity.current?.role == .admin
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
