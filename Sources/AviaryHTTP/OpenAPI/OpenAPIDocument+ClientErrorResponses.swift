extension OpenAPIDocument {
    /// Shared 4xx responses.
    static let clientErrorResponses = #"""
        {
          "BadRequest": {
            "description": "Malformed request: the body is not a JSON object, a field is missing or has the wrong type, or a query parameter is invalid.",
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
                  "missing_field": {
                    "value": {
                      "error": {
                        "code": "missing_field",
                        "message": "field 'question' is required"
                      }
                    }
                  },
                  "invalid_field": {
                    "value": {
                      "error": {
                        "code": "invalid_field",
                        "message": "field 'sessionId' must be a string, not number"
                      }
                    }
                  },
                  "invalid_query": {
                    "value": {
                      "error": {
                        "code": "invalid_query",
                        "message": "limit must be an integer from 1 to 500"
                      }
                    }
                  }
                }
              }
            }
          },
          "Unauthorized": {
            "description": "No, malformed, unknown, revoked or expired credentials.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "WWW-Authenticate": {
                "$ref": "#/components/headers/WWWAuthenticate"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "unauthorized": {
                    "value": {
                      "error": {
                        "code": "unauthorized",
                        "message": "missing credentials: send 'Authorization: Bearer <API key>' (create one with `aviary keys create`)"
                      }
                    }
                  }
                }
              }
            }
          },
          "Forbidden": {
            "description": "Authenticated, but not allowed: the object belongs to another principal of the same tenant (and the caller is not an admin), or the role may not do this.",
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
                  "forbidden": {
                    "value": {
                      "error": {
                        "code": "forbidden",
                        "message": "run run_… belongs to another principal"
                      }
                    }
                  }
                }
              }
            }
          },
          "NotFound": {
            "description": "No such object in the caller's tenant (objects of other tenants are indistinguishable from absent ones).",
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
                  }
                }
              }
            }
          },
          "UnknownAgent": {
            "description": "The agent does not exist, or is a draft and the caller is neither admin nor developer.",
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
                  "unknown_agent": {
                    "value": {
                      "error": {
                        "code": "unknown_agent",
                        "message": "agent 'x' does not exist or is not available to this key"
                      }
                    }
                  }
                }
              }
            }
          },
          "Conflict": {
            "description": "The object is in a state that does not allow this.",
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
                        "message": "run run_… is completed and cannot be resumed"
                      }
                    }
                  }
                }
              }
            }
          },
          "RunNotCompleted": {
            "description": "The run ended without completing: it needs a human decision (`needs_attention`) or was cancelled (`cancelled`). Resume or inspect it via `/api/v1/runs/{id}`.",
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
                  "needs_attention": {
                    "value": {
                      "error": {
                        "code": "needs_attention",
                        "message": "run run_… needs a human decision: …"
                      }
                    }
                  },
                  "cancelled": {
                    "value": {
                      "error": {
                        "code": "cancelled",
                        "message": "run run_… was cancelled"
                      }
                    }
                  }
                }
              }
            }
          },
          "BodyTooLarge": {
            "description": "The request body exceeds `server.max_body_bytes` (default 1 MiB).",
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
                  "body_too_large": {
                    "value": {
                      "error": {
                        "code": "body_too_large",
                        "message": "request body exceeds the limit of 1048576 bytes"
                      }
                    }
                  }
                }
              }
            }
          },
          "RateLimited": {
            "description": "The key's request rate limit is exceeded (`rate_limited`). Retry after `Retry-After` seconds.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "rate_limited": {
                    "value": {
                      "error": {
                        "code": "rate_limited",
                        "message": "rate limit exceeded for this key; retry after the Retry-After delay"
                      }
                    }
                  }
                }
              }
            }
          },
          "RateLimitedOrTooManyRuns": {
            "description": "`rate_limited`: the key's request rate is exceeded. `too_many_runs`: the tenant already executes `server.max_concurrent_runs_per_tenant` runs in this process (Retry-After: 1).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/XRequestID"
              },
              "Retry-After": {
                "$ref": "#/components/headers/RetryAfter"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "examples": {
                  "rate_limited": {
                    "value": {
                      "error": {
                        "code": "rate_limited",
                        "message": "rate limit exceeded for this key; retry after the Retry-After delay"
                      }
                    }
                  },
                  "too_many_runs": {
                    "value": {
                      "error": {
                        "code": "too_many_runs",
                        "message": "this tenant already has 64 runs executing; retry when one finishes"
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
