import AviaryCore
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// `GET /health` (the process answers) and `GET /ready` (its dependencies work).
extension SpecRoutes {
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
