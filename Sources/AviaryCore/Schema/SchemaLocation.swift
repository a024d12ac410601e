/// Where a (sub)schema lives: a document and the JSON pointer tokens leading to it.
struct SchemaLocation: Hashable {
    var document: Int
    var path: [String]

    func appending(_ tokens: String...) -> SchemaLocation {
        SchemaLocation(document: document, path: path + tokens)
    }
}

/// What indexing learnt about one subschema position.
struct SchemaNodeInfo {
    /// The base URI in effect for this subschema (after its own `$id`).
    var base: String
    /// The schema resource containing it.
    var resource: Int
    var context: SchemaContext
}
