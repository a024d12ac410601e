import AviaryCore
import AviaryRuntime
import Foundation

/// `DELETE /api/v1/runs/{id}`: erases a run that belongs to no session, with its child runs.
extension SpecRoutes {
    func deleteRun(_ input: Operations.DeleteRun.Input) async throws -> Operations.DeleteRun.Output {
        let identity = try RequestIdentity.require()
        let id = input.path.id
        return try await env.bounded {
            let run = try await env.accessibleRun(id, identity: identity)
            if let session = run.sessionID {
                throw APIError.conflict("run \(run.id) belongs to session \(session); erase the session (DELETE /sessions/\(session))")
            }
            if let parent = run.parentRunID {
                throw APIError.conflict("run \(run.id) is a child of run \(parent); erase that run")
            }
            guard try await env.runtime.eraseRun(run.id, tenant: run.tenant) else { throw APIError.notFound("run") }
            return .noContent(.init())
        }
    }
}
