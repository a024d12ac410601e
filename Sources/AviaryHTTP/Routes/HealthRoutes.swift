import AviaryCore
import Hummingbird

/// `GET /health` (the process answers) and `GET /ready` (its dependencies work).
struct HealthRoutes {
    let env: RouteEnvironment

    func register(on router: RouteRecorder) {
        router.get("/health") { _, _ in Response.json(["status": "ok"]) }
        router.get("/ready") { _, _ in try await ready() }
    }

    func ready() async throws -> Response {
        var checks: [String: JSONValue] = [:]
        var worst = ReadinessCheck.Status.ok
        await withTaskGroup(of: (String, ReadinessCheck.Status, String).self) { group in
            for check in env.deps.readiness {
                group.addTask {
                    let (status, detail) = await check.check()
                    return (check.name, status, detail)
                }
            }
            for await (name, status, detail) in group {
                checks[name] = ["status": .string(status.rawValue), "detail": .string(detail)]
                if status == .failed || (status == .degraded && worst == .ok) { worst = status }
            }
        }
        let status = worst == .ok ? "ready" : worst == .degraded ? "degraded" : "unavailable"
        return Response.json(["status": .string(status), "checks": .object(checks)], status: worst == .failed ? .serviceUnavailable : .ok)
    }
}
