import AviaryCore

/// How bearer JWTs are verified and mapped to an identity.
public struct JWTSettings: Sendable, Hashable {
    /// Shared secret for HS256 tokens. Default none.
    public var hs256Secret: String?
    /// PEM public key (`-----BEGIN PUBLIC KEY-----`) for RS256 tokens. Default none.
    public var rs256PublicKeyPEM: String?
    /// Required `iss` claim. Default: not checked.
    public var issuer: String?
    /// Required `aud` claim (one of the token's audiences). Required unless
    /// ``allowsAnyAudience``: without it, any token the same issuer signed for another service
    /// would be accepted here. Default none (the server refuses to start).
    public var audience: String?
    /// Accept tokens of any audience (`server.jwt.allow_any_audience: true`): an explicit opt-out
    /// for issuers that sign for Aviary alone. Default `false`.
    public var allowsAnyAudience: Bool
    /// Claim that names the tenant. Default `tenant`.
    public var tenantClaim: String
    /// Claim that names the role. Default `role`.
    public var roleClaim: String
    /// Role when the token has none. Default `user`.
    public var defaultRole: Role

    /// Creates settings.
    public init(hs256Secret: String? = nil, rs256PublicKeyPEM: String? = nil, issuer: String? = nil, audience: String? = nil,
                allowsAnyAudience: Bool = false, tenantClaim: String = "tenant", roleClaim: String = "role", defaultRole: Role = .user) {
        self.allowsAnyAudience = allowsAnyAudience
        self.hs256Secret = hs256Secret
        self.rs256PublicKeyPEM = rs256PublicKeyPEM
        self.issuer = issuer
        self.audience = audience
        self.tenantClaim = tenantClaim
        self.roleClaim = roleClaim
        self.defaultRole = defaultRole
    }
}
