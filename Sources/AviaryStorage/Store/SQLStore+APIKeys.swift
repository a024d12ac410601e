import AviaryCore
import Foundation
import SQLKit

extension SQLStore: APIKeyStore {
    public func createAPIKey(_ key: APIKeyRecord) async throws {
        try await database.raw("""
            INSERT INTO api_keys (id, tenant_id, principal, role, secret_hash, name, created_at, revoked_at, expires_at)
            VALUES (\(bind: key.id), \(bind: key.tenant), \(bind: key.principal), \(bind: key.role.rawValue), \(bind: key.secretHash),
              \(bind: key.name), \(bind: key.createdAt.timeIntervalSince1970), \(bind: key.revokedAt?.timeIntervalSince1970),
              \(bind: key.expiresAt?.timeIntervalSince1970))
            """).run()
    }

    public func loadAPIKey(id: String) async throws -> APIKeyRecord? {
        try await database.raw("SELECT * FROM api_keys WHERE id = \(bind: id)").first().map(decodeAPIKey)
    }

    public func listAPIKeys(tenant: String) async throws -> [APIKeyRecord] {
        try await database.raw("SELECT * FROM api_keys WHERE tenant_id = \(bind: tenant) ORDER BY created_at DESC, id").all().map(decodeAPIKey)
    }

    /// Marks the key revoked (keeping the first revocation time); false for another tenant's key.
    public func revokeAPIKey(id: String, tenant: String) async throws -> Bool {
        try await database.raw("""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(bind: Date().timeIntervalSince1970))
            WHERE id = \(bind: id) AND tenant_id = \(bind: tenant) RETURNING id
            """).first() != nil
    }

    public func sharedKeyPrincipals() async throws -> [SharedKeyPrincipal] {
        let now = Date().timeIntervalSince1970
        return try await database.raw("""
            SELECT tenant_id, principal, COUNT(*) AS keys FROM api_keys
            WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > \(bind: now))
            GROUP BY tenant_id, principal HAVING COUNT(*) > 1 ORDER BY tenant_id, principal
            """).all().map { row in
            SharedKeyPrincipal(tenant: try row.decode(column: "tenant_id", as: String.self),
                               principal: try row.decode(column: "principal", as: String.self),
                               keys: Int(try row.decode(column: "keys", as: Int64.self)))
        }
    }

    private func decodeAPIKey(_ row: any SQLRow) throws -> APIKeyRecord {
        let roleName = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleName) else { throw StorageError.corrupt("api key has unknown role '\(roleName)'") }
        return APIKeyRecord(
            id: try row.decode(column: "id", as: String.self),
            tenant: try row.decode(column: "tenant_id", as: String.self),
            principal: try row.decode(column: "principal", as: String.self),
            role: role,
            secretHash: try row.decode(column: "secret_hash", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            createdAt: Self.date(try row.decode(column: "created_at", as: Double.self)),
            revokedAt: try row.decode(column: "revoked_at", as: Double?.self).map(Self.date),
            expiresAt: try row.decode(column: "expires_at", as: Double?.self).map(Self.date))
    }
}
