import AviaryCore
import Hummingbird
import Logging
import NIOCore

/// The per-request context: Hummingbird's core storage plus the caller's identity and request id.
public struct AviaryRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's core context (logger, parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller; `nil` on public routes and before authentication.
    public var identity: Identity?
    /// The key that rate limiting counts against (API key id or token subject).
    public var rateLimitKey: String?
    /// The request id (from `X-Request-ID` when the caller sent a sane one, else generated).
    public var requestID: String
    /// Facts inner layers record for the access log and the request span (shared by all copies).
    public let facts = RequestFacts()
    /// The client's address (the TCP peer); failed authentications are counted per address.
    public let remoteAddress: SocketAddress?

    /// Creates a context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.rateLimitKey = nil
        self.requestID = ""
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The caller's identity; throws 401 when the route was reached unauthenticated.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError.unauthorized("authentication required") }
        return identity
    }
}
