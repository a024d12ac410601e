import AviaryCore
import Hummingbird
import Logging

/// Authenticates every request except the public routes, and applies the per-key rate limit.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AviaryRequestContext
    let authenticator: Authenticator
    let limiter: RateLimiter
    let publicRoutes: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // No endpoint path: no route matched, and the router answers 404 whoever asks.
        guard let route = context.endpointPath, !publicRoutes.contains(route) else { return try await next(request, context) }
        let result = try await authenticator.authenticate(request.headers)
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
}
