/// The OpenAPI 3.1 description of Aviary's HTTP API, served at `/openapi.json`.
/// A test checks that every registered route appears here.
public enum OpenAPIDocument {
    /// The document as JSON text.
    public static let json = #"""
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
      ],
      "paths": {
        "/health": {
          "get": {
            "operationId": "health",
            "tags": [
              "Operations"
            ],
            "summary": "Liveness",
            "description": "Answers 200 while the process serves requests. No credentials, no rate limit.",
            "security": [],
            "responses": {
              "200": {
                "description": "The process is alive.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Health"
                    },
                    "example": {
                      "status": "ok"
                    }
                  }
                }
              }
            }
          }
        },
        "/ready": {
          "get": {
            "operationId": "ready",
            "tags": [
              "Operations"
            ],
            "summary": "Readiness",
            "description": "Runs every readiness check concurrently: `store` (the database answers; `failed` otherwise) and one `provider:<name>` check per model provider the project's agents use (configured and answering `GET <base>/models` within 2 s; `degraded` otherwise). Status `ready` (all ok), `degraded` (some degraded, 200) or `unavailable` (some failed, 503). No credentials.",
            "security": [],
            "responses": {
              "200": {
                "description": "Ready or degraded.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Readiness"
                    }
                  }
                }
              },
              "503": {
                "description": "A check failed (`status: unavailable`). The body is a `Readiness` object, not an `Error`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Readiness"
                    },
                    "example": {
                      "status": "unavailable",
                      "checks": {
                        "store": {
                          "status": "failed",
                          "detail": "database is locked"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "metrics",
            "tags": [
              "Operations"
            ],
            "summary": "Prometheus metrics",
            "description": "Prometheus text exposition (format 0.0.4). Public by default (`server.public_metrics: true`); with `public_metrics: false` it requires credentials of an `admin` (401 without, 403 for other roles). 404 `not_found` when the server runs without a metrics backend.",
            "security": [],
            "responses": {
              "200": {
                "description": "Metrics text.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "text/plain; version=0.0.4; charset=utf-8": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "# TYPE http_requests_total counter\n"
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              }
            }
          }
        },
        "/openapi.json": {
          "get": {
            "operationId": "openapi",
            "tags": [
              "Operations"
            ],
            "summary": "This OpenAPI document",
            "description": "The OpenAPI 3.1 description of every route. No credentials.",
            "security": [],
            "responses": {
              "200": {
                "description": "The document.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        },
        "/chat": {
          "post": {
            "operationId": "chat",
            "tags": [
              "Chat"
            ],
            "summary": "One chat turn with the chat agent",
            "description": "Runs the server's chat agent (`aviary serve --agent`, default the project's default agent) on `question`, continuing `sessionId` when it names an accessible session of the caller's tenant, otherwise starting a new session. Waits for the run up to the run timeout. A caller with role `user` may only chat as itself (`userId` absent or equal to its principal). The run executes under the caller's tenant and principal and takes one of the tenant's run slots.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ChatRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The answer.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChatResponse"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/UnknownAgent"
              },
              "409": {
                "$ref": "#/components/responses/RunNotCompleted"
              },
              "413": {
                "$ref": "#/components/responses/BodyTooLarge"
              },
              "429": {
                "$ref": "#/components/responses/RateLimitedOrTooManyRuns"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "502": {
                "$ref": "#/components/responses/RunFailed"
              },
              "503": {
                "$ref": "#/components/responses/ShuttingDown"
              },
              "504": {
                "$ref": "#/components/responses/RunTimeout"
              }
            }
          }
        },
        "/sessions/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SessionID"
            }
          ],
          "get": {
            "operationId": "getSession",
            "tags": [
              "Sessions"
            ],
            "summary": "A session",
            "description": "A session of the caller's tenant; only its owner (the principal that created it) or an admin may read it.",
            "responses": {
              "200": {
                "description": "The session.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Session"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          },
          "delete": {
            "operationId": "deleteSession",
            "tags": [
              "Sessions"
            ],
            "summary": "Erase a session",
            "description": "Right to erasure: deletes the session, its transcripts, its runs (child runs included) with their journals and events, and the session's file workspace. Owner or admin only.",
            "responses": {
              "204": {
                "description": "Erased. No body.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          }
        },
        "/sessions/{id}/messages": {
          "parameters": [
            {
              "$ref": "#/components/parameters/SessionID"
            }
          ],
          "get": {
            "operationId": "getSessionMessages",
            "tags": [
              "Sessions"
            ],
            "summary": "A session's transcript",
            "description": "The transcript one agent keeps in the session (each agent keeps its own): the chat agent's by default, or `?agent=NAME`. An agent without a transcript gives an empty list. Owner or admin only.",
            "parameters": [
              {
                "name": "agent",
                "in": "query",
                "required": false,
                "description": "Whose transcript. Default: the server's chat agent.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The transcript.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/SessionMessages"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          }
        },
        "/v1/models": {
          "get": {
            "operationId": "listModels",
            "tags": [
              "OpenAI-compatible"
            ],
            "summary": "Agents as OpenAI models",
            "description": "The agents the caller may run, in the OpenAI models-list shape: published agents, plus drafts for admins and developers.",
            "responses": {
              "200": {
                "description": "The models.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ModelList"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            }
          }
        },
        "/v1/chat/completions": {
          "post": {
            "operationId": "createChatCompletion",
            "tags": [
              "OpenAI-compatible"
            ],
            "summary": "Run an agent as an OpenAI chat completion",
            "description": "Runs the agent named by `model` with the last user message as its question and the messages before it as history. No session is used.\n\nNon-streaming: waits up to the run timeout and answers a `chat.completion` (header `X-Aviary-Run-ID`); a run that does not complete maps to 409/502/503 like `/chat`, and 504 after the run timeout (the run continues).\n\nStreaming (`stream: true`): `text/event-stream` of `data: <chat.completion.chunk>` frames — a role chunk, one content chunk per model text delta, `: keep-alive` comments while tools work, a finish chunk (`finish_reason: \"stop\"`), the usage chunk when `stream_options.include_usage` is true, then `data: [DONE]`. A run that does not complete ends with a `data: {\"error\":…}` frame (`ChatCompletionStreamError`) and `data: [DONE]`. Errors detected before the stream starts (validation, unknown agent, 429, 503) are ordinary JSON error responses.",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ChatCompletionRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "A `chat.completion` (non-streaming) or a stream of `chat.completion.chunk` frames (`stream: true`).",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "X-Aviary-Run-ID": {
                    "$ref": "#/components/headers/XAviaryRunID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ChatCompletion"
                    }
                  },
                  "text/event-stream": {
                    "schema": {
                      "type": "string",
                      "description": "`data: <JSON>` frames of `ChatCompletionChunk` (or one `ChatCompletionStreamError`), `: keep-alive` comments, and a final `data: [DONE]`."
                    },
                    "example": "data: {\"choices\":[{\"delta\":{\"content\":\"\",\"refusal\":null,\"role\":\"assistant\"},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],\"created\":1736936463,\"id\":\"chatcmpl-run_4kq2m7x0c3v9b8n1d5f6g7h2j3\",\"model\":\"router\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"aviary\"}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"Order 1042 \"},\"finish_reason\":null,\"index\":0,\"logprobs\":null}],\"created\":1736936463,\"id\":\"chatcmpl-run_4kq2m7x0c3v9b8n1d5f6g7h2j3\",\"model\":\"router\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"aviary\"}\n\n: keep-alive\n\ndata: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"index\":0,\"logprobs\":null}],\"created\":1736936463,\"id\":\"chatcmpl-run_4kq2m7x0c3v9b8n1d5f6g7h2j3\",\"model\":\"router\",\"object\":\"chat.completion.chunk\",\"system_fingerprint\":\"aviary\"}\n\ndata: [DONE]\n\n"
                  }
                }
              },
              "400": {
                "description": "Malformed request: invalid JSON, `model` or `messages` missing, a message with an unsupported role or content, a last message that is not from the user (`invalid_field`), non-text content parts or client-side `tools` (`unsupported`).",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "missing_field": {
                        "value": {
                          "error": {
                            "code": "missing_field",
                            "message": "field 'messages' is required and must not be empty"
                          }
                        }
                      },
                      "invalid_field": {
                        "value": {
                          "error": {
                            "code": "invalid_field",
                            "message": "the last message must have role 'user': it is the question for the agent"
                          }
                        }
                      },
                      "unsupported": {
                        "value": {
                          "error": {
                            "code": "unsupported",
                            "message": "client-side tools are not supported: the agent 'router' brings its own tools"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "404": {
                "$ref": "#/components/responses/UnknownAgent"
              },
              "409": {
                "$ref": "#/components/responses/RunNotCompleted"
              },
              "413": {
                "$ref": "#/components/responses/BodyTooLarge"
              },
              "429": {
                "$ref": "#/components/responses/RateLimitedOrTooManyRuns"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "502": {
                "$ref": "#/components/responses/RunFailed"
              },
              "503": {
                "$ref": "#/components/responses/ShuttingDown"
              },
              "504": {
                "$ref": "#/components/responses/RunTimeout"
              }
            }
          }
        },
        "/api/v1/runs": {
          "get": {
            "operationId": "listRuns",
            "tags": [
              "Runs"
            ],
            "summary": "List runs",
            "description": "Runs of the caller's tenant, newest first, delegated child runs included. Non-admins see only the runs they started; admins see every principal's runs, or one principal's with `?principal=`.",
            "parameters": [
              {
                "name": "session_id",
                "in": "query",
                "required": false,
                "description": "Only runs of this session.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Only runs in this status.",
                "schema": {
                  "$ref": "#/components/schemas/RunStatus"
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "description": "At most this many (1–500).",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 500,
                  "default": 50
                }
              },
              {
                "name": "principal",
                "in": "query",
                "required": false,
                "description": "Admins only: only runs started by this principal. Ignored for other roles.",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The runs.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/RunList"
                    },
                    "example": {
                      "runs": [
                        {
                          "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                          "agent": "router",
                          "status": "completed",
                          "principal": "key-user",
                          "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
                          "input": {
                            "question": "Where is my order 1042?"
                          },
                          "output": "Order 1042 shipped yesterday.",
                          "usage": {
                            "input_tokens": 1234,
                            "output_tokens": 87,
                            "total_tokens": 1321,
                            "cost_usd": 0.00041
                          },
                          "created_at": "2025-01-15T10:21:03.512Z",
                          "updated_at": "2025-01-15T10:21:06.004Z"
                        }
                      ]
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          }
        },
        "/api/v1/runs/{id}": {
          "parameters": [
            {
              "$ref": "#/components/parameters/RunID"
            }
          ],
          "get": {
            "operationId": "getRun",
            "tags": [
              "Runs"
            ],
            "summary": "A run",
            "description": "A run of the caller's tenant. Only its owner (the principal that started it) or an admin may read it.",
            "responses": {
              "200": {
                "description": "The run.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Run"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          }
        },
        "/api/v1/runs/{id}/events": {
          "parameters": [
            {
              "$ref": "#/components/parameters/RunID"
            }
          ],
          "get": {
            "operationId": "streamRunEvents",
            "tags": [
              "Runs"
            ],
            "summary": "A run's events (Server-Sent Events)",
            "description": "Replays the run's stored events after the cursor, then tails live ones until the run's execution ends. The cursor is the `Last-Event-ID` header (sent automatically by EventSource clients when they reconnect) or else `?after=`; default 0 (from the start). Runs executing in another process are followed by re-reading the store every second. Owner or admin only.",
            "parameters": [
              {
                "name": "Last-Event-ID",
                "in": "header",
                "required": false,
                "description": "Resume after this event sequence number (a non-negative integer). Takes precedence over `after`.",
                "schema": {
                  "type": "string",
                  "pattern": "^[0-9]+$"
                }
              },
              {
                "name": "after",
                "in": "query",
                "required": false,
                "description": "Same as `Last-Event-ID`, for clients that cannot set headers.",
                "schema": {
                  "type": "integer",
                  "minimum": 0
                }
              },
              {
                "name": "follow",
                "in": "query",
                "required": false,
                "description": "`false`: send the stored events (and those the server holds for the current execution), then close. Any other value, or absent: keep streaming live events.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "true",
                    "false"
                  ],
                  "default": "true"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Server-Sent Events. Each run event is one frame:\n\n```\nid: 7\nevent: tool.finished\ndata: {\"run_id\":\"run_…\",\"sequence\":7,\"kind\":\"tool.finished\",\"timestamp\":\"…\",\"data\":{…}}\n\n```\n\n`id` is the event's sequence (absent for transient `model.delta` events), `event` its kind, `data` the event as JSON (schema `RunEvent`). Stored events after the cursor come first, in sequence order, then live events. Comment frames `: heartbeat` are sent every `server.heartbeat_seconds` (default 15) while idle. The stream ends after an event that ends the run's execution (`run.finished`, `run.failed`, `run.cancelled`, `run.needs_attention`, `run.interrupted`) once the run no longer executes, or right after the stored events with `?follow=false`. Reconnect with `Last-Event-ID` to continue without duplicates.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  },
                  "Cache-Control": {
                    "description": "`no-cache`",
                    "schema": {
                      "type": "string"
                    }
                  },
                  "X-Accel-Buffering": {
                    "description": "`no` (tells nginx not to buffer the stream)",
                    "schema": {
                      "type": "string"
                    }
                  }
                },
                "content": {
                  "text/event-stream": {
                    "schema": {
                      "type": "string"
                    },
                    "example": "id: 1\nevent: run.started\ndata: {\"data\":{\"agent\":\"router\",\"input\":{\"question\":\"hi\"}},\"kind\":\"run.started\",\"run_id\":\"run_4kq2m7x0c3v9b8n1d5f6g7h2j3\",\"sequence\":1,\"timestamp\":\"2025-01-15T10:21:03.520Z\"}\n\n: heartbeat\n\nid: 4\nevent: run.finished\ndata: {\"data\":{\"output\":\"Hello!\",\"usage\":{\"cost_usd\":0.0001,\"input_tokens\":120,\"output_tokens\":5,\"requests\":1}},\"kind\":\"run.finished\",\"run_id\":\"run_4kq2m7x0c3v9b8n1d5f6g7h2j3\",\"sequence\":4,\"timestamp\":\"2025-01-15T10:21:04.880Z\"}\n\n"
                  }
                }
              },
              "400": {
                "description": "`Last-Event-ID` / `after` is not a non-negative integer.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "invalid_last_event_id": {
                        "value": {
                          "error": {
                            "code": "invalid_last_event_id",
                            "message": "Last-Event-ID must be an event sequence number"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            }
          }
        },
        "/api/v1/runs/{id}/resume": {
          "parameters": [
            {
              "$ref": "#/components/parameters/RunID"
            }
          ],
          "post": {
            "operationId": "resumeRun",
            "tags": [
              "Runs"
            ],
            "summary": "Resume a run",
            "description": "Continues an interrupted, failed or needs-attention run from its journal: completed steps are replayed from the journal, not repeated. A `needs_attention` run requires a `decision`. Answers 202 at once (follow the events), or with `\"wait\": true` the run after its resumed execution ends (in whatever status, up to the run timeout). Owner or admin only; takes one of the tenant's run slots.",
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ResumeRequest"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "With `wait: true`: the run after the resumed execution ended (any status).",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Run"
                    }
                  }
                }
              },
              "202": {
                "description": "Resume accepted; the run executes in the background. `run.status` is `running`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ResumeAccepted"
                    },
                    "example": {
                      "run": {
                        "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                        "agent": "router",
                        "status": "running",
                        "principal": "key-user",
                        "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
                        "input": {
                          "question": "Where is my order 1042?"
                        },
                        "usage": {
                          "input_tokens": 1234,
                          "output_tokens": 87,
                          "total_tokens": 1321,
                          "cost_usd": 0.00041
                        },
                        "created_at": "2025-01-15T10:21:03.512Z",
                        "updated_at": "2025-01-15T10:21:06.004Z"
                      },
                      "events": "/api/v1/runs/run_4kq2m7x0c3v9b8n1d5f6g7h2j3/events"
                    }
                  }
                }
              },
              "400": {
                "description": "Invalid body, an invalid `decision`, or a `needs_attention` run without a decision.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "invalid_json": {
                        "value": {
                          "error": {
                            "code": "invalid_json",
                            "message": "the request body is not valid JSON: …"
                          }
                        }
                      },
                      "invalid_field": {
                        "value": {
                          "error": {
                            "code": "invalid_field",
                            "message": "decision must be \"retry\", \"fail\" or {\"skip_with\": value}"
                          }
                        }
                      },
                      "decision_required": {
                        "value": {
                          "error": {
                            "code": "decision_required",
                            "message": "run run_… needs attention: send {\"decision\": \"retry\" | \"fail\" | {\"skip_with\": value}}"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "description": "No such run in the caller's tenant (`not_found`), or (with `wait: true`) the run's agent is no longer defined (`unknown_agent`).",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "not_found": {
                        "value": {
                          "error": {
                            "code": "not_found",
                            "message": "run not found"
                          }
                        }
                      },
                      "unknown_agent": {
                        "value": {
                          "error": {
                            "code": "unknown_agent",
                            "message": "run run_… uses agent 'x', which this project no longer defines"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "409": {
                "description": "The run is `completed` or `cancelled`, or it is executing.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "conflict": {
                        "value": {
                          "error": {
                            "code": "conflict",
                            "message": "run run_… is executing"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "413": {
                "$ref": "#/components/responses/BodyTooLarge"
              },
              "429": {
                "$ref": "#/components/responses/RateLimitedOrTooManyRuns"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/ShuttingDown"
              },
              "504": {
                "$ref": "#/components/responses/RunTimeout"
              }
            }
          }
        },
        "/api/v1/runs/{id}/cancel": {
          "parameters": [
            {
              "$ref": "#/components/parameters/RunID"
            }
          ],
          "post": {
            "operationId": "cancelRun",
            "tags": [
              "Runs"
            ],
            "summary": "Cancel a run",
            "description": "A run executing in this process is asked to stop at its next step boundary and ends `cancelled` (202; watch the events for `run.cancelled`). A run that is not executing here and not final (interrupted, needs attention, failed, …) is recorded `cancelled` at once (200). Owner or admin only. No body.",
            "responses": {
              "200": {
                "description": "The idle run, now cancelled.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Run"
                    },
                    "example": {
                      "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                      "agent": "router",
                      "status": "cancelled",
                      "principal": "key-user",
                      "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
                      "input": {
                        "question": "Where is my order 1042?"
                      },
                      "usage": {
                        "input_tokens": 1234,
                        "output_tokens": 87,
                        "total_tokens": 1321,
                        "cost_usd": 0.00041
                      },
                      "created_at": "2025-01-15T10:21:03.512Z",
                      "updated_at": "2025-01-15T10:21:06.004Z",
                      "error": "cancelled"
                    }
                  }
                }
              },
              "202": {
                "description": "Cancellation requested; the run stops at its next step boundary.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/CancelAccepted"
                    },
                    "example": {
                      "run_id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                      "status": "cancelling"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "403": {
                "$ref": "#/components/responses/Forbidden"
              },
              "404": {
                "$ref": "#/components/responses/NotFound"
              },
              "409": {
                "description": "The run is already `completed` or `cancelled`.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "examples": {
                      "conflict": {
                        "value": {
                          "error": {
                            "code": "conflict",
                            "message": "run run_… is completed and cannot be cancelled"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              },
              "504": {
                "$ref": "#/components/responses/RequestTimeout"
              }
            }
          }
        },
        "/api/v1/agents": {
          "get": {
            "operationId": "listAgents",
            "tags": [
              "Agents"
            ],
            "summary": "The agent registry",
            "description": "The project's agents, sorted by name, filtered by the query. Drafts are listed only for admins and developers.",
            "parameters": [
              {
                "name": "capability",
                "in": "query",
                "required": false,
                "description": "Only agents with this capability.",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "cost_tier",
                "in": "query",
                "required": false,
                "description": "Only agents of this cost tier.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "low",
                    "medium",
                    "high"
                  ]
                }
              },
              {
                "name": "status",
                "in": "query",
                "required": false,
                "description": "Only drafts or only published agents.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "draft",
                    "published"
                  ]
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The agents.",
                "headers": {
                  "X-Request-ID": {
                    "$ref": "#/components/headers/XRequestID"
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/AgentList"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/BadRequest"
              },
              "401": {
                "$ref": "#/components/responses/Unauthorized"
              },
              "429": {
                "$ref": "#/components/responses/RateLimited"
              },
              "500": {
                "$ref": "#/components/responses/InternalError"
              },
              "503": {
                "$ref": "#/components/responses/Unavailable"
              }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearerAuth": {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "API key (avk_<id>_<secret>) or JWT",
            "description": "`Authorization: Bearer avk_…` (an API key from `aviary keys create`) or `Authorization: Bearer <JWT>` (HS256/RS256; needs `server.jwt`)."
          },
          "apiKeyHeader": {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "`X-API-Key: avk_…`. Takes precedence over `Authorization` when both are sent."
          }
        },
        "schemas": {
          "Error": {
            "type": "object",
            "required": [
              "error"
            ],
            "additionalProperties": false,
            "description": "Every error response: an HTTP status and this body. Never a stack trace.",
            "properties": {
              "error": {
                "type": "object",
                "required": [
                  "code",
                  "message"
                ],
                "properties": {
                  "code": {
                    "type": "string",
                    "description": "Stable machine-readable code. 400: `invalid_json`, `missing_field`, `invalid_field`, `invalid_query`, `invalid_last_event_id`, `decision_required`, `unsupported`; 401: `unauthorized`; 403: `forbidden`; 404: `not_found` (also for unknown paths and wrong methods), `unknown_agent`; 409: `conflict`, `needs_attention`, `cancelled`; 413: `body_too_large`; 429: `rate_limited`, `too_many_runs`; 500: `internal_error`, `runtime_error`; 502: `run_failed`; 503: `shutting_down`, `auth_unavailable`; 504: `timeout`.",
                    "examples": [
                      "missing_field"
                    ]
                  },
                  "message": {
                    "type": "string",
                    "description": "Human-readable explanation, safe to show to the caller."
                  }
                }
              }
            },
            "example": {
              "error": {
                "code": "missing_field",
                "message": "field 'question' is required"
              }
            }
          },
          "Usage": {
            "type": "object",
            "description": "Token and cost totals (the `metadata` of `/chat`, a run's `usage`, a session's `metadata`).",
            "required": [
              "input_tokens",
              "output_tokens",
              "total_tokens",
              "cost_usd"
            ],
            "properties": {
              "input_tokens": {
                "type": "integer",
                "minimum": 0
              },
              "output_tokens": {
                "type": "integer",
                "minimum": 0
              },
              "total_tokens": {
                "type": "integer",
                "minimum": 0,
                "description": "input_tokens + output_tokens"
              },
              "cost_usd": {
                "type": "number",
                "minimum": 0
              }
            },
            "example": {
              "input_tokens": 1234,
              "output_tokens": 87,
              "total_tokens": 1321,
              "cost_usd": 0.00041
            }
          },
          "RunStatus": {
            "type": "string",
            "enum": [
              "pending",
              "running",
              "waiting",
              "needs_attention",
              "completed",
              "failed",
              "cancelled",
              "interrupted"
            ],
            "description": "`completed`, `failed` and `cancelled` are final. `interrupted` (stopped at a step boundary by a graceful shutdown), `needs_attention` (a non-idempotent step was interrupted mid-call; a human decides) and `failed` can be resumed."
          },
          "Run": {
            "type": "object",
            "description": "A run as the API shows it. Optional fields are omitted when empty.",
            "required": [
              "id",
              "agent",
              "status",
              "principal",
              "input",
              "usage",
              "created_at",
              "updated_at"
            ],
            "properties": {
              "id": {
                "type": "string",
                "description": "`run_` + 26 base-32 characters; delegated child runs have `<parent id>.<step key>`."
              },
              "agent": {
                "type": "string"
              },
              "status": {
                "$ref": "#/components/schemas/RunStatus"
              },
              "principal": {
                "type": "string",
                "description": "The principal that started the run (its owner)."
              },
              "session_id": {
                "type": "string"
              },
              "parent_run_id": {
                "type": "string",
                "description": "Set on delegated child runs."
              },
              "input": {
                "description": "The run's input, e.g. `{\"question\": …}` (plus `history` for OpenAI-facade runs)."
              },
              "output": {
                "description": "The final output: text, or JSON for agents with an output schema."
              },
              "error": {
                "type": "string",
                "description": "Why the run failed, needs attention, was interrupted or cancelled."
              },
              "usage": {
                "$ref": "#/components/schemas/Usage"
              },
              "created_at": {
                "type": "string",
                "format": "date-time"
              },
              "updated_at": {
                "type": "string",
                "format": "date-time"
              }
            },
            "example": {
              "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
              "agent": "router",
              "status": "completed",
              "principal": "key-user",
              "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
              "input": {
                "question": "Where is my order 1042?"
              },
              "output": "Order 1042 shipped yesterday.",
              "usage": {
                "input_tokens": 1234,
                "output_tokens": 87,
                "total_tokens": 1321,
                "cost_usd": 0.00041
              },
              "created_at": "2025-01-15T10:21:03.512Z",
              "updated_at": "2025-01-15T10:21:06.004Z"
            }
          },
          "RunList": {
            "type": "object",
            "required": [
              "runs"
            ],
            "properties": {
              "runs": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Run"
                },
                "description": "Newest first."
              }
            }
          },
          "RunEventKind": {
            "type": "string",
            "enum": [
              "run.started",
              "run.resumed",
              "run.finished",
              "run.failed",
              "run.needs_attention",
              "run.cancelled",
              "run.interrupted",
              "model.request",
              "model.response",
              "model.failed",
              "model.delta",
              "reasoning.step",
              "tool.started",
              "tool.finished",
              "tool.failed",
              "delegation.started",
              "delegation.finished",
              "guardrail.verdict",
              "checkpoint"
            ],
            "description": "`run.finished`, `run.failed`, `run.cancelled`, `run.needs_attention` and `run.interrupted` end one execution of a run (the first three are final). `model.delta` is transient: delivered live only, never stored, no sequence. `guardrail.verdict` and `checkpoint` are reserved. The `data` of each kind is documented in docs/events.md."
          },
          "RunEvent": {
            "type": "object",
            "description": "One run event: the JSON in an SSE `data:` line.",
            "required": [
              "run_id",
              "kind",
              "timestamp",
              "data"
            ],
            "properties": {
              "run_id": {
                "type": "string",
                "description": "Child-run events are streamed on the child's own id."
              },
              "sequence": {
                "type": "integer",
                "minimum": 1,
                "description": "Position in the run's event log (1-based, gap-free per run). Absent on transient events (`model.delta`)."
              },
              "kind": {
                "$ref": "#/components/schemas/RunEventKind"
              },
              "timestamp": {
                "type": "string",
                "format": "date-time"
              },
              "data": {
                "type": "object",
                "description": "Kind-specific details, e.g. `run.started`: `agent`, `input`, `parent_run_id`; `run.finished`: `output`, `usage`; `run.failed`/`run.needs_attention`/`run.interrupted`: `error`; `model.delta`: `step`, `text`; `tool.started`: `call_id`, `name`, `arguments`, `step`."
              }
            },
            "example": {
              "run_id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
              "sequence": 7,
              "kind": "tool.finished",
              "timestamp": "2025-01-15T10:21:05.120Z",
              "data": {
                "call_id": "call_1",
                "name": "lookup_order",
                "output": "{\"status\":\"shipped\"}",
                "duration_ms": 12.4
              }
            }
          },
          "ResumeRequest": {
            "type": "object",
            "description": "Optional body of a resume. Without a body the run is resumed with no decision.",
            "properties": {
              "decision": {
                "description": "Required when the run is `needs_attention`: `\"retry\"` re-runs the interrupted step, `\"fail\"` fails the run, `{\"skip_with\": value}` skips the step using `value` as its result. `null` is the same as absent.",
                "oneOf": [
                  {
                    "type": "string",
                    "enum": [
                      "retry",
                      "fail"
                    ]
                  },
                  {
                    "type": "object",
                    "required": [
                      "skip_with"
                    ],
                    "properties": {
                      "skip_with": {
                        "description": "Any JSON value: the skipped step's result."
                      }
                    }
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "wait": {
                "type": "boolean",
                "default": false,
                "description": "Wait for the resumed execution to end (up to the run timeout) and answer with the run."
              }
            },
            "example": {
              "decision": {
                "skip_with": "refund issued manually"
              },
              "wait": true
            }
          },
          "ResumeAccepted": {
            "type": "object",
            "required": [
              "run",
              "events"
            ],
            "properties": {
              "run": {
                "$ref": "#/components/schemas/Run"
              },
              "events": {
                "type": "string",
                "description": "Path of the run's event stream.",
                "examples": [
                  "/api/v1/runs/run_4kq2m7x0c3v9b8n1d5f6g7h2j3/events"
                ]
              }
            }
          },
          "CancelAccepted": {
            "type": "object",
            "required": [
              "run_id",
              "status"
            ],
            "properties": {
              "run_id": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "const": "cancelling"
              }
            }
          },
          "Agent": {
            "type": "object",
            "required": [
              "name",
              "description",
              "kind",
              "capabilities",
              "cost_tier",
              "tools",
              "version",
              "status"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "description": {
                "type": "string"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "simple",
                  "react",
                  "planner"
                ]
              },
              "capabilities": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "cost_tier": {
                "type": "string",
                "enum": [
                  "low",
                  "medium",
                  "high"
                ]
              },
              "tools": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "version": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "draft",
                  "published"
                ]
              },
              "model": {
                "type": "string",
                "description": "Present when the agent names a model."
              },
              "output_schema": {
                "description": "Present for agents with structured output (a JSON Schema)."
              }
            },
            "example": {
              "name": "support",
              "description": "Answers order and account questions.",
              "kind": "react",
              "capabilities": [
                "orders",
                "refunds"
              ],
              "cost_tier": "low",
              "tools": [
                "sql_query",
                "read_file"
              ],
              "version": "1",
              "status": "published",
              "model": "openai/gpt-4o-mini"
            }
          },
          "AgentList": {
            "type": "object",
            "required": [
              "agents"
            ],
            "properties": {
              "agents": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Agent"
                },
                "description": "Sorted by name."
              }
            }
          },
          "Session": {
            "type": "object",
            "required": [
              "sessionId",
              "userId",
              "turns",
              "agents",
              "metadata",
              "createdAt",
              "updatedAt"
            ],
            "properties": {
              "sessionId": {
                "type": "string"
              },
              "userId": {
                "type": "string"
              },
              "turns": {
                "type": "integer",
                "minimum": 0
              },
              "agents": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Agents that keep a transcript in this session."
              },
              "metadata": {
                "$ref": "#/components/schemas/Usage"
              },
              "createdAt": {
                "type": "string",
                "format": "date-time"
              },
              "updatedAt": {
                "type": "string",
                "format": "date-time"
              }
            },
            "example": {
              "sessionId": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
              "userId": "alice",
              "turns": 2,
              "agents": [
                "router",
                "support"
              ],
              "metadata": {
                "input_tokens": 1234,
                "output_tokens": 87,
                "total_tokens": 1321,
                "cost_usd": 0.00041
              },
              "createdAt": "2025-01-15T10:20:01.000Z",
              "updatedAt": "2025-01-15T10:21:06.004Z"
            }
          },
          "ToolCall": {
            "type": "object",
            "required": [
              "id",
              "name",
              "arguments"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "arguments": {
                "description": "The call's JSON arguments."
              }
            }
          },
          "ToolResult": {
            "type": "object",
            "required": [
              "call_id",
              "name",
              "content",
              "is_error"
            ],
            "properties": {
              "call_id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "content": {
                "type": "string"
              },
              "is_error": {
                "type": "boolean"
              }
            }
          },
          "Message": {
            "type": "object",
            "required": [
              "role",
              "content"
            ],
            "description": "A transcript message.",
            "properties": {
              "role": {
                "type": "string",
                "enum": [
                  "system",
                  "user",
                  "assistant",
                  "tool"
                ]
              },
              "content": {
                "type": "string",
                "description": "The message's text parts, concatenated (may be empty)."
              },
              "tool_calls": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ToolCall"
                },
                "description": "Present on assistant messages that call tools."
              },
              "tool_results": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ToolResult"
                },
                "description": "Present on tool messages."
              }
            }
          },
          "SessionMessages": {
            "type": "object",
            "required": [
              "sessionId",
              "agent",
              "messages"
            ],
            "properties": {
              "sessionId": {
                "type": "string"
              },
              "agent": {
                "type": "string"
              },
              "messages": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Message"
                },
                "description": "Oldest first."
              }
            },
            "example": {
              "sessionId": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
              "agent": "router",
              "messages": [
                {
                  "role": "user",
                  "content": "Where is my order 1042?"
                },
                {
                  "role": "assistant",
                  "content": "",
                  "tool_calls": [
                    {
                      "id": "call_1",
                      "name": "support",
                      "arguments": {
                        "question": "status of order 1042"
                      }
                    }
                  ]
                },
                {
                  "role": "tool",
                  "content": "",
                  "tool_results": [
                    {
                      "call_id": "call_1",
                      "name": "support",
                      "content": "shipped yesterday",
                      "is_error": false
                    }
                  ]
                },
                {
                  "role": "assistant",
                  "content": "Order 1042 shipped yesterday."
                }
              ]
            }
          },
          "ChatRequest": {
            "type": "object",
            "required": [
              "question"
            ],
            "properties": {
              "question": {
                "type": "string",
                "minLength": 1
              },
              "userId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "The end user the session belongs to. Default: the caller's principal. A `user`-role caller may only send its own principal."
              },
              "sessionId": {
                "type": [
                  "string",
                  "null"
                ],
                "description": "Continue this session. An empty, unknown or inaccessible id silently starts a new session."
              }
            },
            "example": {
              "userId": "alice",
              "question": "Where is my order 1042?",
              "sessionId": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4"
            }
          },
          "ChatResponse": {
            "type": "object",
            "required": [
              "sessionId",
              "response",
              "runId",
              "metadata"
            ],
            "properties": {
              "sessionId": {
                "type": "string"
              },
              "response": {
                "type": "string",
                "description": "The agent's answer (JSON text for structured-output agents)."
              },
              "runId": {
                "type": "string"
              },
              "metadata": {
                "$ref": "#/components/schemas/Usage"
              }
            },
            "example": {
              "sessionId": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
              "response": "Order 1042 shipped yesterday.",
              "runId": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
              "metadata": {
                "input_tokens": 1234,
                "output_tokens": 87,
                "total_tokens": 1321,
                "cost_usd": 0.00041
              }
            }
          },
          "Health": {
            "type": "object",
            "required": [
              "status"
            ],
            "properties": {
              "status": {
                "type": "string",
                "const": "ok"
              }
            }
          },
          "Readiness": {
            "type": "object",
            "required": [
              "status",
              "checks"
            ],
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "ready",
                  "degraded",
                  "unavailable"
                ]
              },
              "checks": {
                "type": "object",
                "description": "One entry per check: `store`, and `provider:<name>` for each model provider the agents use.",
                "additionalProperties": {
                  "type": "object",
                  "required": [
                    "status",
                    "detail"
                  ],
                  "properties": {
                    "status": {
                      "type": "string",
                      "enum": [
                        "ok",
                        "degraded",
                        "failed"
                      ]
                    },
                    "detail": {
                      "type": "string"
                    }
                  }
                }
              }
            },
            "example": {
              "status": "ready",
              "checks": {
                "store": {
                  "status": "ok",
                  "detail": "reachable"
                },
                "provider:openai": {
                  "status": "ok",
                  "detail": "reachable at https://api.openai.com/v1"
                }
              }
            }
          },
          "Model": {
            "type": "object",
            "required": [
              "id",
              "object",
              "created",
              "owned_by",
              "description"
            ],
            "properties": {
              "id": {
                "type": "string",
                "description": "The agent name: use it as `model`."
              },
              "object": {
                "type": "string",
                "const": "model"
              },
              "created": {
                "type": "integer",
                "const": 0
              },
              "owned_by": {
                "type": "string",
                "const": "aviary"
              },
              "description": {
                "type": "string"
              }
            }
          },
          "ModelList": {
            "type": "object",
            "required": [
              "object",
              "data"
            ],
            "properties": {
              "object": {
                "type": "string",
                "const": "list"
              },
              "data": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Model"
                }
              }
            },
            "example": {
              "object": "list",
              "data": [
                {
                  "id": "router",
                  "object": "model",
                  "created": 0,
                  "owned_by": "aviary",
                  "description": "Routes questions to specialist agents."
                }
              ]
            }
          },
          "ChatCompletionMessage": {
            "type": "object",
            "required": [
              "role"
            ],
            "properties": {
              "role": {
                "type": "string",
                "enum": [
                  "system",
                  "developer",
                  "user",
                  "assistant"
                ],
                "description": "`developer` is treated as `system`; `tool` messages are not supported."
              },
              "content": {
                "description": "Text, or an array of text parts; `null` or absent is empty text.",
                "oneOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "null"
                  },
                  {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "type",
                        "text"
                      ],
                      "properties": {
                        "type": {
                          "type": "string",
                          "const": "text"
                        },
                        "text": {
                          "type": "string"
                        }
                      }
                    }
                  }
                ]
              },
              "name": {
                "type": "string",
                "description": "Accepted and ignored."
              }
            }
          },
          "ChatCompletionRequest": {
            "type": "object",
            "required": [
              "model",
              "messages"
            ],
            "description": "Other OpenAI fields (temperature, max_tokens, …) are accepted and ignored; the agent's own settings apply.",
            "properties": {
              "model": {
                "type": "string",
                "minLength": 1,
                "description": "The agent to run (see `GET /v1/models`)."
              },
              "messages": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionMessage"
                },
                "description": "The last message must have role `user`: it is the agent's question; the messages before it are passed as history."
              },
              "stream": {
                "type": [
                  "boolean",
                  "null"
                ],
                "default": false
              },
              "stream_options": {
                "type": [
                  "object",
                  "null"
                ],
                "properties": {
                  "include_usage": {
                    "type": "boolean",
                    "default": false,
                    "description": "Send a final chunk with `usage` and empty `choices` (every other chunk then carries `\"usage\": null`)."
                  }
                }
              },
              "tools": {
                "type": [
                  "array",
                  "null"
                ],
                "maxItems": 0,
                "description": "Client-side tools are not supported (400 `unsupported` when non-empty): the agent brings its own tools."
              }
            },
            "example": {
              "model": "router",
              "messages": [
                {
                  "role": "system",
                  "content": "Answer briefly."
                },
                {
                  "role": "user",
                  "content": "Where is my order 1042?"
                }
              ],
              "stream": false
            }
          },
          "CompletionUsage": {
            "type": "object",
            "required": [
              "prompt_tokens",
              "completion_tokens",
              "total_tokens"
            ],
            "properties": {
              "prompt_tokens": {
                "type": "integer"
              },
              "completion_tokens": {
                "type": "integer"
              },
              "total_tokens": {
                "type": "integer"
              }
            }
          },
          "ChatCompletion": {
            "type": "object",
            "required": [
              "id",
              "object",
              "created",
              "model",
              "choices",
              "usage",
              "system_fingerprint"
            ],
            "properties": {
              "id": {
                "type": "string",
                "description": "`chatcmpl-` + the run id."
              },
              "object": {
                "type": "string",
                "const": "chat.completion"
              },
              "created": {
                "type": "integer"
              },
              "model": {
                "type": "string"
              },
              "choices": {
                "type": "array",
                "minItems": 1,
                "maxItems": 1,
                "items": {
                  "type": "object",
                  "required": [
                    "index",
                    "message",
                    "logprobs",
                    "finish_reason"
                  ],
                  "properties": {
                    "index": {
                      "type": "integer",
                      "const": 0
                    },
                    "message": {
                      "type": "object",
                      "required": [
                        "role",
                        "content",
                        "refusal"
                      ],
                      "properties": {
                        "role": {
                          "type": "string",
                          "const": "assistant"
                        },
                        "content": {
                          "type": "string"
                        },
                        "refusal": {
                          "type": "null"
                        }
                      }
                    },
                    "logprobs": {
                      "type": "null"
                    },
                    "finish_reason": {
                      "type": "string",
                      "const": "stop"
                    }
                  }
                }
              },
              "usage": {
                "$ref": "#/components/schemas/CompletionUsage"
              },
              "system_fingerprint": {
                "type": "string",
                "const": "aviary"
              }
            },
            "example": {
              "id": "chatcmpl-run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
              "object": "chat.completion",
              "created": 1736936463,
              "model": "router",
              "choices": [
                {
                  "index": 0,
                  "message": {
                    "role": "assistant",
                    "content": "Order 1042 shipped yesterday.",
                    "refusal": null
                  },
                  "logprobs": null,
                  "finish_reason": "stop"
                }
              ],
              "usage": {
                "prompt_tokens": 1234,
                "completion_tokens": 87,
                "total_tokens": 1321
              },
              "system_fingerprint": "aviary"
            }
          },
          "ChatCompletionChunk": {
            "type": "object",
            "required": [
              "id",
              "object",
              "created",
              "model",
              "choices",
              "system_fingerprint"
            ],
            "description": "One `data:` frame of a streaming completion.",
            "properties": {
              "id": {
                "type": "string"
              },
              "object": {
                "type": "string",
                "const": "chat.completion.chunk"
              },
              "created": {
                "type": "integer"
              },
              "model": {
                "type": "string"
              },
              "choices": {
                "type": "array",
                "maxItems": 1,
                "description": "Empty only in the final usage chunk.",
                "items": {
                  "type": "object",
                  "required": [
                    "index",
                    "delta",
                    "logprobs",
                    "finish_reason"
                  ],
                  "properties": {
                    "index": {
                      "type": "integer",
                      "const": 0
                    },
                    "delta": {
                      "type": "object",
                      "description": "First chunk: `{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}`; then `{\"content\": text}` per model delta; last: `{}`.",
                      "properties": {
                        "role": {
                          "type": "string",
                          "const": "assistant"
                        },
                        "content": {
                          "type": "string"
                        },
                        "refusal": {
                          "type": "null"
                        }
                      }
                    },
                    "logprobs": {
                      "type": "null"
                    },
                    "finish_reason": {
                      "type": [
                        "string",
                        "null"
                      ],
                      "enum": [
                        "stop",
                        null
                      ]
                    }
                  }
                }
              },
              "usage": {
                "description": "Only with `stream_options.include_usage`: `null`, except in the final usage chunk.",
                "oneOf": [
                  {
                    "$ref": "#/components/schemas/CompletionUsage"
                  },
                  {
                    "type": "null"
                  }
                ]
              },
              "system_fingerprint": {
                "type": "string",
                "const": "aviary"
              }
            }
          },
          "ChatCompletionStreamError": {
            "type": "object",
            "required": [
              "error"
            ],
            "description": "Sent as a `data:` frame (then `data: [DONE]`) when a streamed run does not complete.",
            "properties": {
              "error": {
                "type": "object",
                "required": [
                  "message",
                  "type",
                  "param",
                  "code"
                ],
                "properties": {
                  "message": {
                    "type": "string"
                  },
                  "type": {
                    "type": "string",
                    "const": "run_failed"
                  },
                  "param": {
                    "type": "null"
                  },
                  "code": {
                    "type": "string",
                    "description": "The run's status (`failed`, `needs_attention`, `cancelled`, `interrupted`…), or `timeout`."
                  }
                }
              }
            },
            "example": {
              "error": {
                "message": "run run_4kq2m7x0c3v9b8n1d5f6g7h2j3 failed: model error",
                "type": "run_failed",
                "param": null,
                "code": "failed"
              }
            }
          }
        },
        "responses": {
          "BadRequest": {
            "description": "Malformed request: the body is not a JSON object, a field is missing or has the wrong type, or a query parameter is invalid.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "invalid_json": {
                    "value": {
                      "error": {
                        "code": "invalid_json",
                        "message": "the request body is not valid JSON: …"
                      }
                    }
                  },
                  "missing_field": {
                    "value": {
                      "error": {
                        "code": "missing_field",
                        "message": "field 'question' is required"
                      }
                    }
                  },
                  "invalid_field": {
                    "value": {
                      "error": {
                        "code": "invalid_field",
                        "message": "field 'sessionId' must be a string, not number"
                      }
                    }
                  },
                  "invalid_query": {
                    "value": {
                      "error": {
                        "code": "invalid_query",
                        "message": "limit must be an integer from 1 to 500"
                      }
                    }
                  }
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No, malformed, unknown, revoked or expired credentials.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "unauthorized": {
                    "value": {
                      "error": {
                        "code": "unauthorized",
                        "message": "missing credentials: send 'Authorization: Bearer <API key>' (create one with `aviary keys create`)"
                      }
                    }
                  }
                }
              }
            }
          },
          "Forbidden": {
            "description": "Authenticated, but not allowed: the object belongs to another principal of the same tenant (and the caller is not an admin), or the role may not do this.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "forbidden": {
                    "value": {
                      "error": {
                        "code": "forbidden",
                        "message": "run run_… belongs to another principal"
                      }
                    }
                  }
                }
              }
            }
          },
          "NotFound": {
            "description": "No such object in the caller's tenant (objects of other tenants are indistinguishable from absent ones).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "not_found": {
                    "value": {
                      "error": {
                        "code": "not_found",
                        "message": "run not found"
                      }
                    }
                  }
                }
              }
            }
          },
          "UnknownAgent": {
            "description": "The agent does not exist, or is a draft and the caller is neither admin nor developer.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "unknown_agent": {
                    "value": {
                      "error": {
                        "code": "unknown_agent",
                        "message": "agent 'x' does not exist or is not available to this key"
                      }
                    }
                  }
                }
              }
            }
          },
          "Conflict": {
            "description": "The object is in a state that does not allow this.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "conflict": {
                    "value": {
                      "error": {
                        "code": "conflict",
                        "message": "run run_… is completed and cannot be resumed"
                      }
                    }
                  }
                }
              }
            }
          },
          "RunNotCompleted": {
            "description": "The run ended without completing: it needs a human decision (`needs_attention`) or was cancelled (`cancelled`). Resume or inspect it via `/api/v1/runs/{id}`.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "needs_attention": {
                    "value": {
                      "error": {
                        "code": "needs_attention",
                        "message": "run run_… needs a human decision: …"
                      }
                    }
                  },
                  "cancelled": {
                    "value": {
                      "error": {
                        "code": "cancelled",
                        "message": "run run_… was cancelled"
                      }
                    }
                  }
                }
              }
            }
          },
          "BodyTooLarge": {
            "description": "The request body exceeds `server.max_body_bytes` (default 1 MiB).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "body_too_large": {
                    "value": {
                      "error": {
                        "code": "body_too_large",
                        "message": "request body exceeds the limit of 1048576 bytes"
                      }
                    }
                  }
                }
              }
            }
          },
          "RateLimited": {
            "description": "The key's request rate limit is exceeded (`rate_limited`). Retry after `Retry-After` seconds.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "rate_limited": {
                    "value": {
                      "error": {
                        "code": "rate_limited",
                        "message": "rate limit exceeded for this key; retry after the Retry-After delay"
                      }
                    }
                  }
                }
              }
            }
          },
          "RateLimitedOrTooManyRuns": {
            "description": "`rate_limited`: the key's request rate is exceeded. `too_many_runs`: the tenant already executes `server.max_concurrent_runs_per_tenant` runs in this process (Retry-After: 1).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "rate_limited": {
                    "value": {
                      "error": {
                        "code": "rate_limited",
                        "message": "rate limit exceeded for this key; retry after the Retry-After delay"
                      }
                    }
                  },
                  "too_many_runs": {
                    "value": {
                      "error": {
                        "code": "too_many_runs",
                        "message": "this tenant already has 64 runs executing; retry when one finishes"
                      }
                    }
                  }
                }
              }
            }
          },
          "InternalError": {
            "description": "Unexpected error (logged with the request id).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "internal_error": {
                    "value": {
                      "error": {
                        "code": "internal_error",
                        "message": "internal error (request id 6b1f…)"
                      }
                    }
                  },
                  "runtime_error": {
                    "value": {
                      "error": {
                        "code": "runtime_error",
                        "message": "…"
                      }
                    }
                  }
                }
              }
            }
          },
          "RunFailed": {
            "description": "The run failed; the error says why. The run stays inspectable and resumable via `/api/v1/runs/{id}`.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "run_failed": {
                    "value": {
                      "error": {
                        "code": "run_failed",
                        "message": "run run_… failed: …"
                      }
                    }
                  }
                }
              }
            }
          },
          "Unavailable": {
            "description": "`auth_unavailable`: the API key store cannot be read right now.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "auth_unavailable": {
                    "value": {
                      "error": {
                        "code": "auth_unavailable",
                        "message": "cannot check the API key right now"
                      }
                    }
                  }
                }
              }
            }
          },
          "ShuttingDown": {
            "description": "`shutting_down`: the server is shutting down and accepts no new runs, or the run was stopped at a step boundary by the shutdown (status `interrupted`, resumable). `auth_unavailable`: the API key store cannot be read.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "shutting_down": {
                    "value": {
                      "error": {
                        "code": "shutting_down",
                        "message": "the server is shutting down and accepts no new runs"
                      }
                    }
                  },
                  "auth_unavailable": {
                    "value": {
                      "error": {
                        "code": "auth_unavailable",
                        "message": "cannot check the API key right now"
                      }
                    }
                  }
                }
              }
            }
          },
          "RequestTimeout": {
            "description": "The request did not complete within `server.request_timeout_seconds` (default 30).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "timeout": {
                    "value": {
                      "error": {
                        "code": "timeout",
                        "message": "the request did not complete within 30.0 seconds"
                      }
                    }
                  }
                }
              }
            }
          },
          "RunTimeout": {
            "description": "The run did not finish within `server.run_timeout_seconds` (default 300). The run goes on durably: follow `GET /api/v1/runs/{id}/events`.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "timeout": {
                    "value": {
                      "error": {
                        "code": "timeout",
                        "message": "run run_… did not finish within 300.0 seconds; it continues: follow GET /api/v1/runs/run_…/events"
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "parameters": {
          "RunID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The run id.",
            "schema": {
              "type": "string"
            },
            "example": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3"
          },
          "SessionID": {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The session id.",
            "schema": {
              "type": "string"
            },
            "example": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4"
          }
        },
        "headers": {
          "XRequestID": {
            "description": "The request id: the caller's `X-Request-ID` when it is 1–64 characters of letters, digits, `-`, `_`, `.`; otherwise generated. Also in the server's logs.",
            "schema": {
              "type": "string"
            }
          },
          "RetryAfter": {
            "description": "Whole seconds to wait before retrying (at least 1).",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          },
          "WWWAuthenticate": {
            "description": "Always `Bearer`.",
            "schema": {
              "type": "string",
              "const": "Bearer"
            }
          },
          "XAviaryRunID": {
            "description": "The id of the run that answers the completion (inspect it under `/api/v1/runs/{id}`).",
            "schema": {
              "type": "string"
            }
          }
        }
      }
    }
    """#
}
