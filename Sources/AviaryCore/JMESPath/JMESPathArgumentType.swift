/// The types a JMESPath function parameter may accept (the specification's signature types).
enum JMESPathArgumentType: Sendable, Equatable, CustomStringConvertible {
    case any, number, string, boolean, array, object, null, expref, arrayNumber, arrayString

    var description: String {
        switch self {
        case .any: return "any"
        case .number: return "number"
        case .string: return "string"
        case .boolean: return "boolean"
        case .array: return "array"
        case .object: return "object"
        case .null: return "null"
        case .expref: return "expression"
        case .arrayNumber: return "array[number]"
        case .arrayString: return "array[string]"
        }
    }

    /// Whether `argument` is of this type.
    func accepts(_ argument: JMESPathArgument) -> Bool {
        switch (self, argument) {
        case (.expref, .expression): return true
        case (_, .expression), (.expref, .value): return false
        case (.any, .value): return true
        case (.number, .value(.number)), (.string, .value(.string)), (.boolean, .value(.bool)),
             (.array, .value(.array)), (.object, .value(.object)), (.null, .value(.null)):
            return true
        case (.arrayNumber, .value(.array(let elements))):
            return elements.allSatisfy { if case .number = $0 { true } else { false } }
        case (.arrayString, .value(.array(let elements))):
            return elements.allSatisfy { if case .string = $0 { true } else { false } }
        default: return false
        }
    }
}
