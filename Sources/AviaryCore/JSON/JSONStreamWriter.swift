/// Writes compact JSON straight to UTF-8 bytes, value by value, for bodies that are written once
/// and sent (model requests): no ``JSONValue`` tree is built first, and members come out in the
/// order they are written. Nested ``JSONValue``s (a tool's schema) are written like
/// ``JSONValue/jsonBytes`` (sorted keys); strings are escaped the same way.
///
/// ```swift
/// var json = JSONStreamWriter()
/// json.object { o in
///     o.key("model"); o.string("gpt-4o-mini")
///     o.key("messages"); o.array { a in a.object { m in m.key("role"); m.string("user") } }
/// }
/// send(json.bytes)
/// ```
///
/// Every value written after ``key(_:)-(StaticString)`` is that key's value; values written
/// inside ``array(_:)`` are its elements. Writing two keys in a row, or a value in an object
/// without a key, produces invalid JSON: the writer does not check.
public struct JSONStreamWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]
    private var needsComma = false
    private var afterKey = false

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout JSONStreamWriter) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    /// Writes an array whose elements `body` writes.
    public mutating func array(_ body: (inout JSONStreamWriter) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONStreamWriter) -> Void) {
        separate()
        bytes.append(open)
        needsComma = false
        body(&self)
        bytes.append(close)
        needsComma = true
    }

    /// Writes a member name known at compile time; it is copied as it is, so it must not need
    /// escaping (no quotes, backslashes or control characters).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        afterKey = true
    }

    /// Writes a member name, escaped.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a string, escaped.
    public mutating func string(_ value: String) {
        separate()
        JSONWriter.writeString(value, into: &bytes)
        needsComma = true
    }

    /// Writes a string, or `null`.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { self.value(.null) }
    }

    /// Writes a number (integers without a fraction, as ``JSONValue`` does).
    public mutating func number(_ value: Double) {
        separate()
        JSONWriter.writeNumber(value, into: &bytes)
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        self.value(.bool(value))
    }

    /// Writes a ``JSONValue`` (objects with sorted keys).
    public mutating func value(_ value: JSONValue) {
        separate()
        JSONWriter.write(value, into: &bytes)
        needsComma = true
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
    }
}
