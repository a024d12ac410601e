/// The dialect and active vocabularies in force for one schema resource.
struct SchemaContext: Hashable, Sendable {
    var dialect: JSONSchemaDialect
    var vocabularies: SchemaVocabularies = .all

    func has(_ vocabulary: SchemaVocabularies) -> Bool { vocabularies.contains(vocabulary) }
}
