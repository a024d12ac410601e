extension OpenAPIDocument {
    /// The document's head: version, description (auth, roles, tenancy, limits, runs, errors), servers, security, tags.
    static let info = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Aviary",
            "version": "0.1.0",
            "description": "Aviary's HTTP API (`aviary serve`): chat with the project's agents, an OpenAI-compatible facade, durable runs with a Server-Sent Events stream, sessions and the agent registry.\n\n**Authentication.** Every route except `/health`, `/ready`, `/openapi.json` and (by default) `/metrics` needs credentials: an API key (`avk_<id>_<secret>`, created with `aviary keys create --tenant T --role R`) sent as `Authorization: Bearer avk_…` or `X-API-Key: avk_…`, or — when `server.jwt` is configured — a JWT (HS256 or RS256) sent as `Authorization: Bearer <token>`. Tokens must carry `exp` and `sub` (the principal) and a tenant claim (default `tenant`), may carry a role claim (default `role`, else the configured default role), and must match the configured issuer and audience when those are set. Missing or bad credentials: 401 `unauthorized` with `WWW-Authenticate: Bearer`. A verified API key is cached for 10 seconds, so a revoked key can keep working that long.\n\n**Roles.** `admin`, `developer`, `operator`, `user`, `service`. Admins act on every object of their tenant; everyone else only on the runs and sessions they own (the principal that created them). Drafts (`GET /api/v1/agents`, `/v1/models`, running a draft agent) are for admins and developers. A `user` may only `POST /chat` as itself.\n\n**Tenancy.** Every request is scoped to the caller's tenant: another tenant's runs and sessions answer 404 `not_found`, exactly like absent ones. Within a tenant, another principal's run or session answers 403 `forbidden` unless the caller is an admin.\n\n**Limits.** Request bodies up to `server.max_body_bytes` (default 1 MiB; 413 `body_too_large`). Per-key rate limit, a token bucket of `server.rate_limit.per_second` (default 20) with bursts of `burst` (default 40): 429 `rate_limited` with `Retry-After`. Each tenant may execute `server.max_concurrent_runs_per_tenant` runs at once in this process (default 64): 429 `too_many_runs`, `Retry-After: 1`. Run and session reads, run cancellation and session erasure time out after `server.request_timeout_seconds` (default 30): 504 `timeout`.\n\n**Runs.** `/chat`, `/v1/chat/completions` and resume start durable runs that execute outside the request: when the caller stops waiting — after `server.run_timeout_seconds` (default 300; 504 `timeout`) or on disconnect — the run goes on, and `GET /api/v1/runs/{id}` and `/events` follow it. On graceful shutdown (SIGTERM/SIGINT) the server accepts no new runs (503 `shutting_down`) and executing runs stop at their next step boundary with status `interrupted`; `POST /api/v1/runs/{id}/resume` continues them from their journal.\n\n**Errors** are JSON `{\"error\":{\"code\",\"message\"}}` (schema `Error`). Every response carries `X-Request-ID`."
          },
          "servers": [
            {
              "url": "http://127.0.0.1:8080",
              "description": "`aviary serve` with default host and port"
            }
          ],
          "security": [
            {
              "bearerAuth": []
            },
            {
              "apiKeyHeader": []
            }
          ],
          "tags": [
            {
              "name": "Chat",
              "description": "Seed 000's chat contract."
            },
            {
              "name": "OpenAI-compatible",
              "description": "Use any OpenAI client with base URL `http://host:port/v1`, the Aviary key as API key and an agent name as model."
            },
            {
              "name": "Runs",
              "description": "Durable runs: inspect, stream events, resume, cancel."
            },
            {
              "name": "Sessions",
              "description": "Chat sessions and per-agent transcripts."
            },
            {
              "name": "Agents",
              "description": "The agent registry."
            },
            {
              "name": "Operations",
              "description": "Health, readiness, metrics and this document."
            }
          ]
        }
        """#
}
