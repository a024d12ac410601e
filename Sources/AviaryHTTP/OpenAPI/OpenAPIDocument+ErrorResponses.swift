import AviaryCore

extension OpenAPIDocument {
    /// A shared error response: every one carries `X-Request-ID` and an ``Error`` body; `headers`
    /// names further headers of `#/components/headers` (`Retry-After` → `RetryAfter`), and each
    /// example is an error code with a sample message.
    struct ErrorResponse {
        let name: String
        let description: String
        var headers: [String] = []
        let examples: [(code: String, message: String)]

        var json: JSONValue {
            var headerRefs: [String: JSONValue] = [:]
            for header in ["X-Request-ID"] + headers {
                headerRefs[header] = ["$ref": .string("#/components/headers/" + header.filter { $0 != "-" })]
            }
            var samples: [String: JSONValue] = [:]
            for (code, message) in examples {
                samples[code] = ["value": ["error": ["code": .string(code), "message": .string(message)]]]
            }
            return ["description": .string(description), "headers": .object(headerRefs),
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"], "examples": .object(samples)]]]
        }
    }

    /// Shared 4xx responses.
    static let clientErrorResponses: [ErrorResponse] = [
        ErrorResponse(name: "BadRequest",
                      description: "Malformed request: the body is not a JSON object, a field is missing or has the wrong type, or a query parameter is invalid.",
                      examples: [("invalid_json", "the request body is not valid JSON: …"),
                                 ("missing_field", "field 'question' is required"),
                                 ("invalid_field", "field 'sessionId' must be a string, not number"),
                                 ("invalid_query", "limit must be an integer from 1 to 500")]),
        ErrorResponse(name: "Unauthorized",
                      description: "No, malformed, unknown, revoked or expired credentials.",
                      headers: ["WWW-Authenticate"],
                      examples: [("unauthorized", "missing credentials: send 'Authorization: Bearer <API key>' (create one with `aviary keys create`)")]),
        ErrorResponse(name: "Forbidden",
                      description: "Authenticated, but not allowed: the object belongs to another principal of the same tenant (and the caller is not an admin), or the role may not do this.",
                      examples: [("forbidden", "run run_… belongs to another principal")]),
        ErrorResponse(name: "NotFound",
                      description: "No such object in the caller's tenant (objects of other tenants are indistinguishable from absent ones).",
                      examples: [("not_found", "run not found")]),
        ErrorResponse(name: "UnknownAgent",
                      description: "The agent does not exist, or is a draft and the caller is neither admin nor developer.",
                      examples: [("unknown_agent", "agent 'x' does not exist or is not available to this key")]),
        ErrorResponse(name: "Conflict",
                      description: "The object is in a state that does not allow this.",
                      examples: [("conflict", "run run_… is completed and cannot be resumed")]),
        ErrorResponse(name: "RunNotCompleted",
                      description: "The run ended without completing: it needs a human decision (`needs_attention`) or was cancelled (`cancelled`). Resume or inspect it via `/api/v1/runs/{id}`.",
                      examples: [("needs_attention", "run run_… needs a human decision: …"),
                                 ("cancelled", "run run_… was cancelled")]),
        ErrorResponse(name: "BodyTooLarge",
                      description: "The request body exceeds `server.max_body_bytes` (default 1 MiB).",
                      examples: [("body_too_large", "request body exceeds the limit of 1048576 bytes")]),
        ErrorResponse(name: "RateLimited",
                      description: "The key's request rate limit is exceeded (`rate_limited`). Retry after `Retry-After` seconds.",
                      headers: ["Retry-After"],
                      examples: [("rate_limited", "rate limit exceeded for this key; retry after the Retry-After delay")]),
        ErrorResponse(name: "RateLimitedOrTooManyRuns",
                      description: "`rate_limited`: the key's request rate is exceeded. `too_many_runs`: the tenant already executes `server.max_concurrent_runs_per_tenant` runs in this process (Retry-After: 1).",
                      headers: ["Retry-After"],
                      examples: [("rate_limited", "rate limit exceeded for this key; retry after the Retry-After delay"),
                                 ("too_many_runs", "this tenant already has 64 runs executing; retry when one finishes")]),
    ]

    /// Shared 5xx responses.
    static let serverErrorResponses: [ErrorResponse] = [
        ErrorResponse(name: "InternalError",
                      description: "Unexpected error (logged with the request id).",
                      examples: [("internal_error", "internal error (request id 6b1f…)"),
                                 ("runtime_error", "…")]),
        ErrorResponse(name: "RunFailed",
                      description: "The run failed; the error says why. The run stays inspectable and resumable via `/api/v1/runs/{id}`.",
                      examples: [("run_failed", "run run_… failed: …")]),
        ErrorResponse(name: "Unavailable",
                      description: "`auth_unavailable`: the API key store cannot be read right now.",
                      examples: [("auth_unavailable", "cannot check the API key right now")]),
        ErrorResponse(name: "ShuttingDown",
                      description: "`shutting_down`: the server is shutting down and accepts no new runs, or the run was stopped at a step boundary by the shutdown (status `interrupted`, resumable). `auth_unavailable`: the API key store cannot be read.",
                      examples: [("shutting_down", "the server is shutting down and accepts no new runs"),
                                 ("auth_unavailable", "cannot check the API key right now")]),
        ErrorResponse(name: "RequestTimeout",
                      description: "The request did not complete within `server.request_timeout_seconds` (default 30).",
                      examples: [("timeout", "the request did not complete within 30.0 seconds")]),
        ErrorResponse(name: "RunTimeout",
                      description: "The run did not finish within `server.run_timeout_seconds` (default 300). The run goes on durably: follow `GET /api/v1/runs/{id}/events`.",
                      examples: [("timeout", "run run_… did not finish within 300.0 seconds; it continues: follow GET /api/v1/runs/run_…/events")]),
    ]
}
