/// Who is calling: a principal of a tenant with a role. Every authenticated request carries one,
/// and every store query is scoped by its `tenant`.
///
/// Principals of API keys start with `key:` and JWT subjects with `jwt:`, so a token whose `sub`
/// names a key's principal cannot act as that key. Runs of the command line belong to `local`.
public struct Identity: Sendable, Hashable, Codable {
    /// The namespace of API key principals.
    public static let keyNamespace = "key:"
    /// The namespace of JWT subjects.
    public static let jwtNamespace = "jwt:"

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

    /// The principal without its `key:` or `jwt:` namespace: the name a caller knows itself by
    /// (the JWT `sub`, the name given to `aviary keys create --principal`).
    public var subject: String {
        for namespace in [Self.keyNamespace, Self.jwtNamespace] where principal.hasPrefix(namespace) {
            return String(principal.dropFirst(namespace.count))
        }
        return principal
    }

    /// True when this identity may act on an object owned by `owner` in `tenant`:
    /// same tenant, and either the owner itself or an admin.
    public func mayAccess(tenant: String, owner: String) -> Bool {
        self.tenant == tenant && (role == .admin || principal == owner)
    }
}
