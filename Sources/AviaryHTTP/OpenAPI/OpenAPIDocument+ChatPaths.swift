extension OpenAPIDocument {
    /// Seed 000's chat contract and sessions.
    static let chatPaths = #"""
        {
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
          }
        }
        """#
}
