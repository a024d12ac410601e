extension OpenAPIDocument {
    /// Resuming and cancelling runs.
    static let runControlPaths = #"""
        {
          "/api/v1/runs/{id}/resume": {
            "parameters": [
              {
                "$ref": "#/components/parameters/RunID"
              }
            ],
            "post": {
              "operationId": "resumeRun",
              "tags": [
                "Runs"
              ],
              "summary": "Resume a run",
              "description": "Continues an interrupted, failed or needs-attention run from its journal: completed steps are replayed from the journal, not repeated. A `needs_attention` run requires a `decision`. Answers 202 at once (follow the events), or with `\"wait\": true` the run after its resumed execution ends (in whatever status, up to the run timeout). Owner or admin only; takes one of the tenant's run slots.",
              "requestBody": {
                "required": false,
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/ResumeRequest"
                    }
                  }
                }
              },
              "responses": {
                "200": {
                  "description": "With `wait: true`: the run after the resumed execution ended (any status).",
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
                "202": {
                  "description": "Resume accepted; the run executes in the background. `run.status` is `running`.",
                  "headers": {
                    "X-Request-ID": {
                      "$ref": "#/components/headers/XRequestID"
                    }
                  },
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ResumeAccepted"
                      },
                      "example": {
                        "run": {
                          "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                          "agent": "router",
                          "status": "running",
                          "principal": "key-user",
                          "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
                          "input": {
                            "question": "Where is my order 1042?"
                          },
                          "usage": {
                            "input_tokens": 1234,
                            "output_tokens": 87,
                            "total_tokens": 1321,
                            "cost_usd": 0.00041
                          },
                          "created_at": "2025-01-15T10:21:03.512Z",
                          "updated_at": "2025-01-15T10:21:06.004Z"
                        },
                        "events": "/api/v1/runs/run_4kq2m7x0c3v9b8n1d5f6g7h2j3/events"
                      }
                    }
                  }
                },
                "400": {
                  "description": "Invalid body, an invalid `decision`, or a `needs_attention` run without a decision.",
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
                        "invalid_json": {
                          "value": {
                            "error": {
                              "code": "invalid_json",
                              "message": "the request body is not valid JSON: …"
                            }
                          }
                        },
                        "invalid_field": {
                          "value": {
                            "error": {
                              "code": "invalid_field",
                              "message": "decision must be \"retry\", \"fail\" or {\"skip_with\": value}"
                            }
                          }
                        },
                        "decision_required": {
                          "value": {
                            "error": {
                              "code": "decision_required",
                              "message": "run run_… needs attention: send {\"decision\": \"retry\" | \"fail\" | {\"skip_with\": value}}"
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
                  "description": "No such run in the caller's tenant (`not_found`), or (with `wait: true`) the run's agent is no longer defined (`unknown_agent`).",
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
                        "not_found": {
                          "value": {
                            "error": {
                              "code": "not_found",
                              "message": "run not found"
                            }
                          }
                        },
                        "unknown_agent": {
                          "value": {
                            "error": {
                              "code": "unknown_agent",
                              "message": "run run_… uses agent 'x', which this project no longer defines"
                            }
                          }
                        }
                      }
                    }
                  }
                },
                "409": {
                  "description": "The run is `completed` or `cancelled`, or it is executing.",
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
                        "conflict": {
                          "value": {
                            "error": {
                              "code": "conflict",
                              "message": "run run_… is executing"
                            }
                          }
                        }
                      }
                    }
                  }
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
                "503": {
                  "$ref": "#/components/responses/ShuttingDown"
                },
                "504": {
                  "$ref": "#/components/responses/RunTimeout"
                }
              }
            }
          },
          "/api/v1/runs/{id}/cancel": {
            "parameters": [
              {
                "$ref": "#/components/parameters/RunID"
              }
            ],
            "post": {
              "operationId": "cancelRun",
              "tags": [
                "Runs"
              ],
              "summary": "Cancel a run",
              "description": "A run executing in this process is asked to stop at its next step boundary and ends `cancelled` (202; watch the events for `run.cancelled`). A run that is not executing here and not final (interrupted, needs attention, failed, …) is recorded `cancelled` at once (200). Owner or admin only. No body.",
              "responses": {
                "200": {
                  "description": "The idle run, now cancelled.",
                  "headers": {
                    "X-Request-ID": {
                      "$ref": "#/components/headers/XRequestID"
                    }
                  },
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Run"
                      },
                      "example": {
                        "id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                        "agent": "router",
                        "status": "cancelled",
                        "principal": "key-user",
                        "session_id": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4",
                        "input": {
                          "question": "Where is my order 1042?"
                        },
                        "usage": {
                          "input_tokens": 1234,
                          "output_tokens": 87,
                          "total_tokens": 1321,
                          "cost_usd": 0.00041
                        },
                        "created_at": "2025-01-15T10:21:03.512Z",
                        "updated_at": "2025-01-15T10:21:06.004Z",
                        "error": "cancelled"
                      }
                    }
                  }
                },
                "202": {
                  "description": "Cancellation requested; the run stops at its next step boundary.",
                  "headers": {
                    "X-Request-ID": {
                      "$ref": "#/components/headers/XRequestID"
                    }
                  },
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/CancelAccepted"
                      },
                      "example": {
                        "run_id": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3",
                        "status": "cancelling"
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
                "409": {
                  "description": "The run is already `completed` or `cancelled`.",
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
                        "conflict": {
                          "value": {
                            "error": {
                              "code": "conflict",
                              "message": "run run_… is completed and cannot be cancelled"
                            }
                          }
                        }
                      }
                    }
                  }
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
