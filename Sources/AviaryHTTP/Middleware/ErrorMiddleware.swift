import AviaryRuntime
import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import OpenAPIRuntime

/// Maps every error to `{"error":{"code","message"}}` with the right status. Unknown errors are
/// logged with the request id and answered with a generic 500 — never a stack trace.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AviaryRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.map(error, context: context)
            return try apiError.response(from: request, context: context)
        }
    }

    /// A decoding error in a sentence: where and what.
    static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .typeMismatch(let type, let c): (c, "expected \(type)")
        case .valueNotFound(let type, let c): (c, "missing \(type)")
        case .keyNotFound(let key, let c): (c, "missing field '\(key.stringValue)'")
        case .dataCorrupted(let c): (c, c.debugDescription)
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "\(error)")
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? what : "\(path): \(what)"
    }

    static func map(_ error: any Error, context: Context) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as ServerError:
            // a handler generated from openapi.yaml threw: its error is inside
            return map(e.underlyingError, context: context)
        case let e as DecodingError:
            // a generated handler's request body does not match its schema
            return APIError.badRequest("invalid_body", "the request body does not match the operation's schema: \(Self.describe(e))")
        case let e as HTTPError:
            switch e.status {
            case .notFound: return APIError(.notFound, code: "not_found", "no route for this path; see GET /openapi.json")
            case .methodNotAllowed: return APIError(.methodNotAllowed, code: "method_not_allowed", "method not allowed on this path")
            case .contentTooLarge: return APIError(.contentTooLarge, code: "body_too_large", e.body ?? "request body too large")
            default: return APIError(e.status, code: "http_\(e.status.code)", e.body ?? e.status.reasonPhrase)
            }
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, code: "body_too_large", "request body too large")
        case let e as RuntimeError:
            switch e.codeName {
            case "unknownAgent": return APIError(.notFound, code: "unknown_agent", e.message)
            case "runNotFound": return APIError.notFound("run")
            case "notResumable", "notWaiting": return APIError.conflict(e.message)
            case "notAllowed": return APIError.forbidden(e.message)
            case "invalidAnswer": return APIError(.unprocessableContent, code: "invalid_answer", e.message)
            case "erased": return APIError(.gone, code: "erased", e.message)
            default: return APIError(.internalServerError, code: "runtime_error", e.message)
            }
        case let e as ErasureIncomplete:
            context.logger.error("erasure incomplete", metadata: ["error": .string(e.description)])
            return APIError(.internalServerError, code: "erasure_incomplete",
                            "the stored data was erased, but files could not be removed; the operator was notified (request id \(context.requestID))")
        case let e as RunSupervisor.Refusal:
            return APIError.unavailable("shutting_down", e.description)
        default:
            context.logger.error("unhandled error", metadata: ["error": .string(String(describing: error))])
            return APIError(.internalServerError, code: "internal_error", "internal error (request id \(context.requestID))")
        }
    }
}
