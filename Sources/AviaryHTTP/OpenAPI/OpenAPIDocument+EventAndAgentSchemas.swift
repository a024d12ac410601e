extension OpenAPIDocument {
    /// Schemas of run events and agents.
    static let eventAndAgentSchemas = #"""
        {
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
          }
        }
        """#
}
