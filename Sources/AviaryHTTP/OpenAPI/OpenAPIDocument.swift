import AviaryCore
import AviaryRuntime

/// The OpenAPI 3.1 description of Aviary's HTTP API: `openapi.yaml` beside this file, compiled
/// into the module and served as JSON at `/openapi.json`.
///
/// The YAML file is the source of the API's contract. The contract tests check that every route
/// the server registers is documented here (and every documented operation is routed), and that
/// every response the HTTP test suite receives matches the schema documented for its route and
/// status.
public struct OpenAPIDocument: Sendable {
    /// The parsed document.
    public let value: JSONValue
    /// The document as JSON text (what `/openapi.json` serves).
    public let json: String

    /// One documented operation: an HTTP method and a path template (`/api/v1/runs/{id}`).
    public struct Operation: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// Upper-case method (`GET`, `POST`, …).
        public let method: String
        /// The path template, with `{name}` parameters as in the document.
        public let path: String

        /// Creates an operation; the method is upper-cased.
        public init(method: String, path: String) {
            self.method = method.uppercased()
            self.path = path
        }

        public var description: String { "\(method) \(path)" }
        public static func < (a: Operation, b: Operation) -> Bool { (a.path, a.method) < (b.path, b.method) }
    }

    /// Parses a document from YAML (or JSON, which is YAML) text.
    public init(yaml text: String) throws {
        let value = try YAMLValue.parse(text)
        guard value["openapi"]?.stringValue != nil, value["paths"]?.objectValue != nil else {
            throw OpenAPIDocumentError(message: "not an OpenAPI document: it needs `openapi` and `paths`")
        }
        self.value = value
        self.json = value.jsonString
    }

    /// The document compiled into this module (parsed once).
    public static func bundled() throws -> OpenAPIDocument { try parsedBundle.get() }

    private static let parsedBundle: Result<OpenAPIDocument, any Error> = Result {
        try OpenAPIDocument(yaml: String(decoding: PackageResources.openapi_yaml, as: UTF8.self))
    }

    /// The HTTP methods an OpenAPI path item may hold.
    public static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every documented operation.
    public var operations: Set<Operation> {
        var result: Set<Operation> = []
        for (path, item) in value["paths"]?.objectValue ?? [:] {
            for method in item.objectValue?.keys ?? [:].keys where Self.methods.contains(method) {
                result.insert(Operation(method: method, path: path))
            }
        }
        return result
    }
}

/// The OpenAPI document could not be read.
public struct OpenAPIDocumentError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
