import AviaryCore
import AviaryHTTP
import Foundation
import Synchronization

/// The OpenAPI document as a checker: which operation a request hit, whether the server's routes
/// and the document agree, and whether a response matches what the document says of its route
/// and status (with Aviary's own JSON Schema validator: OpenAPI 3.1 schemas are JSON Schema
/// 2020-12).
///
/// `ServerFixture` runs every response of the HTTP test suite through ``violations(method:path:status:contentType:headers:body:)``
/// and every SSE frame through ``frameViolations(method:path:status:data:)``, so a test that
/// receives a response the document does not describe fails.
final class APIContract: Sendable {
    let document: OpenAPIDocument
    /// The documented operations (read once: every response of the suite is matched against them).
    let operations: Set<OpenAPIDocument.Operation>
    private let schemas = Mutex<[String: JSONSchema]>([:])

    init(document: OpenAPIDocument) {
        self.document = document
        self.operations = document.operations
    }

    /// The checker of the document compiled into `AviaryHTTP`.
    static let bundled: APIContract = {
        do { return APIContract(document: try OpenAPIDocument.bundled()) } catch { fatalError("the bundled OpenAPI document does not load: \(error)") }
    }()

    // MARK: Routes

    /// Registered routes the document does not describe.
    func undocumented(_ routes: [OpenAPIDocument.Operation]) -> [OpenAPIDocument.Operation] {
        Set(routes).subtracting(operations).sorted()
    }

    /// Documented operations no registered route serves.
    func unrouted(_ routes: [OpenAPIDocument.Operation]) -> [OpenAPIDocument.Operation] {
        operations.subtracting(routes).sorted()
    }

    /// The documented operation a concrete request path (query allowed) resolves to: the template
    /// with the same segment count whose literal segments match, literals preferred over parameters.
    func operation(method: String, path: String) -> OpenAPIDocument.Operation? {
        let segments = Self.segments(path)
        var best: (operation: OpenAPIDocument.Operation, literals: Int)?
        for candidate in operations where candidate.method == method.uppercased() {
            let template = Self.segments(candidate.path)
            guard template.count == segments.count else { continue }
            var literals = 0
            var matches = true
            for (t, s) in zip(template, segments) {
                if t.hasPrefix("{") && t.hasSuffix("}") { continue }
                if t == s { literals += 1 } else { matches = false; break }
            }
            if matches, literals > (best?.literals ?? -1) { best = (candidate, literals) }
        }
        return best?.operation
    }

    private static func segments(_ path: String) -> [Substring] {
        let bare = path.split(separator: "?", maxSplits: 1).first ?? ""
        return bare.split(separator: "/", omittingEmptySubsequences: true)
    }

    // MARK: Responses

    /// What is wrong with a response to `method path` by the document: an undocumented status or
    /// content type, a missing required header, a body that breaks its schema (SSE bodies: each
    /// `data:` frame). Empty when it conforms.
    func violations(method: String, path: String, status: Int, contentType: String?,
                    headers: [String: String], body: String) -> [String] {
        guard let operation = operation(method: method, path: path) else {
            if status == 405 { return methodNotAllowedViolations(headers: headers, body: body, path: path) }
            if status == 404 || status == 401 { return errorBodyViolations(body, context: "\(method) \(path) → \(status)") }
            return ["\(method) \(path) answered \(status) but the document has no such operation"]
        }
        let context = "\(operation) → \(status)"
        guard let response = documentedResponse(operation, status: status) else {
            return ["\(context): status \(status) is not documented for this operation"]
        }
        var problems: [String] = []
        for (name, header) in response.value["headers"]?.objectValue ?? [:] {
            let resolved = resolve(header)
            if resolved["required"]?.boolValue == true, headers[name.lowercased()] == nil {
                problems.append("\(context): required header \(name) is missing")
            }
        }
        let content = response.value["content"]?.objectValue ?? [:]
        let mediaType = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if content.isEmpty {
            if !body.isEmpty { problems.append("\(context): a body is sent but the document describes none") }
            return problems
        }
        guard let media = content[mediaType] else {
            if body.isEmpty && status == 204 { return problems }
            return problems + ["\(context): content type '\(mediaType)' is not documented (documented: \(content.keys.sorted().joined(separator: ", ")))"]
        }
        let location = response.location + ["content", mediaType]
        if mediaType == "text/event-stream" {
            for data in Self.dataFrames(body) { problems += frameViolations(data, media: media, location: location, context: context) }
        } else if mediaType.hasSuffix("json"), let schema = media["schema"] {
            guard let value = try? JSONValue(parsing: body) else { return problems + ["\(context): the body is not JSON"] }
            problems += validate(value, against: schema, key: (location + ["schema"]).joined(separator: "/"), context: context)
        }
        return problems
    }

