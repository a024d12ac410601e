extension OpenAPIDocument {
    /// Reading runs (list, one run, its event stream) and the agent registry.
    static let runsPaths = #"""
        {
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
        }
        """#
}
