extension OpenAPIDocument {
    /// Shared components: security schemes, parameters, headers (responses and schemas are separate).
    static let components = #"""
        {
          "securitySchemes": {
            "bearerAuth": {
              "type": "http",
              "scheme": "bearer",
              "bearerFormat": "API key (avk_<id>_<secret>) or JWT",
              "description": "`Authorization: Bearer avk_…` (an API key from `aviary keys create`) or `Authorization: Bearer <JWT>` (HS256/RS256; needs `server.jwt`)."
            },
            "apiKeyHeader": {
              "type": "apiKey",
              "in": "header",
              "name": "X-API-Key",
              "description": "`X-API-Key: avk_…`. Takes precedence over `Authorization` when both are sent."
            }
          },
          "parameters": {
            "RunID": {
              "name": "id",
              "in": "path",
              "required": true,
              "description": "The run id.",
              "schema": {
                "type": "string"
              },
              "example": "run_4kq2m7x0c3v9b8n1d5f6g7h2j3"
            },
            "SessionID": {
              "name": "id",
              "in": "path",
              "required": true,
              "description": "The session id.",
              "schema": {
                "type": "string"
              },
              "example": "ses_p0o9i8u7y6t5r4e3w2q1a2s3d4"
            }
          },
          "headers": {
            "XRequestID": {
              "description": "The request id: the caller's `X-Request-ID` when it is 1–64 characters of letters, digits, `-`, `_`, `.`; otherwise generated. Also in the server's logs.",
              "schema": {
                "type": "string"
              }
            },
            "RetryAfter": {
              "description": "Whole seconds to wait before retrying (at least 1).",
              "schema": {
                "type": "integer",
                "minimum": 1
              }
            },
            "WWWAuthenticate": {
              "description": "Always `Bearer`.",
              "schema": {
                "type": "string",
                "const": "Bearer"
              }
            },
            "XAviaryRunID": {
              "description": "The id of the run that answers the completion (inspect it under `/api/v1/runs/{id}`).",
              "schema": {
                "type": "string"
              }
            }
          }
        }
        """#
}
