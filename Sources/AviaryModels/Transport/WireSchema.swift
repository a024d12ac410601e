import AviaryCore

/// JSON Schema helpers shared by the wire encoders.
enum WireSchema {
    /// A name matching `^[a-zA-Z0-9_-]{1,64}$` (what OpenAI and Anthropic accept for schema and tool names).
    static func sanitizedName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(64) {
            let ok = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
            out.unicodeScalars.append(ok ? scalar : "_")
        }
        return out.isEmpty ? "response" : out
    }

    /// Whether a schema satisfies OpenAI strict mode: every object schema with `properties` sets
    /// `additionalProperties: false` and lists every property in `required`.
    static func isStrictCompatible(_ schema: JSONValue) -> Bool {
        switch schema {
        case .object(let object):
            if let properties = object["properties"]?.objectValue {
                guard object["additionalProperties"]?.boolValue == false else { return false }
                let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
                guard properties.keys.allSatisfy(required.contains) else { return false }
            } else if object["type"]?.stringValue == "object", object["additionalProperties"]?.boolValue != false {
                return false
            }
            return object.values.allSatisfy(isStrictCompatible)
        case .array(let items):
            return items.allSatisfy(isStrictCompatible)
        default:
            return true
        }
    }
}
