import AviaryCore
import Foundation
import HTTPTypes
import JWTKit

/// Verifies HS256 / RS256 bearer tokens (signature, `exp`, `nbf`, `iss`, `aud`) and maps their
/// claims to an ``Identity``: `sub` is the principal, the tenant and role come from configurable claims.
public struct JWTVerifier: Sendable {
    private let keys: JWTKeyCollection
    private let settings: JWTSettings

    /// Builds a verifier; throws when a configured key cannot be parsed, or when no audience is
    /// configured and any audience was not explicitly allowed.
    public init(settings: JWTSettings) async throws {
        if settings.audience?.isEmpty ?? true, !settings.allowsAnyAudience {
            throw APIError(.internalServerError, code: "jwt_config",
                           "server.jwt.audience is required (the `aud` your tokens carry for Aviary); set server.jwt.allow_any_audience: true to accept tokens of any audience")
        }
        let keys = JWTKeyCollection()
        // The HS256 key is the default (tokens without `kid`); the RS256 key is tried next.
        if let secret = settings.hs256Secret, !secret.isEmpty {
            guard secret.utf8.count >= 32 else {
                throw APIError(.internalServerError, code: "jwt_config", "the HS256 secret must be at least 32 bytes (256 bits); it has \(secret.utf8.count)")
            }
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        }
        if let pem = settings.rs256PublicKeyPEM, !pem.isEmpty {
            do {
                let key = try Insecure.RSA.PublicKey(pem: pem)
                let hasHMAC = settings.hs256Secret.map { !$0.isEmpty } ?? false
                await keys.add(rsa: key, digestAlgorithm: .sha256, kid: hasHMAC ? "rs256" : nil)
            } catch {
                throw APIError(.internalServerError, code: "jwt_config", "the configured RS256 public key is not a valid PEM public key: \(error)")
            }
        }
        self.keys = keys
        self.settings = settings
    }

    /// The identity in a token, or an error saying why it is refused.
    public func verify(_ token: String) async throws(APIError) -> Identity {
        let claims: AviaryClaims
        do {
            claims = try await keys.verify(token, as: AviaryClaims.self, iteratingKeys: true)
        } catch let error as JWTError {
            throw APIError.unauthorized("invalid token: \(error.reason ?? error.errorType.description)")
        } catch {
            throw APIError.unauthorized("invalid token")
        }
        // The messages do not name the configured issuer or audience: a caller learns nothing
        // about the server's identity provider from a refused token.
        if let issuer = settings.issuer, claims.iss?.value != issuer {
            throw APIError.unauthorized("invalid token: wrong issuer")
        }
        if let audience = settings.audience, !audience.isEmpty, !(claims.aud?.value.contains(audience) ?? false) {
            throw APIError.unauthorized("invalid token: wrong audience")
        }
        guard let subject = claims.sub?.value, !subject.isEmpty else { throw APIError.unauthorized("token has no 'sub' claim") }
        guard let tenant = claims.extra[settings.tenantClaim]?.stringValue, !tenant.isEmpty else {
            throw APIError.unauthorized("token has no '\(settings.tenantClaim)' claim naming the tenant")
        }
        var role = settings.defaultRole
        if let name = claims.extra[settings.roleClaim]?.stringValue {
            guard let r = Role(rawValue: name) else { throw APIError.unauthorized("token role '\(name)' is not one of admin, developer, operator, user, service") }
            role = r
        }
        return Identity(tenant: tenant, principal: Identity.jwtNamespace + subject, role: role)
    }
}

/// Registered claims plus everything else, kept as JSON for the tenant and role claims.
struct AviaryClaims: JWTPayload {
    var sub: SubjectClaim?
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var extra: [String: JSONValue] = [:]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        sub = try c.decodeIfPresent(SubjectClaim.self, forKey: Key(stringValue: "sub"))
        exp = try c.decodeIfPresent(ExpirationClaim.self, forKey: Key(stringValue: "exp"))
        nbf = try c.decodeIfPresent(NotBeforeClaim.self, forKey: Key(stringValue: "nbf"))
        iss = try c.decodeIfPresent(IssuerClaim.self, forKey: Key(stringValue: "iss"))
        aud = try c.decodeIfPresent(AudienceClaim.self, forKey: Key(stringValue: "aud"))
        for key in c.allKeys where !["sub", "exp", "nbf", "iss", "aud", "iat", "jti"].contains(key.stringValue) {
            extra[key.stringValue] = try? c.decode(JSONValue.self, forKey: key)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(sub, forKey: Key(stringValue: "sub"))
        try c.encodeIfPresent(exp, forKey: Key(stringValue: "exp"))
        try c.encodeIfPresent(nbf, forKey: Key(stringValue: "nbf"))
        try c.encodeIfPresent(iss, forKey: Key(stringValue: "iss"))
        try c.encodeIfPresent(aud, forKey: Key(stringValue: "aud"))
        for (k, v) in extra { try c.encode(v, forKey: Key(stringValue: k)) }
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        guard let exp else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "token has no 'exp' claim") }
        try exp.verifyNotExpired(currentDate: Date())
        try nbf?.verifyNotBefore(currentDate: Date())
    }
}
