/// One condition on a chunk's metadata, applied before ranking: `{"product": "pos"}` (equal),
/// `{"product": {"$in": ["pos", "link"]}}`, `{"price": {"$gte": 10, "$lt": 50}}`,
/// `{"published": {"$gte": "2024-01-01"}}` (strings, such as ISO dates, compare as text), `$ne`.
public struct KnowledgeFilter: Sendable, Hashable {
    /// How the field is compared.
    public enum Operation: Sendable, Hashable {
        /// Equal to the value.
        case equal(JSONValue)
        /// Not equal to the value (a chunk without the field matches).
        case notEqual(JSONValue)
        /// Equal to one of the values.
        case oneOf([JSONValue])
        /// Greater than (`$gt`), at least (`$gte`), less than (`$lt`), at most (`$lte`): a number or a string.
        case greater(JSONValue), atLeast(JSONValue), less(JSONValue), atMost(JSONValue)
    }

    /// The metadata field.
    public var field: String
    /// The comparison.
    public var operation: Operation

    /// Creates a condition.
    public init(field: String, operation: Operation) {
        self.field = field
        self.operation = operation
    }

    /// Reads a filter object (`filters` of the query API and `rag_search`): every key a field,
    /// every value a scalar (equality) or an object of operators. Throws what is wrong.
    public static func parse(_ filters: JSONValue) throws(KnowledgeFilterError) -> [KnowledgeFilter] {
        guard let object = filters.objectValue else { throw KnowledgeFilterError("filters: expected an object of field conditions") }
        guard object.count <= 20 else { throw KnowledgeFilterError("filters: at most 20 fields") }
        var result: [KnowledgeFilter] = []
        for (field, condition) in object.sorted(by: { $0.key < $1.key }) {
            guard isField(field) else { throw KnowledgeFilterError("filters.\(field): a field is 1 to 64 letters, digits, '_', '-' or '.'") }
            guard let operators = condition.objectValue else {
                try scalar(condition, "filters.\(field)")
                result.append(KnowledgeFilter(field: field, operation: .equal(condition)))
                continue
            }
            guard !operators.isEmpty else { throw KnowledgeFilterError("filters.\(field): expected a value or operators ($eq, $ne, $in, $gt, $gte, $lt, $lte)") }
            for (op, value) in operators.sorted(by: { $0.key < $1.key }) {
                let at = "filters.\(field).\(op)"
                switch op {
                case "$eq": try scalar(value, at); result.append(.init(field: field, operation: .equal(value)))
                case "$ne": try scalar(value, at); result.append(.init(field: field, operation: .notEqual(value)))
                case "$in":
                    guard let values = value.arrayValue, !values.isEmpty, values.count <= 100 else { throw KnowledgeFilterError("\(at): expected a list of 1 to 100 values") }
                    for v in values { try scalar(v, at) }
                    result.append(.init(field: field, operation: .oneOf(values)))
                case "$gt", "$gte", "$lt", "$lte":
                    guard value.numberValue != nil || value.stringValue != nil else { throw KnowledgeFilterError("\(at): expected a number or a string (an ISO date)") }
                    let operation: Operation = op == "$gt" ? .greater(value) : op == "$gte" ? .atLeast(value) : op == "$lt" ? .less(value) : .atMost(value)
                    result.append(.init(field: field, operation: operation))
                default:
                    throw KnowledgeFilterError("\(at): unknown operator (known: $eq, $ne, $in, $gt, $gte, $lt, $lte)")
                }
            }
        }
        return result
    }

    /// True for a field name: 1 to 64 letters, digits, `_`, `-` or `.`.
    public static func isField(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    private static func scalar(_ value: JSONValue, _ at: String) throws(KnowledgeFilterError) {
        switch value {
        case .string, .number, .bool: return
        default: throw KnowledgeFilterError("\(at): expected a string, a number or true/false")
        }
    }
}

/// A filter that cannot be applied, and why.
public struct KnowledgeFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
