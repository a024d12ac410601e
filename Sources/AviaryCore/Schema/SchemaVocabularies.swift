/// The draft 2020-12 vocabularies that change how a schema is evaluated.
struct SchemaVocabularies: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let core = SchemaVocabularies(rawValue: 1 << 0)
    static let applicator = SchemaVocabularies(rawValue: 1 << 1)
    static let unevaluated = SchemaVocabularies(rawValue: 1 << 2)
    static let validation = SchemaVocabularies(rawValue: 1 << 3)
    static let all: SchemaVocabularies = [.core, .applicator, .unevaluated, .validation]

    /// Maps a 2020-12 vocabulary URI to its flag; vocabularies without evaluation effect map to `[]`.
    static func named(_ uri: String) -> SchemaVocabularies? {
        switch uri {
        case "https://json-schema.org/draft/2020-12/vocab/core": return .core
        case "https://json-schema.org/draft/2020-12/vocab/applicator": return .applicator
        case "https://json-schema.org/draft/2020-12/vocab/unevaluated": return .unevaluated
        case "https://json-schema.org/draft/2020-12/vocab/validation": return .validation
        case "https://json-schema.org/draft/2020-12/vocab/meta-data",
             "https://json-schema.org/draft/2020-12/vocab/format-annotation",
             "https://json-schema.org/draft/2020-12/vocab/format-assertion",
             "https://json-schema.org/draft/2020-12/vocab/content":
            return []
        default: return nil
        }
    }
}
