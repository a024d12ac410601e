/// Persistence of API keys (hashed).
public protocol APIKeyStore: Sendable {
    /// Inserts a key.
    func createAPIKey(_ key: APIKeyRecord) async throws
    /// Finds a key by its public id, whatever its tenant (authentication does not know the tenant yet).
    func loadAPIKey(id: String) async throws -> APIKeyRecord?
    /// A tenant's keys, newest first.
    func listAPIKeys(tenant: String) async throws -> [APIKeyRecord]
    /// Marks a tenant's key revoked; false when there is no such key.
    func revokeAPIKey(id: String, tenant: String) async throws -> Bool
}
