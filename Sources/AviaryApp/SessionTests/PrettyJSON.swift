import AviaryCore

/// JSON text for people and diffs: two-space indentation, object keys sorted, scalars written as
/// ``JSONValue/jsonString`` writes them (so the text parses back to the same value).
enum PrettyJSON {
    /// `value` pretty-printed, without a trailing newline.
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let fields) where !fields.isEmpty:
            out += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                out += inner + JSONValue.string(key).jsonString + ": "
                write(fields[key] ?? .null, indent: inner, into: &out)
                out += i == keys.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        default:
            out += value.jsonString
        }
    }
}
