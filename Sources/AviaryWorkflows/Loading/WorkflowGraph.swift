import AviaryCore

/// The graph of a workflow definition, indexed once: edges by node, a topological order, and
/// the ancestors and descendants of each node. Built only for definitions whose edges name known
/// nodes; ``cycle`` is non-nil when the edges form a cycle.
public struct WorkflowGraph: Sendable {
    /// Node ids in the definition's order.
    public let ids: [String]
    /// Index of each node id in ``ids``.
    public let index: [String: Int]
    /// Edges into each node (by index), as indexes into the definition's edges.
    public let incoming: [[Int]]
    /// Edges out of each node (by index).
    public let outgoing: [[Int]]
    /// The edges (from, to) as node indexes.
    public let ends: [(from: Int, to: Int)]
    /// Nodes in an order where every edge goes forward; nil when there is a cycle.
    public let order: [Int]?

    /// Indexes the graph; nil when an edge names a node the definition does not have.
    public init?(_ definition: WorkflowDefinition) {
        ids = definition.nodes.map(\.id)
        index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var incoming = Array(repeating: [Int](), count: ids.count)
        var outgoing = Array(repeating: [Int](), count: ids.count)
        var ends: [(from: Int, to: Int)] = []
        for (e, edge) in definition.edges.enumerated() {
            guard let from = index[edge.from], let to = index[edge.to] else { return nil }
            incoming[to].append(e)
            outgoing[from].append(e)
            ends.append((from, to))
        }
        self.incoming = incoming
        self.outgoing = outgoing
        self.ends = ends
        // Kahn's algorithm, taking ready nodes in definition order
        var remaining = incoming.map(\.count)
        var ready = (0..<ids.count).filter { remaining[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            let n = ready.removeFirst()
            order.append(n)
            for e in outgoing[n] {
                remaining[ends[e].to] -= 1
                if remaining[ends[e].to] == 0 { ready.append(ends[e].to) }
            }
        }
        self.order = order.count == ids.count ? order : nil
    }

    /// The ids of nodes on a cycle (empty for a DAG).
    public var cycle: [String] {
        guard order == nil else { return [] }
        // the nodes Kahn's algorithm could not order, minus those only downstream of a cycle
        var remaining = incoming.map(\.count)
        var ready = (0..<ids.count).filter { remaining[$0] == 0 }
        var done = Set<Int>()
        while let n = ready.popLast() {
            done.insert(n)
            for e in outgoing[n] {
                remaining[ends[e].to] -= 1
                if remaining[ends[e].to] == 0 { ready.append(ends[e].to) }
            }
        }
        let stuck = Set(0..<ids.count).subtracting(done)
        return stuck.filter { n in reaches(from: n, in: stuck).contains(n) }.sorted().map { ids[$0] }
    }

    /// Nodes reachable from `node` by one or more edges (restricted to `within` when given).
    public func reaches(from node: Int, in within: Set<Int>? = nil) -> Set<Int> {
        var seen = Set<Int>()
        var stack = outgoing[node].map { ends[$0].to }
        while let n = stack.popLast() {
            if let within, !within.contains(n) { continue }
            if seen.insert(n).inserted { stack += outgoing[n].map { ends[$0].to } }
        }
        return seen
    }

    /// Nodes from which `node` is reachable by one or more edges.
    public func ancestors(of node: Int) -> Set<Int> {
        var seen = Set<Int>()
        var stack = incoming[node].map { ends[$0].from }
        while let n = stack.popLast() {
            if seen.insert(n).inserted { stack += incoming[n].map { ends[$0].from } }
        }
        return seen
    }
}
