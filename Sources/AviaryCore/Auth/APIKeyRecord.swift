import Foundation

/// A stored API key: only the SHA-256 of its secret is kept; the key itself is shown once.
///
/// Keys look like `avk_<id>_<secret>`; `id` is public (it finds the row), `secret` is checked
/// against `secretHash` in constant time.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    /// Public key id (the part after `avk_`).
    public var id: String
    /// Owning tenant.
    public var tenant: String
    /// The principal the key acts as.
    public var principal: String
    /// The principal's role.
    public var role: Role
    /// Lowercase hex SHA-256 of the secret part.
    public var secretHash: String
    /// A label for humans (`ci`, `support-bot`).
    public var name: String
    /// Created at.
    public var createdAt: Date
    /// Revoked at; a revoked key never authenticates.
    public var revokedAt: Date?
    /// Expires at; an expired key never authenticates. `nil`: never expires.
    public var expiresAt: Date?

    /// Creates a record.
    public init(id: String, tenant: String, principal: String, role: Role, secretHash: String, name: String = "",
                createdAt: Date = Date(), revokedAt: Date? = nil, expiresAt: Date? = nil) {
        self.id = id
        self.tenant = tenant
        self.principal = principal
        self.role = role
        self.secretHash = secretHash
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.expiresAt = expiresAt
    }

    /// True when the key may authenticate at `date`: not revoked and not expired.
    public func isActive(at date: Date = Date()) -> Bool {
        revokedAt == nil && (expiresAt.map { date < $0 } ?? true)
    }

    /// The principal a key stores: `key:<name>` for a chosen name (kept as is when it already
    /// starts with `key:`), `key:<id>` when none is chosen, so that every key owns its runs and
    /// sessions alone unless keys are deliberately given one principal.
    public static func principal(named name: String?, id: String) -> String {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return Identity.keyNamespace + id }
        return name.hasPrefix(Identity.keyNamespace) ? name : Identity.keyNamespace + name
    }

    /// The identity this key authenticates as.
    public var identity: Identity { Identity(tenant: tenant, principal: principal, role: role) }
}
