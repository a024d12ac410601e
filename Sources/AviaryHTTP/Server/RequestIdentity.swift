import AviaryCore

/// The caller of the request being handled, for handlers generated from openapi.yaml: they receive
/// the operation's input only, not the request context, so the authentication middleware binds
/// the identity for the request's task.
enum RequestIdentity {
    /// The authenticated caller; `nil` on public routes.
    @TaskLocal static var current: Identity?

    /// The caller; 401 when the route was reached unauthenticated.
    static func require() throws(APIError) -> Identity {
        guard let current else { throw APIError.unauthorized("authentication required") }
        return current
    }

    /// The caller when it is an admin of its tenant; 403 otherwise.
    static func requireAdmin(_ what: String) throws(APIError) -> Identity {
        let identity = try require()
        guard identity.role == .admin else { throw APIError.forbidden("only admins may \(what)") }
        return identity
    }
}
