import Foundation

/// Turns `href`s into absolute link targets, dropping those that are not links to keep.
struct LinkResolver {
    /// Schemes whose links run code or embed data rather than point somewhere.
    static let droppedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// The base relative links resolve against: the page's `<base href>` (itself resolved against
    /// the page URL), else the page URL.
    let base: URL?

    init(pageURL: URL?, baseHref: String? = nil) {
        if let baseHref, let cleaned = Self.clean(baseHref), !cleaned.isEmpty,
           let url = URL(string: cleaned, relativeTo: pageURL)?.absoluteURL, url.scheme != nil {
            base = url
        } else {
            base = pageURL
        }
    }

    /// The Markdown link destination for `href`, absolute when there is a base; nil for a
    /// `javascript:`/`vbscript:`/`data:` link, a same-page `#fragment`, or one that is not a URL.
    func destination(for href: String) -> String? {
        guard let cleaned = Self.clean(href), !cleaned.isEmpty, !cleaned.hasPrefix("#") else { return nil }
        if let scheme = Self.scheme(of: cleaned), Self.droppedSchemes.contains(scheme) { return nil }
        guard let url = URL(string: cleaned, relativeTo: base) else { return nil }
        let target = base == nil ? url.relativeString : url.absoluteString
        guard !target.isEmpty else { return nil }
        return Self.markdownSafe(target)
    }

    /// Whether `href` points into the page itself (`#section`).
    static func isSamePage(_ href: String) -> Bool {
        clean(href)?.hasPrefix("#") ?? false
    }

    /// `href` as a browser reads it: tabs and line breaks removed, surrounding spaces and
    /// control characters trimmed (so `java\tscript:` is `javascript:`).
    static func clean(_ href: String) -> String? {
        let scalars = href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        guard let start = scalars.firstIndex(where: { $0.value > 0x20 }),
              let last = scalars.lastIndex(where: { $0.value > 0x20 }) else { return nil }
        return String(scalars[start...last])
    }

    /// The lowercase scheme of `href`, if it has one.
    static func scheme(of href: String) -> String? {
        guard let colon = href.firstIndex(of: ":") else { return nil }
        let scheme = href[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    /// Parentheses, spaces and angle brackets percent-encoded so the destination cannot end early.
    static func markdownSafe(_ target: String) -> String {
        var safe = ""
        for scalar in target.unicodeScalars {
            switch scalar {
            case "(": safe += "%28"
            case ")": safe += "%29"
            case " ": safe += "%20"
            case "<": safe += "%3C"
            case ">": safe += "%3E"
            default: safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }
}
