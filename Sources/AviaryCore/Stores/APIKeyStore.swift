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
    /// Principals that several active (unrevoked, unexpired) keys of one tenant share, with how
    /// many keys share each: such keys see each other's runs and sessions.
    func sharedKeyPrincipals() async throws -> [SharedKeyPrincipal]
}

/// A principal that several active API keys of a tenant act as.
public struct SharedKeyPrincipal: Sendable, Hashable {
    /// The tenant.
    public var tenant: String
    /// The shared principal.
    public var principal: String
    /// How many active keys act as it.
    public var keys: Int

    /// Creates a finding.
    public init(tenant: String, principal: String, keys: Int) {
        self.tenant = tenant
        self.principal = principal
        self.keys = keys
    }
}
