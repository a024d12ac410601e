import Foundation

/// Bytes to text: UTF-8 (a byte order mark dropped), UTF-16 after a byte order mark, else
/// ISO-8859-1 as browsers read it (bytes 0x80–0x9F as in windows-1252, where ISO-8859-1 has
/// only control characters: a "Latin-1" file's curly quotes and euro signs survive).
enum TextDecoding {
    static func decode(_ data: Data) -> String {
        if let order = utf16ByteOrder(data) { return decodeUTF16(data.dropFirst(2), bigEndian: order) }
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return decodeLatin1(bytes)
    }

    /// Whether `data` starts with a UTF-8 or UTF-16 byte order mark.
    static func hasByteOrderMark(_ data: Data) -> Bool {
        data.starts(with: [0xEF, 0xBB, 0xBF]) || utf16ByteOrder(data) != nil
    }

    /// `true` for a big-endian UTF-16 byte order mark, `false` for little-endian, nil for none.
    static func utf16ByteOrder(_ data: Data) -> Bool? {
        guard data.count >= 2 else { return nil }
        let first = data[data.startIndex], second = data[data.startIndex + 1]
        if first == 0xFE, second == 0xFF { return true }
        if first == 0xFF, second == 0xFE { return false }
        return nil
    }

    static func decodeLatin1(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252[Int(byte) - 0x80]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static func decodeUTF16(_ bytes: Data, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let high = UInt16(bytes[index]), low = UInt16(bytes[index + 1])
            units.append(bigEndian ? high << 8 | low : low << 8 | high)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// windows-1252 for 0x80–0x9F; the five bytes it leaves undefined stay C1 controls.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
