extension JMESPath {
    /// The field paths the expression reads from the root of the document it is searched against,
    /// as far as they are plain field chains: `nodes.price.output.subtotal` gives
    /// `["nodes", "price", "output", "subtotal"]`, and `length(input.items[?ok])` gives
    /// `["input", "items"]`. Paths relative to a projection's elements, a pipe's right-hand side or
    /// an expression reference are not from the root and are left out; `@` gives an empty path
    /// (the whole document). Used to check which values an expression depends on before it runs.
    public var rootPaths: [[String]] {
        var paths: [[String]] = []
        Self.collect(root, into: &paths)
        return paths
    }

    /// True when the expression reads a field of a negation, as in `!output.ok`: `!` binds
    /// tighter than `.`, so that is `(!output).ok`, a field of a boolean, always `null` — almost
    /// certainly meant as `!(output.ok)`. Workflow validation refuses it.
    public var readsFieldOfNegation: Bool { Self.fieldOfNegation(root) }

    private static func fieldOfNegation(_ node: JMESPathNode) -> Bool {
        if case .subexpression(let left, _) = node.kind, case .not = left.kind { return true }
        return node.kind.children.contains { fieldOfNegation($0) }
    }

    private static func collect(_ node: JMESPathNode, into paths: inout [[String]]) {
        if let chain = fieldChain(node) {
            paths.append(chain)
            return
        }
        switch node.kind {
        case .current: paths.append([])
        case .field, .literal, .index, .slice, .expressionReference: break
        case .subexpression(let left, _), .indexExpression(let left, _), .projection(let left, _), .valueProjection(let left, _),
             .filterProjection(let left, _, _), .flatten(let left), .pipe(let left, _):
            collect(left, into: &paths)
        case .comparison(_, let a, let b), .or(let a, let b), .and(let a, let b):
            collect(a, into: &paths)
            collect(b, into: &paths)
        case .not(let a): collect(a, into: &paths)
        case .multiSelectList(let nodes), .function(_, let nodes):
            for n in nodes { collect(n, into: &paths) }
        case .multiSelectHash(let pairs):
            for p in pairs { collect(p.value, into: &paths) }
        }
    }

    /// `a.b.c` as `[a, b, c]` when the node is nothing but fields.
    private static func fieldChain(_ node: JMESPathNode) -> [String]? {
        switch node.kind {
        case .field(let name): return [name]
        case .subexpression(let left, let right):
            guard let l = fieldChain(left), case .field(let name) = right.kind else { return nil }
            return l + [name]
        default: return nil
        }
    }
}
