/// A node of a compiled JMESPath expression (its abstract syntax tree), with its height.
///
/// The height is kept so the parser can refuse trees too deep to evaluate (or to free) without
/// exhausting the stack.
struct JMESPathNode: Sendable, Equatable {
    /// The comparison operators.
    enum Comparator: Sendable, Equatable {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    }

    /// The expression forms of the specification.
    indirect enum Kind: Sendable, Equatable {
        /// `@`, and the implicit right-hand side of a projection.
        case current
        case field(String)
        case literal(JSONValue)
        case subexpression(JMESPathNode, JMESPathNode)
        case index(Int)
        case slice(start: Int?, stop: Int?, step: Int?)
        /// `left[index]` (the right node is an `.index`).
        case indexExpression(JMESPathNode, JMESPathNode)
        /// A list projection: `right` applied to each element of the array `left` evaluates to.
        case projection(JMESPathNode, JMESPathNode)
        /// An object projection (`*`): `right` applied to each value of an object.
        case valueProjection(JMESPathNode, JMESPathNode)
        /// `left[? condition ]right`.
        case filterProjection(JMESPathNode, JMESPathNode, condition: JMESPathNode)
        /// `left[]`: arrays in the array are merged one level.
        case flatten(JMESPathNode)
        case comparison(Comparator, JMESPathNode, JMESPathNode)
        case or(JMESPathNode, JMESPathNode)
        case and(JMESPathNode, JMESPathNode)
        case not(JMESPathNode)
        case pipe(JMESPathNode, JMESPathNode)
        case multiSelectList([JMESPathNode])
        case multiSelectHash([(key: String, value: JMESPathNode)])
        case function(JMESPathFunction, [JMESPathNode])
        case expressionReference(JMESPathNode)

        static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case (.multiSelectHash(let a), .multiSelectHash(let b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            case (.current, .current): return true
            case (.field(let a), .field(let b)): return a == b
            case (.literal(let a), .literal(let b)): return a == b
            case (.subexpression(let a1, let a2), .subexpression(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.index(let a), .index(let b)): return a == b
            case (.slice(let a1, let a2, let a3), .slice(let b1, let b2, let b3)): return a1 == b1 && a2 == b2 && a3 == b3
            case (.indexExpression(let a1, let a2), .indexExpression(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.projection(let a1, let a2), .projection(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.valueProjection(let a1, let a2), .valueProjection(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.filterProjection(let a1, let a2, let a3), .filterProjection(let b1, let b2, let b3)):
                return a1 == b1 && a2 == b2 && a3 == b3
            case (.flatten(let a), .flatten(let b)): return a == b
            case (.comparison(let a0, let a1, let a2), .comparison(let b0, let b1, let b2)): return a0 == b0 && a1 == b1 && a2 == b2
            case (.or(let a1, let a2), .or(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.and(let a1, let a2), .and(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.not(let a), .not(let b)): return a == b
            case (.pipe(let a1, let a2), .pipe(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.multiSelectList(let a), .multiSelectList(let b)): return a == b
            case (.function(let a1, let a2), .function(let b1, let b2)): return a1 == b1 && a2 == b2
            case (.expressionReference(let a), .expressionReference(let b)): return a == b
            default: return false
            }
        }

        /// The direct child nodes.
        var children: [JMESPathNode] {
            switch self {
            case .current, .field, .literal, .index, .slice: return []
            case .subexpression(let a, let b), .indexExpression(let a, let b), .projection(let a, let b),
                 .valueProjection(let a, let b), .comparison(_, let a, let b), .or(let a, let b), .and(let a, let b),
                 .pipe(let a, let b):
                return [a, b]
            case .filterProjection(let a, let b, let c): return [a, b, c]
            case .flatten(let a), .not(let a), .expressionReference(let a): return [a]
            case .multiSelectList(let nodes), .function(_, let nodes): return nodes
            case .multiSelectHash(let pairs): return pairs.map(\.value)
            }
        }
    }

    let kind: Kind
    /// 1 for a leaf; one more than the highest child otherwise.
    let height: Int

    init(_ kind: Kind) {
        self.kind = kind
        height = 1 + (kind.children.map(\.height).max() ?? 0)
    }

    static let current = JMESPathNode(.current)
}
