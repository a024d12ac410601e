extension OpenAPIDocument {
    /// Shared 5xx responses: failures, shutdown, timeouts.
    static let serverErrorResponses = #"""
        {
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
        }
        """#
}
