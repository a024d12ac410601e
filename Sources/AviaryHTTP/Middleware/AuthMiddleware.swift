import AviaryCore
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Authenticates every request except the public routes, and applies the per-key rate limit.
/// Failed authentications are counted per client address (``AuthFailureLimiter``): once an
/// address has spent its budget it gets 429 `auth_rate_limited` before its credentials are looked at.
/// On `GET /ready`, credentials are optional: an admin's unlock the checks' details (the handler
/// reads ``RequestIdentity``, which is bound for every authenticated request).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AviaryRequestContext
    let authenticator: Authenticator
    let limiter: RateLimiter
    let failures: AuthFailureLimiter
    let publicRoutes: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // No endpoint path: no route matched, and the router answers 404 whoever asks.
        guard let route = context.endpointPath else { return try await next(request, context) }
        if publicRoutes.contains(route) {
            guard route == "/ready", Self.hasCredentials(request.headers) else { return try await next(request, context) }
            let identity = (try? await authenticate(request, context))?.identity
            return try await RequestIdentity.$current.withValue(identity) { try await next(request, context) }
        }
        let result = try await authenticate(request, context)
        var context = context
        context.identity = result.identity
        context.rateLimitKey = result.rateLimitKey
        context.facts.caller(tenant: result.identity.tenant, principal: result.identity.principal)
        context.logger[metadataKey: "tenant"] = .string(result.identity.tenant)
        context.logger[metadataKey: "principal"] = .string(result.identity.principal)
        if case .denied(let retryAfter) = limiter.take(result.rateLimitKey) {
            throw APIError.tooManyRequests("rate_limited", "rate limit exceeded for this key; retry after the Retry-After delay",
                                           retryAfter: Int(retryAfter.rounded(.up)))
        }
        return try await RequestIdentity.$current.withValue(result.identity) { try await next(request, context) }
    }

    /// Authenticates unless the client's address has too many recent failures; counts a 401.
    private func authenticate(_ request: Request, _ context: Context) async throws(APIError) -> Authenticator.Result {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if let retryAfter = failures.retryAfter(address) {
            throw APIError.tooManyRequests("auth_rate_limited", "too many failed authentications from this address; retry after the Retry-After delay",
                                           retryAfter: Int(retryAfter.rounded(.up)))
        }
        do {
            return try await authenticator.authenticate(request.headers)
        } catch {
            if error.status == .unauthorized {
                failures.recordFailure(address)
                context.logger.notice("authentication failed", metadata: ["client": .string(address)])
            }
            throw error
        }
    }

    private static func hasCredentials(_ headers: HTTPFields) -> Bool {
        headers[.authorization] != nil || headers[HTTPField.Name("X-API-Key")!] != nil
    }
}
