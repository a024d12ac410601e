import Foundation
import AviaryCore

/// What an AI turn's run means for its conversation, by the workflow's `hil_config`: an answer,
/// a handover (agent decision or low confidence), or a failure.
enum TurnOutcome: Sendable {
    /// The AI answered.
    case answered(reply: String, confidence: Double?)
    /// A trigger fired.
    case handover(HandoverContext, priority: Int)
    /// The run failed; `handover` is the context used if this failure reaches the error threshold.
    case failed(error: String, handover: HandoverContext)

    /// Reads a finished run (`completed` or `failed`) of `definition`.
    static func of(_ run: RunRecord, definition: WorkflowDefinition, history: [ConversationMessage]) -> TurnOutcome {
        let hil = definition.hil ?? HILConfig()
        let scope = Self.scope(run)
        // the sinks' outputs repeat other nodes' outputs: the agent taking over sees the working nodes
        let sinks = Set(definition.nodes.filter { if case .sink = $0.action { true } else { false } }.map(\.id))
        let outputs = JSONValue.object((run.output?["outputs"]?.objectValue ?? [:]).filter { !sinks.contains($0.key) })
        let confidence = hil.confidence.flatMap { (try? $0.path.search(scope))?.numberValue }
        func context(_ reason: HandoverReason) -> HandoverContext {
            HandoverContext(reason: reason, summary: summary(history), intent: intent(outputs, definition), requiredSkills: skills(definition, scope, run),
                            confidence: confidence, outputs: outputs, runID: run.id.rawValue)
        }
        guard run.status == .completed else {
            return .failed(error: run.error ?? "the AI run ended \(run.status.rawValue)", handover: context(.errorThreshold))
        }
        if run.output?["status"]?.stringValue == "handover" {
            return .handover(context(.agentDecision), priority: priority(definition, scope, run))
        }
        if let trigger = hil.confidence, let confidence, confidence < trigger.threshold {
            return .handover(context(.confidenceThreshold), priority: priority(definition, scope, run))
        }
        return .answered(reply: reply(hil, scope), confidence: confidence)
    }

    /// The context of a handover the user asked for before any AI run.
    static func explicitRequest(definition: WorkflowDefinition, input: JSONValue, history: [ConversationMessage]) -> (HandoverContext, Int) {
        let scope = JSONValue.object(["input": input, "nodes": .object([:])])
        let routing = handoverRouting(definition)
        return (HandoverContext(reason: .explicitRequest, summary: summary(history), requiredSkills: skills(routing, scope)),
                priorityValue(routing, scope))
    }

    /// `{input, nodes: {<id>: {output}}, <id>: {output}, result, sink, status}`: what `hil_config`'s
    /// expressions and a HANDOVER sink's routing read.
    static func scope(_ run: RunRecord) -> JSONValue {
        var top: [String: JSONValue] = [:]
        var nodes: [String: JSONValue] = [:]
        for (id, output) in run.output?["outputs"]?.objectValue ?? [:] {
            nodes[id] = .object(["output": output])
            if !WorkflowValidator.reserved.contains(id) { top[id] = nodes[id] }
        }
        top["nodes"] = .object(nodes)
        top["input"] = WorkflowInput(stored: run.input).input
        top["result"] = run.output?["result"] ?? .null
        top["sink"] = run.output?["sink"] ?? .null
        top["status"] = run.output?["status"] ?? .null
        return .object(top)
    }

    /// The routing of the sink the run reached, else of the `HANDOVER` node, else of any handover sink.
    private static func handoverRouting(_ definition: WorkflowDefinition, reached: String? = nil) -> HandoverRouting? {
        if let reached, let routing = definition.node(reached)?.handover { return routing }
        return definition.node("HANDOVER")?.handover ?? definition.nodes.first { $0.handover != nil }?.handover
    }

    private static func skills(_ definition: WorkflowDefinition, _ scope: JSONValue, _ run: RunRecord) -> [String] {
        skills(handoverRouting(definition, reached: run.output?["sink"]?.stringValue), scope)
    }

    private static func priority(_ definition: WorkflowDefinition, _ scope: JSONValue, _ run: RunRecord) -> Int {
        priorityValue(handoverRouting(definition, reached: run.output?["sink"]?.stringValue), scope)
    }

    static func skills(_ routing: HandoverRouting?, _ scope: JSONValue) -> [String] {
        guard let rendered = try? routing?.requiredSkills?.render(scope) else { return ["general"] }
        var skills: [String]
        switch rendered {
        case .string(let s): skills = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let items): skills = items.compactMap(\.stringValue)
        default: skills = []
        }
        skills = skills.map { $0.lowercased() }.filter { !$0.isEmpty }
        return skills.isEmpty ? ["general"] : Array(Set(skills)).sorted()
    }

    static func priorityValue(_ routing: HandoverRouting?, _ scope: JSONValue) -> Int {
        guard let n = (try? routing?.priority?.render(scope))?.numberValue, n.isFinite else { return 0 }
        return Int(max(-1_000_000, min(1_000_000, n.rounded())))
    }

    private static func reply(_ hil: HILConfig, _ scope: JSONValue) -> String {
        let value = hil.reply.flatMap { try? $0.search(scope) } ?? scope["result"] ?? .null
        if let text = value.stringValue { return text }
        for key in ["reply", "response", "answer", "message", "text"] {
            if let text = value[key]?.stringValue { return text }
        }
        return value.isNull ? "" : value.jsonString
    }

    /// The first `intent` a node output carries, in the workflow's node order.
    private static func intent(_ outputs: JSONValue, _ definition: WorkflowDefinition) -> String? {
        for node in definition.nodes { if let intent = outputs[node.id]?["intent"]?.stringValue { return intent } }
        return nil
    }

    /// The last messages, one line each, for the agent taking over.
    static func summary(_ history: [ConversationMessage]) -> String {
        history.suffix(10).map { m in
            let text = m.text.replacingOccurrences(of: "\n", with: " ")
            return "\(m.role.rawValue): \(text.count > 300 ? String(text.prefix(300)) + "…" : text)"
        }.joined(separator: "\n")
    }
}
