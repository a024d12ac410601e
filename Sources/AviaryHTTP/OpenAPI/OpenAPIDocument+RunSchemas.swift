extension OpenAPIDocument {
    /// Schemas of errors, usage, runs, resume and cancel.
    static let runSchemas = #"""
        {
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
          }
        }
        """#
}
