import AviaryCore

/// The OpenAPI 3.1 description of Aviary's HTTP API, served at `/openapi.json`.
/// A test checks that every registered route appears here.
///
/// The document is kept as JSON fragments by concern (`OpenAPIDocument+*.swift`: the head, the
/// paths of each route group, the shared components, the schemas of each area) and a table of the
/// shared error responses, assembled once.
public enum OpenAPIDocument {
    /// The document as JSON text.
    public static let json: String = assembled.jsonString

    /// The fragments merged into one document.
    static var assembled: JSONValue {
        var document = object(info)
        document["paths"] = .object(merged([operationsPaths, chatPaths, openAIPaths, runsPaths, runControlPaths]))
        var shared = object(components)
        shared["responses"] = .object(Dictionary(uniqueKeysWithValues: (clientErrorResponses + serverErrorResponses).map { ($0.name, $0.json) }))
        shared["schemas"] = .object(merged([runSchemas, eventAndAgentSchemas, chatSchemas, openAISchemas, openAIStreamSchemas]))
        document["components"] = .object(shared)
        return .object(document)
    }

    private static func merged(_ fragments: [String]) -> [String: JSONValue] {
        fragments.reduce(into: [:]) { result, fragment in result.merge(object(fragment)) { first, _ in first } }
    }

    /// A fragment's members. The fragments are constants of this module, parsed by its tests.
    private static func object(_ fragment: String) -> [String: JSONValue] {
        guard let members = (try? JSONValue(parsing: fragment))?.objectValue else {
            preconditionFailure("an OpenAPIDocument fragment is not a JSON object")
        }
        return members
    }
}
