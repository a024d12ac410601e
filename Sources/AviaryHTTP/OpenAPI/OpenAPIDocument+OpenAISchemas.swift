extension OpenAPIDocument {
    /// Schemas of the OpenAI-compatible facade (non-streaming).
    static let openAISchemas = #"""
        {
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
          }
        }
        """#
}
