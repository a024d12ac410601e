import Foundation
import AviaryCore

/// Reads one node of a workflow document (``WorkflowParser``): its type, input, guard, output
/// schema, retry, timeout and error route, and the fields of its type. Unknown fields are refused.
struct NodeReader {
    let file: String
    let id: String
    let fields: [String: JSONValue]
    var problems: [WorkflowLoadError] = []

    static let common: Set<String> = ["id", "type", "input", "when", "condition", "output_schema", "retry", "timeout", "on_error", "description"]
    static let byType: [String: Set<String>] = [
        "agent": ["agent", "config", "model_profile", "tools"],
        "tool": ["tool", "approval"],
        "transform": ["expression"],
        "approval": ["summary", "approvers", "expires_in", "on_expiry"],
        "human_input": ["summary", "approvers", "expires_in", "on_expiry", "schema", "default"],
        "workflow": ["workflow"],
        "map": ["over", "node", "max_concurrency"],
        "sink": ["action", "config", "required_skills", "priority"],
    ]

    init(file: String, id: String, fields: [String: JSONValue]) {
        self.file = file
        self.id = id
        self.fields = fields
    }

    /// The node, or nil when a problem was found.
    mutating func node() -> WorkflowNode? {
        let type = fields["type"]?.stringValue ?? inferredType()
        guard let type, let allowed = Self.byType[type] else {
            fail("type", fields["type"] == nil
                 ? "missing: say what the node does with type (\(Self.byType.keys.sorted().joined(separator: ", "))) or with agent:, tool:, expression: or workflow:"
                 : "unknown type '\(fields["type"]!.stringValue ?? fields["type"]!.jsonString)' (known: \(Self.byType.keys.sorted().joined(separator: ", ")))")
            return nil
        }
        for key in fields.keys.sorted() where !Self.common.contains(key) && !allowed.contains(key) {
            fail(key, "not a field of a \(type) node (its fields: \(Self.common.union(allowed).sorted().joined(separator: ", ")))")
        }
        let action = self.action(type)
        var input: ValueTemplate?
        if let raw = fields["input"], !raw.isNull {
            do { input = try ValueTemplate(raw) } catch { fail("input", "\(error)") }
        }
        var guardCondition: JMESPath?
        if let raw = fields["when"] ?? fields["condition"], !raw.isNull {
            var problem: String?
            guardCondition = WorkflowParser.condition(raw, problem: &problem)
            if let problem { fail(fields["when"] != nil ? "when" : "condition", problem) }
        }
        var outputSchema: JSONValue?
        if let schema = fields["output_schema"], !schema.isNull {
            do { _ = try JSONSchema(schema); outputSchema = schema } catch { fail("output_schema", "not a valid JSON Schema: \(error)") }
        }
        let retry = self.retry()
        if ["approval", "human_input", "sink"].contains(type) {
            for key in ["retry", "timeout"] where fields[key] != nil {
                fail(key, "a node of type \(type) does not take \(key)\(type == "sink" ? "" : " (a person's answer is not retried; use expires_in)")")
            }
        }
        if type == "transform", fields["input"] != nil { fail("input", "a transform's expression reads the run's context; it takes no input") }
        if type == "map", fields["input"] != nil { fail("input", "a map's node takes the input (its `node.input`, which sees item and index)") }
        if type == "sink", fields["output_schema"] != nil { fail("output_schema", "a sink's output is not checked; put output_schema on the node before it") }
        if fields["when"] != nil, fields["condition"] != nil { fail("when", "give one of when and condition (they are the same)") }
        var timeout: Double?
        if let raw = fields["timeout"], !raw.isNull {
            timeout = Durations.seconds(raw)
            if timeout == nil { fail("timeout", "expected a time like 30s, 5m or 500ms, got \(raw.jsonString)") }
        }
        var onError = WorkflowNode.ErrorRoute.fail
        if let raw = fields["on_error"], !raw.isNull {
            switch raw.stringValue {
            case "fail"?: break
            case "collect"? where type == "map": break
            case let target? where WorkflowParser.isIdentifier(target): onError = .route(target)
            default: fail("on_error", "expected fail\(type == "map" ? ", collect" : "") or the id of the node to continue with")
            }
        }
        var handover: HandoverRouting?
        if case .sink(let kind)? = action { handover = routing(kind) }
        guard problems.isEmpty, let action else { return nil }
        var node = WorkflowNode(id: id, action: action, input: input, guardCondition: guardCondition, outputSchema: outputSchema,
                                retry: retry, timeout: timeout, onError: onError)
        node.handover = handover
        return node
    }

    private func inferredType() -> String? {
        if fields["agent"] != nil { return "agent" }
        if fields["tool"] != nil { return "tool" }
        if fields["expression"] != nil { return "transform" }
        if fields["workflow"] != nil { return "workflow" }
        if id == "FINISH" || id == "HANDOVER" { return "sink" }
        return nil
    }

    private mutating func action(_ type: String) -> NodeAction? {
        switch type {
        case "agent":
            guard let agent = string("agent") else { return nil }
            var config: [String: JSONValue] = [:]
            if let raw = fields["config"], !raw.isNull {
                guard let object = raw.objectValue else {
                    fail("config", "expected a mapping with model_profile and/or tools")
                    return nil
                }
                config = object
            }
            for key in config.keys.sorted() where key != "model_profile" && key != "tools" {
                fail("config.\(key)", "not supported (an agent node's config takes model_profile and tools)")
            }
            for key in ["model_profile", "tools"] where fields[key] != nil && config[key] != nil {
                fail(key, "set both here and in config; give it once")
            }
            var model: String?
            if let raw = fields["model_profile"] ?? config["model_profile"], !raw.isNull {
                model = raw.stringValue
                if model == nil || model!.isEmpty { fail("model_profile", "expected a profile name or provider/model") }
            }
            var tools: [String]?
            if let raw = fields["tools"] ?? config["tools"], !raw.isNull {
                tools = raw.arrayValue?.compactMap(\.stringValue)
                if tools == nil || tools!.count != raw.arrayValue?.count { fail("tools", "expected a list of tool names") }
            }
            return .agent(name: agent, model: model, tools: tools)
        case "tool":
            guard let tool = string("tool") else { return nil }
            return .tool(name: tool, approval: toolApproval())
        case "transform":
            guard let text = string("expression") else { return nil }
            do { return .transform(try JMESPath(text)) } catch {
                fail("expression", "'\(text)' does not parse: \(error)")
                return nil
            }
        case "approval", "human_input":
            guard let request = interrupt(input: type == "human_input") else { return nil }
            return type == "approval" ? .approval(request) : .humanInput(request)
        case "workflow":
            guard let name = string("workflow") else { return nil }
            return .workflow(name: name)
        case "map":
            return map()
        default:
            let action = fields["action"]?.stringValue ?? (id == "HANDOVER" ? "handover" : "finish")
            switch action {
            case "finish", "finish_conversation": return .sink(.finish)
            case "handover", "handover_to_human": return .sink(.handover)
            default:
                fail("action", "expected finish or handover, got '\(action)'")
                return nil
            }
        }
    }

    private mutating func map() -> NodeAction? {
        guard let overText = string("over") else { return nil }
        var text = overText.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("{{"), text.hasSuffix("}}") { text = String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces) }
        let over: JMESPath
        do { over = try JMESPath(text) } catch {
            fail("over", "'\(text)' does not parse: \(error)")
            return nil
        }
        guard var template = fields["node"]?.objectValue else {
            fail("node", "missing: the node to run for each element (a mapping like a node, without id)")
            return nil
        }
        if template["id"] != nil { fail("node.id", "a map's node takes the map's id; leave id out") }
        if template["type"]?.stringValue == "map" { fail("node.type", "a map's node cannot be another map") }
        for key in ["when", "condition"] where template[key] != nil {
            fail("node.\(key)", "a map's node runs for every element; filter the list in `over` instead (e.g. input.items[?qty > `0`])")
        }
        template["id"] = .string(id)
        var inner = NodeReader(file: file, id: id, fields: template)
        let node = inner.node()
        problems += inner.problems.map { var p = $0; p.field = "node." + ($0.field ?? ""); return p }
        if let node, case .sink = node.action { fail("node.type", "a map's node cannot be a sink") }
        if let node, node.onError != .fail { fail("node.on_error", "a map's node fails its element; set on_error on the map (fail or collect)") }
        var concurrency = 4
        if let raw = fields["max_concurrency"], !raw.isNull {
            if let n = raw.intValue, n >= 1, n <= 256 { concurrency = n } else { fail("max_concurrency", "expected a whole number from 1 to 256") }
        }
        guard let node else { return nil }
        return .map(over: over, node: node, maxConcurrency: concurrency, collectErrors: fields["on_error"]?.stringValue == "collect")
    }

    private mutating func interrupt(input: Bool) -> InterruptNode? {
        let summaryText = fields["summary"]?.stringValue ?? (input ? "answer for step \(id)" : "approve step \(id)")
        let summary: ValueTemplate
        do { summary = try ValueTemplate(.string(summaryText)) } catch {
            fail("summary", "\(error)")
            return nil
        }
        var request = InterruptNode(summary: summary)
        if let list = fields["approvers"], !list.isNull {
            guard let items = list.arrayValue, !items.isEmpty else {
                fail("approvers", "expected a non-empty list of owner or role names")
                return nil
            }
            var approvers: [Approver] = []
            for item in items {
                guard let name = item.stringValue, let approver = Approver(name) else {
                    fail("approvers", "expected owner or a role (\(Role.allCases.map(\.rawValue).joined(separator: ", "))), got \(item.jsonString)")
                    return nil
                }
                approvers.append(approver)
            }
            request.approvers = approvers
        }
        if let raw = fields["expires_in"], !raw.isNull {
            guard let seconds = Durations.seconds(raw) else {
                fail("expires_in", "expected a time like 30m, 24h or 7d, got \(raw.jsonString)")
                return nil
            }
            request.expiresIn = seconds
        }
        if let raw = fields["on_expiry"], !raw.isNull {
            let allowed: [ApprovalExpiry] = input ? [.reject, .fail, .defaultAnswer] : [.reject, .fail]
            guard let text = raw.stringValue, let rule = ApprovalExpiry(rawValue: text), allowed.contains(rule) else {
                fail("on_expiry", "expected \(allowed.map(\.rawValue).joined(separator: ", ")), got \(raw.jsonString)")
                return nil
            }
            guard request.expiresIn != nil else {
                fail("on_expiry", "applies only with expires_in; set both or neither")
                return nil
            }
            request.onExpiry = rule
        }
        if input {
            if let schema = fields["schema"], !schema.isNull {
                do { _ = try JSONSchema(schema); request.answerSchema = schema } catch {
                    fail("schema", "not a valid JSON Schema: \(error)")
                }
            }
            request.defaultAnswer = fields["default"]
            if request.onExpiry == .defaultAnswer, request.defaultAnswer == nil {
                fail("default", "on_expiry: default needs the answer to take: set default")
            }
        }
        return request
    }

    private mutating func toolApproval() -> ApprovalRule? {
        guard let raw = fields["approval"], !raw.isNull else { return nil }
        if raw.stringValue == "always" { return ApprovalRule(.always) }
        if raw.stringValue == "never" { return ApprovalRule(.never) }
        guard let rule = raw.objectValue else {
            fail("approval", "expected always, never or {when, approvers, expires_in, on_expiry}")
            return nil
        }
        for key in rule.keys.sorted() where !["when", "approvers", "expires_in", "on_expiry"].contains(key) {
            fail("approval.\(key)", "unknown field (known: when, approvers, expires_in, on_expiry)")
        }
        var trigger = ApprovalRule.Trigger.always
        if let text = rule["when"]?.stringValue {
            do { trigger = .when(try ApprovalCondition(text)) } catch { fail("approval.when", "\(error)") }
        }
        var reader = NodeReader(file: file, id: id, fields: rule.filter { $0.key != "when" })
        guard let request = reader.interrupt(input: false) else {
            problems += reader.problems.map { var p = $0; p.field = "approval." + ($0.field ?? ""); return p }
            return nil
        }
        return ApprovalRule(trigger, approvers: request.approvers, expiresIn: request.expiresIn, onExpiry: request.onExpiry)
    }

    /// `retry:`: a number of attempts, or `{attempts, backoff, max_backoff, jitter, on}`.
    private mutating func retry() -> NodeRetry {
        guard let raw = fields["retry"], !raw.isNull else { return .none }
        if let n = raw.intValue {
            guard n >= 1, n <= 100 else { fail("retry", "expected attempts from 1 to 100"); return .none }
            return NodeRetry(attempts: n)
        }
        guard let object = raw.objectValue else {
            fail("retry", "expected a number of attempts or {attempts, backoff, max_backoff, jitter, on}")
            return .none
        }
        for key in object.keys.sorted() where !["attempts", "backoff", "max_backoff", "jitter", "on"].contains(key) {
            fail("retry.\(key)", "unknown field (known: attempts, backoff, max_backoff, jitter, on)")
        }
        var policy = NodeRetry(attempts: 3)
        if let a = object["attempts"] {
            if let n = a.intValue, n >= 1, n <= 100 { policy.attempts = n } else { fail("retry.attempts", "expected a whole number from 1 to 100") }
        }
        for (key, path) in [("backoff", \NodeRetry.backoff), ("max_backoff", \NodeRetry.maxBackoff)] {
            guard let v = object[key], !v.isNull else { continue }
            if let s = Durations.seconds(v) { policy[keyPath: path] = s } else { fail("retry.\(key)", "expected a time like 500ms, 2s or 1m") }
        }
        if let j = object["jitter"], !j.isNull {
            if let b = j.boolValue { policy.jitter = b } else { fail("retry.jitter", "expected true or false") }
        }
        if let on = object["on"], !on.isNull {
            let names = on.arrayValue?.compactMap(\.stringValue) ?? on.stringValue.map { [$0] } ?? []
            var triggers = Set<NodeRetry.Trigger>()
            for name in names {
                if let t = NodeRetry.Trigger(rawValue: name) { triggers.insert(t) } else {
                    fail("retry.on", "unknown failure '\(name)' (known: \(NodeRetry.Trigger.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            }
            if names.isEmpty { fail("retry.on", "expected a list of failures to retry") }
            policy.on = triggers
        }
        return policy
    }

    private mutating func string(_ key: String) -> String? {
        guard let s = fields[key]?.stringValue, !s.isEmpty else {
            fail(key, fields[key] == nil ? "missing" : "expected a non-empty string")
            return nil
        }
        return s
    }

    mutating func fail(_ field: String?, _ message: String) {
        problems.append(WorkflowLoadError(file: file, node: id, field: field, message: message))
    }
}
