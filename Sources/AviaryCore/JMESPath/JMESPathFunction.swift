/// The built-in functions of the JMESPath specification, with their signatures.
enum JMESPathFunction: String, Sendable, CaseIterable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min, reverse, sort, sum, type, values
    case endsWith = "ends_with"
    case maxBy = "max_by"
    case minBy = "min_by"
    case notNull = "not_null"
    case sortBy = "sort_by"
    case startsWith = "starts_with"
    case toArray = "to_array"
    case toString = "to_string"
    case toNumber = "to_number"

    /// The accepted types of each parameter; a variadic function repeats its last parameter.
    var parameters: [[JMESPathArgumentType]] {
        switch self {
        case .abs, .ceil, .floor: return [[.number]]
        case .avg, .sum: return [[.arrayNumber]]
        case .contains: return [[.array, .string], [.any]]
        case .endsWith, .startsWith: return [[.string], [.string]]
        case .join: return [[.string], [.arrayString]]
        case .keys, .values: return [[.object]]
        case .length: return [[.string, .array, .object]]
        case .map: return [[.expref], [.array]]
        case .max, .min, .sort: return [[.arrayNumber, .arrayString]]
        case .maxBy, .minBy, .sortBy: return [[.array], [.expref]]
        case .merge: return [[.object]]
        case .notNull: return [[.any]]
        case .reverse: return [[.array, .string]]
        case .toArray, .toString, .toNumber, .type: return [[.any]]
        }
    }

    /// Whether the last parameter may be repeated (once or more).
    var isVariadic: Bool { self == .merge || self == .notNull }

    /// Throws `invalid-arity` unless the function takes `count` arguments.
    func checkArity(_ count: Int) throws(JMESPathError) {
        let expected = parameters.count
        if isVariadic {
            guard count >= expected else {
                throw JMESPathError(.invalidArity, "\(rawValue)() takes at least \(expected) argument(s), got \(count)")
            }
        } else if count != expected {
            throw JMESPathError(.invalidArity, "\(rawValue)() takes \(expected) argument(s), got \(count)")
        }
    }

    /// Throws `invalid-type` unless every argument is of a type its parameter accepts.
    func checkTypes(_ arguments: [JMESPathArgument]) throws(JMESPathError) {
        let parameters = self.parameters
        for (i, argument) in arguments.enumerated() {
            let accepted = parameters[Swift.min(i, parameters.count - 1)]
            guard accepted.contains(where: { $0.accepts(argument) }) else {
                let names = accepted.map(\.description).joined(separator: " or ")
                throw JMESPathError(.invalidType, "argument \(i + 1) of \(rawValue)() must be \(names), got \(argument.typeName)")
            }
        }
    }
}
