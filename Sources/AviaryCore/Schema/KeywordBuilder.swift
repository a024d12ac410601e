/// Accumulates the keywords of one object schema while it is compiled.
struct KeywordBuilder {
    let members: [String: JSONValue]
    let location: SchemaLocation
    let info: SchemaNodeInfo
    var keywords: [SchemaKeyword] = []

    var context: SchemaContext { info.context }
    var isDraft7: Bool { info.context.dialect == .draft7 }
}
