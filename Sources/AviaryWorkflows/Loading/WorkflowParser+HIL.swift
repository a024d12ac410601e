import Foundation
import AviaryCore

extension WorkflowParser {
    static let hilFields: Set<String> = ["enabled", "handover_triggers", "sla", "reply", "handover_message"]
    static let triggerFields: [String: Set<String>] = [
        "confidence_threshold": ["type", "threshold", "path"],
        "explicit_request": ["type", "patterns"],
        "agent_decision": ["type"],
        "error_threshold": ["type", "consecutive_errors"],
    ]

    /// Seed 003's `hil_config`: `enabled`, `handover_triggers` (each trigger once), and Aviary's
    /// `sla`, `reply` and `handover_message`.
    mutating func hilConfig(_ raw: JSONValue) -> HILConfig? {
        guard let object = raw.objectValue else {
            fail(nil, "hil_config", "expected a mapping with enabled and handover_triggers")
            return nil
        }
        for key in object.keys.sorted() where !Self.hilFields.contains(key) {
            fail(nil, "hil_config.\(key)", "unknown field (known: \(Self.hilFields.sorted().joined(separator: ", ")))")
        }
        var config = HILConfig()
        if let enabled = object["enabled"], !enabled.isNull {
            if let b = enabled.boolValue { config.enabled = b } else { fail(nil, "hil_config.enabled", "expected true or false") }
        }
        if let message = object["handover_message"], !message.isNull {
            if let text = message.stringValue, !text.isEmpty { config.handoverMessage = text } else {
                fail(nil, "hil_config.handover_message", "expected the text the user reads when a person takes over")
            }
        }
        if let reply = object["reply"], !reply.isNull { config.reply = expression(reply, field: "hil_config.reply") }
        if let sla = object["sla"], !sla.isNull { config.sla = self.sla(sla) }
        guard let triggers = object["handover_triggers"]?.arrayValue else {
            if object["handover_triggers"] != nil { fail(nil, "hil_config.handover_triggers", "expected a list of triggers") }
            return config
        }
        var seen: Set<String> = []
        for (index, raw) in triggers.enumerated() {
            let field = "hil_config.handover_triggers[\(index)]"
            guard let trigger = raw.objectValue, let type = trigger["type"]?.stringValue, let allowed = Self.triggerFields[type] else {
                let given = raw["type"]?.stringValue.map { "unknown trigger type '\($0)'; " } ?? ""
                fail(nil, field, "\(given)expected a mapping with type (\(Self.triggerFields.keys.sorted().joined(separator: ", ")))")
                continue
            }
            if !seen.insert(type).inserted { fail(nil, field, "a second \(type) trigger; give each trigger once") }
            for key in trigger.keys.sorted() where !allowed.contains(key) {
                fail(nil, "\(field).\(key)", "not a field of the \(type) trigger (its fields: \(allowed.sorted().joined(separator: ", ")))")
            }
            switch type {
            case "confidence_threshold":
                guard let threshold = trigger["threshold"]?.numberValue, threshold >= 0, threshold <= 1 else {
                    fail(nil, "\(field).threshold", "expected a number from 0 to 1")
                    continue
                }
                let path = trigger["path"].map { expression($0, field: "\(field).path") } ?? (try? JMESPath(HILConfig.defaultConfidencePath))
                if let path { config.confidence = .init(threshold: threshold, path: path) }
            case "explicit_request":
                guard let patterns = trigger["patterns"]?.arrayValue?.compactMap(\.stringValue), !patterns.isEmpty,
                      patterns.count == trigger["patterns"]?.arrayValue?.count, patterns.count <= 200 else {
                    fail(nil, "\(field).patterns", "expected a list of phrases such as [\"speak to human\", \"escalate\"]")
                    continue
                }
                if let empty = patterns.first(where: { ExplicitRequestMatcher.words($0).isEmpty }) {
                    fail(nil, "\(field).patterns", "'\(empty)' has no words to match")
                }
                config.explicitPatterns = patterns
            case "agent_decision":
                config.agentDecision = true
            default:
                guard let n = trigger["consecutive_errors"]?.intValue, n >= 1, n <= 100 else {
                    fail(nil, "\(field).consecutive_errors", "expected a whole number from 1 to 100")
                    continue
                }
                config.errorThreshold = n
            }
        }
        return config
    }

    private mutating func sla(_ raw: JSONValue) -> HILConfig.SLA? {
        guard let object = raw.objectValue else {
            fail(nil, "hil_config.sla", "expected a mapping with pending and widen_to_general")
            return nil
        }
        for key in object.keys.sorted() where key != "pending" && key != "widen_to_general" {
            fail(nil, "hil_config.sla.\(key)", "unknown field (known: pending, widen_to_general)")
        }
        guard let pending = object["pending"].flatMap(Durations.seconds) else {
            fail(nil, "hil_config.sla.pending", "expected how long a conversation may wait for a person, like 5m or 300")
            return nil
        }
        var widen = false
        if let raw = object["widen_to_general"], !raw.isNull {
            if let b = raw.boolValue { widen = b } else { fail(nil, "hil_config.sla.widen_to_general", "expected true or false") }
        }
        return HILConfig.SLA(pendingSeconds: pending, widenToGeneral: widen)
    }

    private mutating func expression(_ raw: JSONValue, field: String) -> JMESPath? {
        var text = raw.stringValue?.trimmingCharacters(in: .whitespaces)
        if let t = text, t.hasPrefix("{{"), t.hasSuffix("}}") { text = String(t.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces) }
        guard let text, !text.isEmpty else {
            fail(nil, field, "expected a JMESPath expression")
            return nil
        }
        do { return try JMESPath(text) } catch {
            fail(nil, field, "'\(text)' does not parse: \(error)")
            return nil
        }
    }
}
