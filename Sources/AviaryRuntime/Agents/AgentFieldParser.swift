import AviaryCore
import Foundation

/// Turns a YAML mapping into an ``AgentDefinition``, with errors that name the field.
struct AgentFieldParser {
    let file: String
    let fields: [String: JSONValue]
    let defaultName: String

    func parse() throws -> AgentDefinition {
        for key in fields.keys.sorted() {
            if let reason = AgentLoader.unsupportedFields[key] {
                throw error(key, "not supported yet (\(reason)); remove the field")
            }
            guard !AgentLoader.knownFields.contains(key) else { continue }
            let hint = AgentLoader.knownFields.min { Self.distance($0, key) < Self.distance($1, key) }
            let suggestion = hint.map { Self.distance($0, key) <= 3 ? " (did you mean '\($0)'?)" : "" } ?? ""
            throw error(key, "unknown field\(suggestion); known fields: \(AgentLoader.knownFields.sorted().joined(separator: ", "))")
        }
        let name = try string("name") ?? defaultName
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw error("name", "'\(name)' must use letters, digits, '_' or '-'")
        }
        let kindName = try string("kind") ?? "react"
        guard let kind = AgentDefinition.Kind(rawValue: kindName) else {
            throw error("kind", "expected one of simple, react, planner; got '\(kindName)'")
        }
        if kind == .planner { throw error("kind", "kind 'planner' is not implemented yet; use 'react' or 'simple'") }
        guard let instructions = try string("instructions"), !instructions.isEmpty else {
            throw error("instructions", "required: the agent's instructions (a template, e.g. 'You help with {{ question }}')")
        }
        do { _ = try Template(instructions) } catch { throw self.error("instructions", "\(error)") }
        var tools: [String] = []
        if let raw = fields["tools"], !raw.isNull {
            guard let list = raw.arrayValue else { throw error("tools", "expected a list of tool or agent names") }
            for (i, item) in list.enumerated() {
                guard let s = item.stringValue, !s.isEmpty else { throw error("tools[\(i)]", "expected a tool name") }
                tools.append(s)
            }
        }
        var schema: JSONValue?
        if let raw = fields["output_schema"], !raw.isNull {
            guard raw.objectValue != nil else { throw error("output_schema", "expected a JSON Schema object") }
            do { _ = try JSONSchema(raw) } catch { throw self.error("output_schema", "invalid JSON Schema: \(error)") }
            schema = raw
        }
        let maxIterations = try int("max_iterations") ?? 10
        guard (1...200).contains(maxIterations) else { throw error("max_iterations", "must be between 1 and 200") }
        try checkFieldsUsed(by: kind, tools: tools, outputSchema: schema)
        let statusName = try string("status") ?? "published"
        guard let status = AgentDefinition.Status(rawValue: statusName) else {
            throw error("status", "expected draft or published; got '\(statusName)'")
        }
        var temperature: Double?
        if let raw = fields["temperature"], !raw.isNull {
            guard let t = raw.numberValue, (0...2).contains(t) else { throw error("temperature", "expected a number between 0 and 2") }
            temperature = t
        }
        var capabilities: [String] = []
        if let raw = fields["capabilities"], !raw.isNull {
            guard let list = raw.arrayValue else { throw error("capabilities", "expected a list of capability names") }
            for (i, item) in list.enumerated() {
                guard let s = item.stringValue, !s.isEmpty else { throw error("capabilities[\(i)]", "expected a capability name") }
                capabilities.append(s)
            }
        }
        let tierName = try string("cost_tier") ?? "medium"
        guard let costTier = AgentDefinition.CostTier(rawValue: tierName) else {
            throw error("cost_tier", "expected one of low, medium, high; got '\(tierName)'")
        }
        return AgentDefinition(name: name, description: try string("description") ?? "", kind: kind, model: try string("model"),
                               instructions: instructions, tools: tools, outputSchema: schema, maxIterations: maxIterations,
                               version: try string("version") ?? "1", status: status, temperature: temperature,
                               capabilities: capabilities, costTier: costTier, approvals: try approvals(tools: tools))
    }

    /// Each kind uses only some fields: a simple agent makes one model call without tools, and only
    /// a simple agent's output is validated against `output_schema`. A field the kind would ignore
    /// is an error rather than silently dropped.
    private func checkFieldsUsed(by kind: AgentDefinition.Kind, tools: [String], outputSchema: JSONValue?) throws {
        switch kind {
        case .simple:
            if !tools.isEmpty { throw error("tools", "a simple agent makes one model call without tools; use kind: react to give it tools") }
            if fields["max_iterations"].map({ !$0.isNull }) == true {
                throw error("max_iterations", "a simple agent makes one model call; max_iterations applies to kind: react")
            }
        case .react, .planner:
            if outputSchema != nil {
                throw error("output_schema", "only a simple agent's output is validated against output_schema; use kind: simple or remove it")
            }
        }
    }

    /// `approvals:`: per tool, `always`, `never`, or `{when: "<condition>", approvers: [owner, admin, …]}`.
    private func approvals(tools: [String]) throws -> [String: ApprovalRule] {
        guard let raw = fields["approvals"], !raw.isNull else { return [:] }
        guard let object = raw.objectValue else {
            throw error("approvals", "expected a mapping of tool names to always, never or {when, approvers}")
        }
        var rules: [String: ApprovalRule] = [:]
        for (tool, value) in object.sorted(by: { $0.key < $1.key }) {
            let field = "approvals.\(tool)"
            let names = tools.map { ToolReference($0).name }
            guard names.contains(where: { $0 == tool || (Glob.isPattern($0) && Glob.matches($0, tool)) }) else {
                throw error(field, "'\(tool)' is not among the agent's tools (\(tools.joined(separator: ", "))), so the rule would never apply")
            }
            switch value {
            case .string("always"): rules[tool] = ApprovalRule(.always)
            case .string("never"): rules[tool] = ApprovalRule(.never)
            case .object(let rule):
                let known: Set<String> = ["when", "approvers", "expires_in", "on_expiry"]
                for key in rule.keys.sorted() where !known.contains(key) {
                    throw error("\(field).\(key)", "unknown field; known fields: \(known.sorted().joined(separator: ", "))")
                }
                var expiresIn: TimeInterval?
                if let raw = rule["expires_in"], !raw.isNull {
                    guard let text = raw.stringValue, let seconds = TimeSpan.seconds(text) else {
                        throw error("\(field).expires_in", "expected a time like 30m, 24h or 7d, got \(raw.jsonString)")
                    }
                    expiresIn = seconds
                }
                var onExpiry = ApprovalExpiry.reject
                if let raw = rule["on_expiry"], !raw.isNull {
                    guard let name = raw.stringValue, let value = ApprovalExpiry(rawValue: name), value != .defaultAnswer else {
                        throw error("\(field).on_expiry", "expected reject or fail, got \(raw.jsonString)")
                    }
                    guard expiresIn != nil else { throw error("\(field).on_expiry", "applies only with expires_in; set both or neither") }
                    onExpiry = value
                }
                var trigger = ApprovalRule.Trigger.always
                if let when = rule["when"], !when.isNull {
                    guard let text = when.stringValue else { throw error("\(field).when", "expected a condition such as \"amount > `100`\"") }
                    do { trigger = .when(try ApprovalCondition(text)) } catch { throw self.error("\(field).when", error.description) }
                }
                var approvers = Approver.defaults
                if let list = rule["approvers"], !list.isNull {
                    guard let items = list.arrayValue, !items.isEmpty else {
                        throw error("\(field).approvers", "expected a non-empty list of owner or role names")
                    }
                    approvers = try items.map { item in
                        guard let name = item.stringValue, let approver = Approver(name) else {
                            throw error("\(field).approvers", "expected owner or a role (\(Role.allCases.map(\.rawValue).joined(separator: ", "))), got \(item.jsonString)")
                        }
                        return approver
                    }
                }
                rules[tool] = ApprovalRule(trigger, approvers: approvers, expiresIn: expiresIn, onExpiry: onExpiry)
            default:
                throw error(field, "expected always, never or {when: \"<condition>\", approvers: [...]}, got \(value.jsonString)")
            }
        }
        return rules
    }

    private func error(_ field: String, _ message: String) -> AgentLoadError {
        AgentLoadError(file: file, field: field, message: message)
    }

    private func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(.string(let s)): return s
        case .some(.number(let n)): return n.rounded() == n ? String(Int(n)) : String(n)
        case .some(let other): throw error(key, "expected text, got \(other.typeName)")
        }
    }

    private func int(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil, .some(.null): return nil
        case .some(let v):
            guard let i = v.intValue else { throw error(key, "expected an integer, got \(v.typeName)") }
            return i
        }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
