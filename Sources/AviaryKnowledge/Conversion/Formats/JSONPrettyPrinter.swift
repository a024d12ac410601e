/// Re-indents valid JSON text, two spaces a level, keeping its member order and number
/// spellings (parsing into a value and writing it back would sort keys and round numbers).
/// Works token by token without recursion, so any nesting depth is fine.
enum JSONPrettyPrinter {
    /// `json`, which must be valid JSON (check it with `JSONValue(parsing:)` first), pretty-printed.
    static func format(_ json: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.count * 2)
        var depth = 0
        var index = 0

        func newline() {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        }
        func nextSignificant(from start: Int) -> Int {
            var position = start
            while position < json.count, isWhitespace(json[position]) { position += 1 }
            return position
        }

        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < json.count, json[index] != UInt8(ascii: "\"") {
                    index += json[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index = min(index + 1, json.count)
                out.append(contentsOf: json[start..<index])
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let next = nextSignificant(from: index + 1)
                if next < json.count, json[next] == byte + 2 {
                    // `{}` or `[]` (`}` is `{` + 2, and `]` is `[` + 2).
                    out.append(contentsOf: [byte, byte + 2])
                    index = next + 1
                    continue
                }
                out.append(byte)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [byte, UInt8(ascii: " ")])
            default:
                if !isWhitespace(byte) { out.append(byte) }
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
