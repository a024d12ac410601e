import AviaryCore
import AviaryRuntime
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP server of `aviary serve`: Hummingbird 2 routes over the agent runtime. Run
/// ``services(onBound:)`` in one `ServiceGroup`; on graceful shutdown the run supervisor first
/// suspends executing runs at a step boundary (resumable), then the server drains its requests.
public struct AviaryServer: Sendable {
    /// Route patterns reachable without credentials.
    public static let publicRoutes: Set<String> = ["/health", "/ready", "/openapi.json"]

    let configuration: ServerConfiguration
    let dependencies: ServerDependencies
    let authenticator: Authenticator
    let document: OpenAPIDocument

    /// Builds the server; throws when the JWT settings are unusable.
    public init(configuration: ServerConfiguration, dependencies: ServerDependencies) async throws {
        self.configuration = configuration
        self.dependencies = dependencies
        self.document = try OpenAPIDocument.bundled()
        var jwt: JWTVerifier?
        if let settings = configuration.jwt { jwt = try await JWTVerifier(settings: settings) }
        self.authenticator = Authenticator(keys: APIKeyIssuer(store: dependencies.keys), jwt: jwt,
                                           unknownKeyTTL: configuration.authFailures.unknownKeyTTL)
    }

    /// The router with every route and middleware.
    public func router() -> Router<AviaryRequestContext> { build().router }

    /// Every route the server registers (method and path template, as the OpenAPI document
    /// writes them), without the 405 answers for the methods a path does not serve.
    public var routes: [OpenAPIDocument.Operation] { build().routes }

    private func build() -> RouteRecorder {
        let router = RouteRecorder(Router(context: AviaryRequestContext.self))
        var publicRoutes = Self.publicRoutes
        if configuration.publicMetrics { publicRoutes.insert("/metrics") }
        router.add(middleware: ObservabilityMiddleware(metrics: dependencies.metrics, tracer: dependencies.tracer))
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthMiddleware(authenticator: authenticator,
                                              limiter: RateLimiter(rate: configuration.rateLimitPerSecond, burst: configuration.rateLimitBurst),
                                              failures: AuthFailureLimiter(limits: configuration.authFailures),
                                              publicRoutes: publicRoutes))
        let env = RouteEnvironment(config: configuration, deps: dependencies,
                                   gateway: RunGateway(supervisor: dependencies.supervisor,
                                                       admission: dependencies.runtime.limits.admission
                                                           ?? RunAdmission(limitPerTenant: configuration.maxConcurrentRunsPerTenant),
                                                       timeout: configuration.runTimeout),
                                   streams: StreamAdmission(limits: configuration.streams))
        do {
            let board = ReadinessBoard(checks: dependencies.readiness, probeTTL: configuration.readinessProbeTTL)
            try SpecRoutes(env: env, authenticator: authenticator, board: board).register(on: router)
        } catch {
            preconditionFailure("the generated routes of openapi.yaml do not register: \(error)")
        }
        MetricsRoutes(env: env).register(on: router)
        OpenAPIRoutes(document: document).register(on: router)
        ChatRoutes(env: env).register(on: router)
        SessionRoutes(env: env).register(on: router)
        OpenAIRoutes(env: env).register(on: router)
        RunRoutes(env: env).register(on: router)
        AgentRoutes(env: env).register(on: router)
        router.answerUnsupportedMethods()
        return router
    }

    /// The services to run, in service-group order: the HTTP application, then the run supervisor
    /// (shut down first). `onBound` receives the bound port once the server listens. The server
    /// applies ``ServerConfiguration/connections`` (``LimitedHTTP1Channel``).
    public func services(onBound: @escaping @Sendable (Int) async -> Void = { _ in }) -> [any Service] {
        let app = Application(
            router: router(),
            server: LimitedHTTP1Channel.builder(limits: configuration.connections),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "aviary"),
            onServerRunning: { channel in await onBound(channel.localAddress?.port ?? 0) },
            logger: dependencies.logger)
        return [app, dependencies.supervisor]
    }
}
