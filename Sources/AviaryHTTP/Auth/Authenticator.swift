import AviaryCore
import Foundation
import HTTPTypes
import Synchronization

/// Turns a request's credentials into an ``Identity``: `Authorization: Bearer avk_…` or
/// `X-API-Key: avk_…` (API keys), or `Authorization: Bearer <JWT>` when JWT is configured.
/// Verified API keys are cached briefly (`cacheTTL`, never past a key's expiry); revoking a key
/// through this server (``evict(keyID:)``) ends it at once, revoking it elsewhere within `cacheTTL`.
public final class Authenticator: Sendable {
    /// Who authenticated, and the key rate limiting counts against.
    public struct Result: Sendable {
        /// The caller.
        public let identity: Identity
        /// `key:<id>` for API keys, `jwt:<tenant>/<sub>` for tokens.
        public let rateLimitKey: String
    }

    private let keys: APIKeyIssuer
    private let jwt: JWTVerifier?
    private let cacheTTL: Duration
    private let cache = Mutex<[String: CachedKey]>([:])
    private let unknownKeys: UnknownKeyCache

    private struct CachedKey {
        let result: Result
        let keyID: String
        let expires: ContinuousClock.Instant
        /// The key's own expiry, checked on every hit.
        let keyExpiresAt: Date?
    }

    /// Creates an authenticator. Keys that match no stored key are remembered for `unknownKeyTTL`.
    public init(keys: APIKeyIssuer, jwt: JWTVerifier?, cacheTTL: Duration = .seconds(10), unknownKeyTTL: Duration = .seconds(30)) {
        self.keys = keys
        self.jwt = jwt
        self.cacheTTL = cacheTTL
        self.unknownKeys = UnknownKeyCache(ttl: unknownKeyTTL)
    }

    /// Authenticates request headers; 401 with a reason when there are no or bad credentials.
    public func authenticate(_ headers: HTTPFields) async throws(APIError) -> Result {
        let token: String
        if let apiKey = headers[HTTPField.Name("X-API-Key")!], !apiKey.isEmpty {
            token = apiKey
        } else if let auth = headers[.authorization] {
            let parts = auth.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
                throw APIError.unauthorized("the Authorization header must be 'Bearer <API key or token>'")
            }
            token = parts[1].trimmingCharacters(in: .whitespaces)
        } else {
            throw APIError.unauthorized("missing credentials: send 'Authorization: Bearer <API key>' (create one with `aviary keys create`)")
        }
        if token.hasPrefix("avk_") { return try await apiKey(token) }
        guard let jwt else { throw APIError.unauthorized("invalid API key") }
        let identity = try await jwt.verify(token)
        return Result(identity: identity, rateLimitKey: "jwt:\(identity.tenant)/\(identity.principal)")
    }

    private func apiKey(_ token: String) async throws(APIError) -> Result {
        let cacheKey = APIKeyIssuer.hash(token)
        let now = ContinuousClock.now
        if let hit = cache.withLock({ $0[cacheKey] }), hit.expires > now {
            if let end = hit.keyExpiresAt, end <= Date() { throw APIError.unauthorized("invalid, revoked or expired API key") }
            return hit.result
        }
        if unknownKeys.contains(cacheKey) { throw APIError.unauthorized("invalid, revoked or expired API key") }
        let record: APIKeyRecord?
        do { record = try await keys.verify(token) } catch {
            throw APIError.unavailable("auth_unavailable", "cannot check the API key right now")
        }
        guard let record else {
            unknownKeys.insert(cacheKey)
            throw APIError.unauthorized("invalid, revoked or expired API key")
        }
        let result = Result(identity: record.identity, rateLimitKey: "key:\(record.id)")
        cache.withLock { cache in
            if cache.count > 10_000 { cache = cache.filter { $0.value.expires > now } }
            cache[cacheKey] = CachedKey(result: result, keyID: record.id, expires: now + cacheTTL, keyExpiresAt: record.expiresAt)
        }
        return result
    }

    /// Forgets a key's cached verification, so that a key just revoked is refused by the next request.
    public func evict(keyID: String) {
        cache.withLock { cache in cache = cache.filter { $0.value.keyID != keyID } }
    }
}
