/// JMESPath's view of JSON values: truthiness, type names and ordering of strings.
extension JSONValue {
    /// False for `null`, `false`, `""`, `[]` and `{}`; true for everything else (numbers included).
    public var isJMESPathTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number: return true
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// The type name the `type()` function returns: `number`, `string`, `boolean`, `array`,
    /// `object` or `null`.
    var jmesPathType: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// Strings compare by Unicode code point in JMESPath (not by canonical equivalence, as Swift's `<`).
    static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
