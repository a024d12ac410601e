/// A parsed Content-Type value: `text/html; charset=ISO-8859-1`.
struct MediaType: Equatable {
    /// `type/subtype`, lowercase.
    let essence: String
    /// The `charset` parameter, unquoted.
    let charset: String?

    init(_ value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        essence = parts.first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "charset" else { continue }
            let raw = pair[1].trimmingWhitespace()
            let unquoted = raw.count >= 2 && raw.hasPrefix("\"") && raw.hasSuffix("\"") ? raw.dropFirst().dropLast() : raw
            if !unquoted.isEmpty { charset = String(unquoted) }
        }
        self.charset = charset
    }
}
