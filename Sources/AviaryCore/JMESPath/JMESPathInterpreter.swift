/// Evaluates a compiled JMESPath tree against a JSON document.
struct JMESPathInterpreter {
    func evaluate(_ node: JMESPathNode, _ value: JSONValue) throws(JMESPathError) -> JSONValue {
        switch node.kind {
        case .current:
            return value
        case .field(let name):
            if case .object(let members) = value { return members[name] ?? .null }
            return .null
        case .literal(let literal):
            return literal
        case .subexpression(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .index(let i):
            guard case .array(let elements) = value else { return .null }
            let position = i < 0 ? elements.count + i : i
            return elements.indices.contains(position) ? elements[position] : .null
        case .slice(let start, let stop, let step):
            guard case .array(let elements) = value else { return .null }
            return .array(try Self.slice(elements, start: start, stop: stop, step: step))
        case .indexExpression(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .projection(let left, let right):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            return try project(elements, right)
        case .valueProjection(let left, let right):
            guard case .object(let members) = try evaluate(left, value) else { return .null }
            return try project(Self.orderedValues(members), right)
        case .filterProjection(let left, let right, let condition):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            var kept: [JSONValue] = []
            for element in elements where try evaluate(condition, element).isJMESPathTruthy {
                kept.append(element)
            }
            return try project(kept, right)
        case .flatten(let inner):
            guard case .array(let elements) = try evaluate(inner, value) else { return .null }
            var merged: [JSONValue] = []
            for element in elements {
                if case .array(let nested) = element { merged.append(contentsOf: nested) } else { merged.append(element) }
            }
            return .array(merged)
        case .comparison(let op, let left, let right):
            return Self.compare(op, try evaluate(left, value), try evaluate(right, value))
        case .or(let left, let right):
            let l = try evaluate(left, value)
            return l.isJMESPathTruthy ? l : try evaluate(right, value)
        case .and(let left, let right):
            let l = try evaluate(left, value)
            return l.isJMESPathTruthy ? try evaluate(right, value) : l
        case .not(let inner):
            return .bool(!(try evaluate(inner, value).isJMESPathTruthy))
        case .pipe(let left, let right):
            return try evaluate(right, try evaluate(left, value))
        case .multiSelectList(let nodes):
            if case .null = value { return .null }
            var results: [JSONValue] = []
            results.reserveCapacity(nodes.count)
            for n in nodes { results.append(try evaluate(n, value)) }
            return .array(results)
        case .multiSelectHash(let pairs):
            if case .null = value { return .null }
            var object = [String: JSONValue](minimumCapacity: pairs.count)
            for (key, n) in pairs { object[key] = try evaluate(n, value) }
            return .object(object)
        case .function(let function, let argumentNodes):
            var arguments: [JMESPathArgument] = []
            arguments.reserveCapacity(argumentNodes.count)
            for n in argumentNodes {
                if case .expressionReference(let referenced) = n.kind {
                    arguments.append(.expression(referenced))
                } else {
                    arguments.append(.value(try evaluate(n, value)))
                }
            }
            try function.checkTypes(arguments)
            return try call(function, arguments)
        case .expressionReference:
            // An expression reference is only meaningful as a function argument.
            return .null
        }
    }

    /// `right` applied to each element; null results are dropped.
    private func project(_ elements: [JSONValue], _ right: JMESPathNode) throws(JMESPathError) -> JSONValue {
        var results: [JSONValue] = []
        results.reserveCapacity(elements.count)
        for element in elements {
            let result = try evaluate(right, element)
            if case .null = result { continue }
            results.append(result)
        }
        return .array(results)
    }

    /// An object's values in the order ``JMESPath`` documents for objects: sorted by key.
    static func orderedValues(_ members: [String: JSONValue]) -> [JSONValue] {
        members.sorted { JSONValue.codePointLess($0.key, $1.key) }.map(\.value)
    }

    /// Equality is deep; ordering is defined only between numbers (anything else is null).
    static func compare(_ op: JMESPathNode.Comparator, _ a: JSONValue, _ b: JSONValue) -> JSONValue {
        switch op {
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        default:
            guard case .number(let x) = a, case .number(let y) = b else { return .null }
            switch op {
            case .less: return .bool(x < y)
            case .lessOrEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            default: return .bool(x >= y)
            }
        }
    }

    /// Python-style slicing: negative positions count from the end; a step of 0 is invalid.
    static func slice<T>(_ elements: [T], start: Int?, stop: Int?, step: Int?) throws(JMESPathError) -> [T] {
        let step = step ?? 1
        guard step != 0 else { throw JMESPathError(.invalidValue, "a slice step cannot be 0") }
        let count = elements.count
        func clamp(_ value: Int?, _ defaultValue: Int) -> Int {
            guard var v = value else { return defaultValue }
            if v < 0 {
                v += count
                if v < 0 { v = step < 0 ? -1 : 0 }
            } else if v >= count {
                v = step < 0 ? count - 1 : count
            }
            return v
        }
        let from = clamp(start, step < 0 ? count - 1 : 0)
        let to = clamp(stop, step < 0 ? -1 : count)
        var result: [T] = []
        var i = from
        while step > 0 ? i < to : i > to {
            result.append(elements[i])
            let (next, overflow) = i.addingReportingOverflow(step)
            if overflow { break }
            i = next
        }
        return result
    }
}
