import Foundation

/// Recognises binary content where text (HTML, Markdown, CSV, JSON) was expected.
enum BinarySniffer {
    /// How much of the start is examined.
    static let window = 8 * 1024

    /// Why `data` is not text, or nil when it may be: a known binary signature, or NUL bytes
    /// in the first 8 KB (allowed only after a UTF-16 byte order mark).
    static func binaryReason(_ data: Data) -> String? {
        if let format = signature(data) { return "the content is \(format), not text" }
        if TextDecoding.utf16ByteOrder(data) != nil { return nil }
        if data.prefix(window).contains(0) { return "the content is binary, not text (NUL bytes in the first 8 KB)" }
        return nil
    }

    /// The format of well-known binary files, from their first bytes.
    static func signature(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(16))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if starts(Array("%PDF-".utf8)) { return "a PDF document" }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if starts([0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if starts(Array("GIF8".utf8)) { return "a GIF image" }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return "a WebP image" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive (or an Office document)" }
        if starts([0x1F, 0x8B]) { return "gzip-compressed data" }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "an executable (ELF)" }
        if starts(Array("SQLite format 3".utf8)) { return "an SQLite database" }
        return nil
    }
}
