import AviaryCore
import Foundation

/// `GET /api/v1/keys` and `DELETE /api/v1/keys/{id}`: the tenant's API keys, for its admins.
extension SpecRoutes {
    func listKeys(_ input: Operations.ListKeys.Input) async throws -> Operations.ListKeys.Output {
        let identity = try RequestIdentity.requireAdmin("list API keys")
        let now = Date()
        let keys = try await env.deps.keys.listAPIKeys(tenant: identity.tenant).map { Components.Schemas.APIKey($0, at: now) }
        return .ok(.init(body: .json(.init(keys: keys))))
    }

    func revokeKey(_ input: Operations.RevokeKey.Input) async throws -> Operations.RevokeKey.Output {
        let identity = try RequestIdentity.requireAdmin("revoke API keys")
        let id = input.path.id
        guard try await env.deps.keys.revokeAPIKey(id: id, tenant: identity.tenant),
              let record = try await env.deps.keys.loadAPIKey(id: id), record.tenant == identity.tenant else {
            throw APIError.notFound("key")
        }
        authenticator.evict(keyID: id)
        return .ok(.init(body: .json(.init(record, at: Date()))))
    }
}

extension Components.Schemas.APIKey {
    /// A stored key as the API shows it: no secret, no hash.
    init(_ record: APIKeyRecord, at now: Date) {
        let status: StatusPayload = record.revokedAt != nil ? .revoked : record.isActive(at: now) ? .active : .expired
        self.init(id: record.id, name: record.name, principal: record.principal, role: RolePayload(record.role), status: status,
                  createdAt: record.createdAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt)
    }
}

extension Components.Schemas.APIKey.RolePayload {
    init(_ role: Role) {
        switch role {
        case .admin: self = .admin
        case .developer: self = .developer
        case .operator: self = ._operator
        case .user: self = .user
        case .service: self = .service
        }
    }
}
