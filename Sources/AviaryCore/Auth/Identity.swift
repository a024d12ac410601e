/// Who is calling: a principal of a tenant with a role. Every authenticated request carries one,
/// and every store query is scoped by its `tenant`.
public struct Identity: Sendable, Hashable, Codable {
    /// The tenant whose data the caller may touch.
    public var tenant: String
    /// The calling principal (user id, service name, key owner).
    public var principal: String
    /// The principal's role.
    public var role: Role

    /// Creates an identity.
    public init(tenant: String, principal: String, role: Role) {
        self.tenant = tenant
        self.principal = principal
        self.role = role
    }

    /// True when this identity may act on an object owned by `owner` in `tenant`:
    /// same tenant, and either the owner itself or an admin.
    public func mayAccess(tenant: String, owner: String) -> Bool {
        self.tenant == tenant && (role == .admin || principal == owner)
    }
}
