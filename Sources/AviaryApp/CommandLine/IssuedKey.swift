import AviaryCore
import AviaryHTTP
import AviaryStorage

/// A newly created API key: the secret (shown once) and what it acts as.
public struct IssuedKey: Sendable {
    /// The key itself (`avk_<id>_<secret>`); only its hash is stored.
    public let key: String
    /// The key's id (the part of the key that is not secret).
    public let id: String
    /// The tenant, principal and role the key acts as.
    public let tenant: String, principal: String, role: String
}

extension AviaryApplication {
    /// Creates an API key (`aviary keys create`). `role` must name a ``Role``; `principal`
    /// defaults to `key-<role>`.
    public static func createAPIKey(_ configuration: AviaryConfiguration, tenant: String, principal: String?, role: String,
                                    name: String) async throws -> IssuedKey {
        guard let role = Role(rawValue: role) else {
            throw ConfigurationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let issued = try await createAPIKey(configuration, tenant: tenant, principal: principal ?? "key-\(role.rawValue)", role: role, name: name)
        return IssuedKey(key: issued.key, id: issued.record.id, tenant: issued.record.tenant, principal: issued.record.principal,
                         role: issued.record.role.rawValue)
    }
}
