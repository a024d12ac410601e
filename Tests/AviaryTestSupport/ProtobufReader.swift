/// Reads protobuf wire-format fields one at a time (varint, fixed64, length-delimited, fixed32).
struct ProtobufReader {
    /// A field's payload.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed32(UInt32)
    }

    /// Malformed input.
    struct MalformedError: Error, CustomStringConvertible {
        var description: String
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// The next field, or `nil` at the end.
    mutating func next() throws -> (number: Int, value: Value)? {
        guard !bytes.isEmpty else { return nil }
        let tag = try varint()
        let number = Int(tag >> 3)
        switch tag & 7 {
        case 0:
            return (number, .varint(try varint()))
        case 1:
            return (number, .fixed64(try little(8)))
        case 2:
            let length = Int(try varint())
            guard length >= 0, length <= bytes.count else { throw MalformedError(description: "length \(length) past the end") }
            let payload = bytes.prefix(length)
            bytes = bytes.dropFirst(length)
            return (number, .bytes(payload))
        case 5:
            return (number, .fixed32(UInt32(try little(4))))
        default:
            throw MalformedError(description: "unsupported wire type \(tag & 7) for field \(number)")
        }
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { break }
        }
        throw MalformedError(description: "truncated varint")
    }

    private mutating func little(_ count: Int) throws -> UInt64 {
        guard bytes.count >= count else { throw MalformedError(description: "truncated fixed\(count * 8)") }
        var result: UInt64 = 0
        for (i, byte) in bytes.prefix(count).enumerated() { result |= UInt64(byte) << (8 * UInt64(i)) }
        bytes = bytes.dropFirst(count)
        return result
    }
}
