extension OpenAPIDocument {
    /// The OpenAI-compatible facade.
    static let openAIPaths = #"""
        {
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
          }
        }
        """#
}