    /// What is wrong with one SSE `data:` payload of a streamed response to `method path`.
    func frameViolations(method: String, path: String, status: Int, data: String) -> [String] {
        guard let operation = operation(method: method, path: path), let response = documentedResponse(operation, status: status),
              let media = response.value["content"]?["text/event-stream"] else { return [] }
        return frameViolations(data, media: media, location: response.location + ["content", "text/event-stream"],
                               context: "\(operation) → \(status) (SSE)")
    }

    private func frameViolations(_ data: String, media: JSONValue, location: [String], context: String) -> [String] {
        guard let schema = media["x-sse-data-schema"], data != "[DONE]" else { return [] }
        guard let value = try? JSONValue(parsing: data) else { return ["\(context): an SSE data frame is not JSON: \(data.prefix(200))"] }
        return validate(value, against: schema, key: (location + ["x-sse-data-schema"]).joined(separator: "/"), context: context)
    }

    private func methodNotAllowedViolations(headers: [String: String], body: String, path: String) -> [String] {
        var problems = errorBodyViolations(body, context: "405 on \(path)")
        if headers["allow"]?.isEmpty ?? true { problems.append("405 on \(path) has no Allow header") }
        return problems
    }

    private func errorBodyViolations(_ body: String, context: String) -> [String] {
        guard let value = try? JSONValue(parsing: body) else { return ["\(context): the body is not JSON"] }
        return validate(value, against: ["$ref": "#/components/schemas/Error"], key: "Error", context: context)
    }

    /// The response object documented for a status (exact, then `4XX`, then `default`), with `$ref`s
    /// resolved, and where it sits in the document (for messages and caching).
    private func documentedResponse(_ operation: OpenAPIDocument.Operation, status: Int) -> (value: JSONValue, location: [String])? {
        guard let responses = document.value["paths"]?[operation.path]?[operation.method.lowercased()]?["responses"] else { return nil }
        for key in [String(status), "\(status / 100)XX", "default"] {
            if let response = responses[key] {
                return (resolve(response), [operation.method, operation.path, key])
            }
        }
        return nil
    }

    /// Follows a local `$ref` (`#/components/...`).
    private func resolve(_ value: JSONValue) -> JSONValue {
        guard let ref = value["$ref"]?.stringValue, ref.hasPrefix("#/") else { return value }
        var current = document.value
        for token in ref.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = current[key] else { return value }
            current = next
        }
        return resolve(current)
    }

    /// Validates against a schema of the document; `#/components/...` references resolve in it.
    func validate(_ value: JSONValue, against schema: JSONValue, key: String, context: String) -> [String] {
        let compiled: JSONSchema
        do {
            compiled = try schemas.withLock { cache in
                if let hit = cache[key] { return hit }
                var root = schema.objectValue ?? [:]
                root["components"] = document.value["components"]
                let made = try JSONSchema(.object(root), dialect: .draft2020_12)
                cache[key] = made
                return made
            }
        } catch {
            return ["\(context): the documented schema does not compile: \(error)"]
        }
        return compiled.validate(value).map { "\(context): \($0.instancePath.isEmpty ? "/" : $0.instancePath): \($0.message) — in \(value.jsonString.prefix(300))" }
    }

    /// The `data:` payloads of an SSE body.
    static func dataFrames(_ body: String) -> [String] {
        var frames: [String] = []
        var current: String?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                if let data = current { frames.append(data) }
                current = nil
            } else if line.hasPrefix("data:") {
                var value = String(line.dropFirst(5))
                if value.hasPrefix(" ") { value.removeFirst() }
                current = current.map { $0 + "\n" + value } ?? value
            }
        }
        if let data = current { frames.append(data) }
        return frames
    }
}
