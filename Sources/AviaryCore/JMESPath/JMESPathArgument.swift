/// A function argument: a value, or an expression reference (`&expr`) to evaluate later.
enum JMESPathArgument: Sendable {
    case value(JSONValue)
    case expression(JMESPathNode)

    /// The JMESPath type name, for error messages.
    var typeName: String {
        switch self {
        case .value(let value): return value.jmesPathType
        case .expression: return "expression"
        }
    }
}
