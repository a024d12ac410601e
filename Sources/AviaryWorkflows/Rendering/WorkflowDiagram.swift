import AviaryCore
import Foundation

/// A workflow's graph as text for diagram tools: Mermaid (`flowchart TD`) or Graphviz DOT.
/// Nodes are labelled with their id and type (sinks are drawn round, approvals and inputs as
/// hexagons); conditional edges carry their condition, error edges are dashed.
public struct WorkflowDiagram: Sendable {
    /// The workflow drawn.
    public let definition: WorkflowDefinition

    /// Creates a diagram of `definition`.
    public init(_ definition: WorkflowDefinition) { self.definition = definition }

    /// Mermaid flowchart source.
    public var mermaid: String {
        var lines = ["flowchart TD"]
        for node in definition.nodes {
            let label = Self.mermaidText(Self.label(node))
            switch node.action {
            case .sink: lines.append("    \(Self.mermaidID(node.id))((\"\(label)\"))")
            case .approval, .humanInput: lines.append("    \(Self.mermaidID(node.id)){{\"\(label)\"}}")
            case .map: lines.append("    \(Self.mermaidID(node.id))[[\"\(label)\"]]")
            default: lines.append("    \(Self.mermaidID(node.id))[\"\(label)\"]")
            }
        }
        for edge in definition.edges {
            let from = Self.mermaidID(edge.from), to = Self.mermaidID(edge.to)
            if edge.onError {
                lines.append("    \(from) -. on error .-> \(to)")
            } else if let when = edge.when {
                lines.append("    \(from) -- \"\(Self.mermaidText(when.expression))\" --> \(to)")
            } else {
                lines.append("    \(from) --> \(to)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Graphviz DOT source.
    public var dot: String {
        var lines = ["digraph \(Self.dotString(definition.name)) {", "    rankdir=TB;", "    node [shape=box, fontname=\"Helvetica\"];"]
        for node in definition.nodes {
            let shape: String
            switch node.action {
            case .sink: shape = "doublecircle"
            case .approval, .humanInput: shape = "hexagon"
            case .map: shape = "box3d"
            default: shape = "box"
            }
            lines.append("    \(Self.dotString(node.id)) [label=\(Self.dotString(Self.label(node))), shape=\(shape)];")
        }
        for edge in definition.edges {
            var attributes: [String] = []
            if edge.onError { attributes += ["style=dashed", "label=\"on error\""] }
            if let when = edge.when { attributes.append("label=\(Self.dotString(when.expression))") }
            let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("    \(Self.dotString(edge.from)) -> \(Self.dotString(edge.to))\(suffix);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func label(_ node: WorkflowNode) -> String {
        switch node.action {
        case .agent(let name, _, _): "\(node.id)\nagent: \(name)"
        case .tool(let name, _): "\(node.id)\ntool: \(name)"
        case .workflow(let name): "\(node.id)\nworkflow: \(name)"
        case .sink: node.id
        default: "\(node.id)\n\(node.action.typeName)"
        }
    }

    /// Mermaid ids: letters, digits and `_` (others become `_`, with a short suffix for uniqueness).
    static func mermaidID(_ id: String) -> String {
        let cleaned = String(id.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        guard cleaned != id else { return "n_" + id }
        var hash: UInt32 = 2_166_136_261 // FNV-1a: the same id gets the same suffix in every process
        for byte in id.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "n_" + cleaned + "_" + String(hash, radix: 36)
    }

    /// Text inside Mermaid quotes: `"` as `#quot;`, line breaks as `<br/>`.
    static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>")
    }

    static func dotString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
