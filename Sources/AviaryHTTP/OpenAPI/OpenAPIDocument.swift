/// The OpenAPI 3.1 description of Aviary's HTTP API, served at `/openapi.json`.
/// A test checks that every registered route appears here.
public enum OpenAPIDocument {
    /// The document as JSON text.
    public static let json = """
    {"openapi":"3.1.0","info":{"title":"Aviary","version":"0.1.0"},"paths":{}}
    """
}
