import Crypto

/// The content hash of a chunk: SHA-256 of its text's UTF-8, lowercase hex.
enum ContentHash {
    static func sha256Hex(_ text: String) -> String {
        let hexDigits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return hex
    }
}
