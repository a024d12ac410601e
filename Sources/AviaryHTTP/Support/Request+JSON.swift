import AviaryCore
import Hummingbird
import NIOCore

extension Request {
    /// The body parsed as a JSON object, at most `limit` bytes. Oversize bodies are 413, malformed
    /// JSON and non-object bodies 400 — each with a message that says what is wrong.
    func jsonObject(limit: Int) async throws -> JSONBody {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw APIError.bodyTooLarge(limit: limit) }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: limit)
        }
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("invalid_json", "the request body is empty; send a JSON object") }
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { try JSONValue(parsing: $0) }
        } catch {
            throw APIError.badRequest("invalid_json", "the request body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw APIError.badRequest("invalid_json", "the request body must be a JSON object, not \(value.typeName)")
        }
        return JSONBody(fields: object)
    }

    /// A query parameter, if present and non-empty.
    func query(_ name: String) -> String? {
        guard let v = uri.queryParameters[Substring(name)], !v.isEmpty else { return nil }
        return String(v)
    }
}

/// A request's JSON object with typed field access; every mistake is a 400 naming the field.
struct JSONBody: Sendable {
    let fields: [String: JSONValue]

    /// A required non-empty string.
    func requiredString(_ name: String) throws -> String {
        guard let value = fields[name], !value.isNull else { throw APIError.badRequest("missing_field", "field '\(name)' is required") }
        guard let s = value.stringValue else { throw APIError.badRequest("invalid_field", "field '\(name)' must be a string, not \(value.typeName)") }
        guard !s.isEmpty else { throw APIError.badRequest("invalid_field", "field '\(name)' must not be empty") }
        return s
    }

    /// An optional string (null and absent are the same).
    func string(_ name: String) throws -> String? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let s = value.stringValue else { throw APIError.badRequest("invalid_field", "field '\(name)' must be a string, not \(value.typeName)") }
        return s
    }

    /// An optional boolean.
    func bool(_ name: String) throws -> Bool? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let b = value.boolValue else { throw APIError.badRequest("invalid_field", "field '\(name)' must be a boolean, not \(value.typeName)") }
        return b
    }

    /// An optional array.
    func array(_ name: String) throws -> [JSONValue]? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let a = value.arrayValue else { throw APIError.badRequest("invalid_field", "field '\(name)' must be an array, not \(value.typeName)") }
        return a
    }

    /// An optional object.
    func object(_ name: String) throws -> [String: JSONValue]? {
        guard let value = fields[name], !value.isNull else { return nil }
        guard let o = value.objectValue else { throw APIError.badRequest("invalid_field", "field '\(name)' must be an object, not \(value.typeName)") }
        return o
    }

    /// The raw value of a field.
    subscript(name: String) -> JSONValue? { fields[name] }
}
