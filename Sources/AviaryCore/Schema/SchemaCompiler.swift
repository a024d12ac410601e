/// Turns indexed schema documents into a ``SchemaProgram``: every reachable subschema
/// becomes one ``SchemaNode`` and every reference is resolved ahead of evaluation.
struct SchemaCompiler {
    private(set) var index: SchemaIndex
    private var nodes: [SchemaNode] = []
    private var memo: [SchemaLocation: Int] = [:]
    private var compiledResources: Set<Int> = []
    private var usesDynamicReferences = false
    /// Reserved nodes whose keywords still have to be compiled. Compilation works through this
    /// list instead of recursing, so deeply nested or long `$ref` chains cannot exhaust the stack.
    private var pending: [(location: SchemaLocation, slot: Int)] = []

    init(index: SchemaIndex) {
        self.index = index
    }

    /// Compiles the schema at `root` and everything it can reach.
    mutating func compileProgram(root: SchemaLocation) throws(JSONSchemaError) -> SchemaProgram {
        let rootNode = try compile(root)
        try drain()
        var dynamicAnchors: [Int: [String: Int]] = [:]
        if usesDynamicReferences {
            // Every resource that can appear in the dynamic scope needs its $dynamicAnchors compiled;
            // compiling them may reach further resources, so iterate to a fixed point.
            var done: Set<Int> = []
            while let resource = compiledResources.subtracting(done).min() {
                done.insert(resource)
                for (name, location) in index.dynamicAnchors[resource] ?? [:] {
                    dynamicAnchors[resource, default: [:]][name] = try compile(location)
                }
                try drain()
            }
        }
        return SchemaProgram(nodes: nodes, root: rootNode, dynamicAnchors: dynamicAnchors,
                             dialect: index.info(for: root).context.dialect)
    }

    /// Reserves (once) a node for the subschema at `location` and returns its index; the
    /// keywords are compiled later by ``drain()``.
    mutating func compile(_ location: SchemaLocation) throws(JSONSchemaError) -> Int {
        if let existing = memo[location] { return existing }
        guard let value = index.value(at: location) else {
            throw .invalidSchema("no schema here", at: pointer(location))
        }
        let slot = nodes.count
        memo[location] = slot
        switch value {
        case .bool(let flag):
            nodes.append(.boolean(flag))
        case .object:
            nodes.append(.boolean(true))
            pending.append((location, slot))
        default:
            throw .invalidSchema("a schema must be an object or a boolean, found \(value.typeName)",
                                 at: pointer(location))
        }
        return slot
    }

    /// Compiles the keywords of every reserved node (which may reserve further nodes).
    private mutating func drain() throws(JSONSchemaError) {
        while let (location, slot) = pending.popLast() {
            guard case .object(let members)? = index.value(at: location) else { continue }
            let info = index.info(for: location)
            compiledResources.insert(info.resource)
            var builder = KeywordBuilder(members: members, location: location, info: info)
            try compileKeywords(into: &builder)
            let tracks = builder.keywords.contains {
                switch $0 {
                case .unevaluatedItems, .unevaluatedProperties: return true
                default: return false
                }
            }
            nodes[slot] = .keywords(builder.keywords, resource: info.resource, tracksUnevaluated: tracks)
        }
    }

    /// The JSON pointer (prefixed with the document URI for non-root documents) used in errors.
    func pointer(_ location: SchemaLocation) -> String {
        let path = JSONPointer.format(location.path)
        guard location.document > 0 else { return path }
        return index.documentURIs[location.document] + "#" + path
    }

    /// Resolves a `$ref`-style reference found at `location` and compiles its target.
    mutating func compileReference(_ reference: String, from location: SchemaLocation,
                                   info: SchemaNodeInfo) throws(JSONSchemaError) -> (node: Int, target: SchemaLocation) {
        let absolute = URIReference.resolve(reference, against: info.base)
        guard let target = try index.resolve(absolute, context: info.context) else {
            throw .unresolvableReference(reference, at: pointer(location))
        }
        return (try compile(target), target)
    }

    /// Compiles a `$dynamicRef` (draft 2020-12).
    mutating func compileDynamicReference(_ reference: String, from location: SchemaLocation,
                                          info: SchemaNodeInfo) throws(JSONSchemaError) -> SchemaKeyword {
        let (node, target) = try compileReference(reference, from: location, info: info)
        let fragment = URIReference.split(URIReference.resolve(reference, against: info.base)).fragment
        // Dynamic behaviour only applies when the initially resolved target carries a
        // matching $dynamicAnchor ("bookending"); otherwise $dynamicRef acts like $ref.
        guard !fragment.isEmpty, !fragment.hasPrefix("/"),
              index.value(at: target)?["$dynamicAnchor"]?.stringValue == fragment else {
            return .ref(node, keyword: "$dynamicRef")
        }
        usesDynamicReferences = true
        return .dynamicRef(initial: node, anchor: fragment)
    }
}
