extension OpenAPIDocument {
    /// Schemas of streamed chat completions.
    static let openAIStreamSchemas = #"""
        {
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
        }
        """#
}
