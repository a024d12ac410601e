/// JSON Schema value equality: numbers compare mathematically (`1 == 1.0`), strings by
/// Unicode code points, arrays element-wise and objects member-wise.
enum JSONEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for index in x.indices where !equal(x[index], y[index]) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], equal(value, other) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// Indexes of the first pair of equal elements, or `nil` when all are distinct.
    static func firstDuplicate(in elements: [JSONValue]) -> (Int, Int)? {
        if elements.count <= 16 {
            for i in elements.indices {
                for j in (i + 1)..<elements.count where equal(elements[i], elements[j]) { return (i, j) }
            }
            return nil
        }
        // Hash-bucket first: `JSONValue`'s synthesized equality is coarser than (or equal to)
        // JSON equality, so equal elements always share a bucket.
        var buckets: [JSONValue: [Int]] = [:]
        for (index, element) in elements.enumerated() {
            if let candidates = buckets[element] {
                for candidate in candidates where equal(elements[candidate], element) { return (candidate, index) }
            }
            buckets[element, default: []].append(index)
        }
        return nil
    }
}
