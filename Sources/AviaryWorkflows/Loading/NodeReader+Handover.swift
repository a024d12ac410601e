import AviaryCore

extension NodeReader {
    /// A sink's `required_skills` and `priority` (top level or under seed 003's `config:`), which
    /// only a `HANDOVER` sink takes.
    mutating func routing(_ kind: SinkKind) -> HandoverRouting? {
        var config: [String: JSONValue] = [:]
        if let raw = fields["config"], !raw.isNull {
            guard let object = raw.objectValue else {
                fail("config", "expected a mapping with required_skills and/or priority")
                return nil
            }
            config = object
        }
        for key in config.keys.sorted() where key != "required_skills" && key != "priority" {
            fail("config.\(key)", "not supported (a HANDOVER sink's config takes required_skills and priority)")
        }
        var routing = HandoverRouting()
        for key in ["required_skills", "priority"] {
            if fields[key] != nil, config[key] != nil { fail(key, "set both here and in config; give it once") }
            guard let raw = fields[key] ?? config[key], !raw.isNull else { continue }
            guard kind == .handover else {
                fail(key, "only a HANDOVER sink routes a conversation to a person")
                continue
            }
            if raw.stringValue?.contains("{%") == true {
                fail(key, "Jinja ({% … %}) is not supported; write a JMESPath template, e.g. \"{{ classify_intent.output.intent == 'return_request' && ['returns'] || ['general'] }}\"")
                continue
            }
            do {
                let template = try ValueTemplate(raw)
                if key == "required_skills" { routing.requiredSkills = template } else { routing.priority = template }
            } catch { fail(key, "\(error)") }
        }
        return routing.requiredSkills == nil && routing.priority == nil ? nil : routing
    }
}
