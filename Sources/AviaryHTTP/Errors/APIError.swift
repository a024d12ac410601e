import AviaryCore
import HTTPTypes
import Hummingbird

/// An error the API returns: an HTTP status and `{"error":{"code","message"}}`. Never a stack trace.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// Stable machine-readable code (`invalid_json`, `unauthorized`, `rate_limited`…).
    public var code: String
    /// Human-readable explanation, safe to show to the caller.
    public var message: String
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The JSON body.
    public var body: JSONValue { ["error": ["code": .string(code), "message": .string(message)]] }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension APIError {
    /// 400 with a code.
    public static func badRequest(_ code: String, _ message: String) -> APIError { APIError(.badRequest, code: code, message) }
    /// 401: no or bad credentials.
    public static func unauthorized(_ message: String) -> APIError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = "Bearer"
        return APIError(.unauthorized, code: "unauthorized", message, headers: headers)
    }
    /// 403: authenticated but not allowed.
    public static func forbidden(_ message: String) -> APIError { APIError(.forbidden, code: "forbidden", message) }
    /// 404: absent, or owned by another tenant (the two are indistinguishable on purpose).
    public static func notFound(_ what: String) -> APIError { APIError(.notFound, code: "not_found", "\(what) not found") }
    /// 409: the object is in a state that does not allow this.
    public static func conflict(_ message: String) -> APIError { APIError(.conflict, code: "conflict", message) }
    /// 429 with `Retry-After` in whole seconds.
    public static func tooManyRequests(_ code: String, _ message: String, retryAfter seconds: Int) -> APIError {
        var headers = HTTPFields()
        headers[.retryAfter] = String(max(1, seconds))
        return APIError(.tooManyRequests, code: code, message, headers: headers)
    }
    /// 405: the path exists but does not serve this method; `Allow` lists the methods it serves.
    public static func methodNotAllowed(_ method: String, path: String, allow: String) -> APIError {
        var headers = HTTPFields()
        headers[.allow] = allow
        return APIError(.methodNotAllowed, code: "method_not_allowed", "\(path) does not support \(method); allowed: \(allow)",
                        headers: headers)
    }
    /// 413: the body is larger than the limit.
    public static func bodyTooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", "request body exceeds the limit of \(limit) bytes")
    }
    /// 503: the server cannot do this now.
    public static func unavailable(_ code: String, _ message: String) -> APIError { APIError(.serviceUnavailable, code: code, message) }
    /// 504: the work did not finish in time.
    public static func timeout(_ message: String) -> APIError { APIError(.gatewayTimeout, code: "timeout", message) }
}
