import AviaryCore

/// Where one workflow run's graph stands: each node pending, running, done, failed or skipped,
/// each edge unresolved, taken or not taken. A value-type state machine: the scheduler tells it
/// what happened to a node and switches on the actions it answers (run a node, announce a skip).
///
/// A node runs once all its incoming edges are resolved and at least one was taken; a node none
/// of whose incoming edges was taken is skipped, and a skipped node's edges are not taken, so
/// skipping propagates. Nodes without incoming edges run first.
struct DAGState {
    enum Node: Equatable {
        case pending, running, done, failed, skipped
    }

    enum Edge: Equatable {
        case unresolved, taken, untaken
    }

    /// What the scheduler does next.
    enum Action: Equatable {
        /// All the node's incoming edges are resolved and one was taken: run it.
        case run(Int)
        /// None of the node's incoming edges was taken: it does not run.
        case skip(Int, reason: String)
    }

    let graph: WorkflowGraph
    private(set) var nodes: [Node]
    private(set) var edges: [Edge]

    init(graph: WorkflowGraph) {
        self.graph = graph
        nodes = Array(repeating: .pending, count: graph.ids.count)
        edges = Array(repeating: .unresolved, count: graph.ends.count)
    }

    /// The entry nodes (no incoming edges), to run first.
    mutating func start() -> [Action] {
        (0..<nodes.count).filter { graph.incoming[$0].isEmpty }.map { n in
            nodes[n] = .running
            return .run(n)
        }
    }

    /// Node `n` completed; `taken[i]` says whether its i-th outgoing edge (``WorkflowGraph/outgoing``)
    /// is taken (error edges are never taken here).
    mutating func completed(_ n: Int, taken: [Bool]) -> [Action] {
        nodes[n] = .done
        return resolve(n, taken: taken)
    }

    /// Node `n` failed and its error edge is taken (its other edges are not).
    mutating func routedError(_ n: Int, errorEdges taken: [Bool]) -> [Action] {
        nodes[n] = .failed
        return resolve(n, taken: taken)
    }

    /// Node `n` failed and the run fails: nothing more is scheduled.
    mutating func failed(_ n: Int) { nodes[n] = .failed }

    /// Node `n` was found ready but its guard is false (or it was reused as skipped): it is
    /// skipped, and so are the nodes only it leads to.
    mutating func skipped(_ n: Int) -> [Action] {
        nodes[n] = .skipped
        return resolve(n, taken: Array(repeating: false, count: graph.outgoing[n].count))
    }

    /// True once no node is pending or running.
    var isSettled: Bool { !nodes.contains(.pending) && !nodes.contains(.running) }

    private mutating func resolve(_ n: Int, taken: [Bool]) -> [Action] {
        var actions: [Action] = []
        var work: [(node: Int, taken: [Bool])] = [(n, taken)]
        while let (source, flags) = work.popLast() {
            for (i, e) in graph.outgoing[source].enumerated() {
                edges[e] = flags[i] ? .taken : .untaken
                let target = graph.ends[e].to
                guard nodes[target] == .pending else { continue }
                let incoming = graph.incoming[target].map { edges[$0] }
                if incoming.contains(.unresolved) { continue }
                if incoming.contains(.taken) {
                    nodes[target] = .running
                    actions.append(.run(target))
                } else {
                    nodes[target] = .skipped
                    let from = graph.incoming[target].map { graph.ids[graph.ends[$0].from] }
                    actions.append(.skip(target, reason: "no incoming edge was taken (from \(from.joined(separator: ", ")))"))
                    work.append((target, Array(repeating: false, count: graph.outgoing[target].count)))
                }
            }
        }
        return actions
    }
}
