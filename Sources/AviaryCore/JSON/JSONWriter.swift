/// Compact, deterministic JSON serialisation (sorted keys) for ``JSONValue``, straight to UTF-8
/// bytes: the hot path of request bodies, journal outputs and event data.
///
/// Strings are escaped by copying runs of plain bytes, an order of magnitude faster than appending
/// to a `String` scalar by scalar on long texts with newlines and quotes. Sorted keys keep prompts
/// byte-identical across calls (provider-side prompt caching) and stored JSON deterministic.
enum JSONWriter {
    /// The compact UTF-8 encoding of `value`.
    static func bytes(_ value: JSONValue, capacityHint: Int = 256) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacityHint)
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): b ? out.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) : out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let n): writeNumber(n, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            if members.count <= smallObject {
                writeSmall(members, into: &out)
            } else {
                var first = true
                // Sorting the members (not the keys) spares a hash lookup per member.
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    writeMember(key, member, into: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Objects up to this many members are sorted in place on the stack (insertion sort of their
    /// dictionary indices): no array of members, no retains for the sort. Most objects are small.
    static let smallObject = 16

    private static func writeSmall(_ members: [String: JSONValue], into out: inout [UInt8]) {
        let count = members.count
        guard count > 1 else {
            if let (key, member) = members.first { writeMember(key, member, into: &out) }
            return
        }
        withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: count) { order in
            var index = members.startIndex
            for i in 0..<count {
                (order.baseAddress! + i).initialize(to: index)
                index = members.index(after: index)
                var j = i
                while j > 0, members[order[j]].key < members[order[j - 1]].key {
                    order.swapAt(j, j - 1)
                    j -= 1
                }
            }
            for i in 0..<count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let (key, member) = members[order[i]]
                writeMember(key, member, into: &out)
            }
            order.baseAddress!.deinitialize(count: count)
        }
    }

    private static func writeMember(_ key: String, _ member: JSONValue, into out: inout [UInt8]) {
        writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(member, into: &out)
    }

    static func writeNumber(_ n: Double, into out: inout [UInt8]) {
        guard n.isFinite else { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]); return }
        guard n.rounded() == n, abs(n) < 9.0e15 else { out.append(contentsOf: n.description.utf8); return }
        var value = Int64(n)
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")); value = -value }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while value > 0 {
                buffer[count] = UInt8(truncatingIfNeeded: value % 10) + UInt8(ascii: "0")
                value /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = string
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x20, b != 0x22, b != 0x5C { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                }
            }
            if runStart < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
