extension OpenAPIDocument {
    /// Schemas of sessions, messages, chat, health and readiness.
    static let chatSchemas = #"""
        {
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
          }
        }
        """#
}
