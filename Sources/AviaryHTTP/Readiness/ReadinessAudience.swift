/// Who is asking `GET /ready`, as the auth middleware found it: the generated handler of an OpenAPI
/// operation sees no request context, so the middleware hands the answer down this task-local,
/// scoped to the one request.
enum ReadinessAudience {
    /// True when an admin's credentials came with the request: the checks' details are shown.
    @TaskLocal static var showsDetails = false
}
