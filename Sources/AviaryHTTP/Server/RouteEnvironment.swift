import AviaryCore
import AviaryRuntime
import HTTPTypes

/// What every route group shares: configuration, dependencies and the run gateway.
struct RouteEnvironment: Sendable {
    let config: ServerConfiguration
    let deps: ServerDependencies
    let gateway: RunGateway
    /// Open event streams per key and tenant.
    let streams: StreamAdmission

    var runtime: AgentRuntime { deps.runtime }

    /// A slot for one more event stream of the caller's key and tenant (429 `too_many_streams` at the cap).
    func admitStream(_ context: AviaryRequestContext, identity: Identity) throws(APIError) -> StreamTicket {
        try streams.admit(key: context.rateLimitKey ?? "principal:\(identity.tenant)/\(identity.principal)", tenant: identity.tenant)
    }

    /// A tenant's run that `identity` may act on: 404 when absent or in another tenant,
    /// 403 when it belongs to another principal of the same tenant and the caller is not an admin.
    /// A delegation's child run is found while it executes, before its first step stores it.
    func accessibleRun(_ id: String, identity: Identity) async throws -> RunRecord {
        guard let run = try await runtime.loadRun(RunID(id), tenant: identity.tenant) else { throw APIError.notFound("run") }
        guard identity.mayAccess(tenant: run.tenant, owner: run.principal) else {
            throw APIError.forbidden("run \(id) belongs to another principal")
        }
        return run
    }

    /// A tenant's session that `identity` may act on (same rules as runs).
    func accessibleSession(_ id: String, identity: Identity) async throws -> SessionRecord {
        guard let session = try await deps.sessions.loadSession(id, tenant: identity.tenant) else { throw APIError.notFound("session") }
        guard identity.mayAccess(tenant: session.tenant, owner: session.principal) else {
            throw APIError.forbidden("session \(id) belongs to another principal")
        }
        return session
    }

    /// An agent the identity may run: published ones for everybody, drafts for admins and developers.
    func runnableAgent(_ name: String, identity: Identity) throws -> AgentDefinition {
        guard let agent = runtime.catalog.agent(named: name), agent.status == .published || identity.role.isBuilder else {
            throw APIError(.notFound, code: "unknown_agent", "agent '\(name)' does not exist or is not available to this key")
        }
        return agent
    }
}
