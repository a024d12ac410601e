import HTTPTypes
import Hummingbird

/// The router every route group registers on: it passes each route to the Hummingbird `Router`
/// and records its method and path, so that the server can answer the methods a path does not
/// serve with 405 and `Allow`, and the contract tests can compare the routes with the OpenAPI
/// document in both directions.
final class RouteRecorder: RouterMethods {
    typealias Context = AviaryRequestContext

    /// The router the routes go to.
    let router: Router<Context>
    /// Every route registered so far, in order.
    private(set) var routes: [OpenAPIDocument.Operation] = []

    /// The methods a path is checked for when answering 405 (HEAD is left to the router).
    static let checkedMethods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .options, .trace]

    init(_ router: Router<Context>) { self.router = router }

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        routes.append(OpenAPIDocument.Operation(method: method.rawValue, path: path.description))
        router.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }

    /// For every recorded path, registers a responder that answers the methods it does not serve
    /// with 405 `method_not_allowed` and an `Allow` header listing those it does.
    func answerUnsupportedMethods() {
        for (path, operations) in Dictionary(grouping: routes, by: \.path) {
            let allowed = Set(operations.map(\.method))
            let allow = allowed.sorted().joined(separator: ", ")
            for method in Self.checkedMethods where !allowed.contains(method.rawValue) {
                router.on(RouterPath(stringLiteral: path), method: method) { request, _ -> Response in
                    throw APIError.methodNotAllowed(request.method.rawValue, path: path, allow: allow)
                }
            }
        }
    }
}
