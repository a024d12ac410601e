extension OpenAPIDocument {
    /// Health, readiness, metrics and this document.
    static let operationsPaths = #"""
        {
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
          }
        }
        """#
}
