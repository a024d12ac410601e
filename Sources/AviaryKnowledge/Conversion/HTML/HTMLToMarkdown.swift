import Foundation

/// Converts an HTML page to clean Markdown for a knowledge base, with libxml2's HTML parser.
///
/// Keeps the content (headings, paragraphs, lists, tables, code, links, emphasis, quotes,
/// definition lists, meaningful image text) and leaves out the rest: scripts, styles, media,
/// forms, navigation, the page's header and footer, sidebars, hidden elements, cookie banners
/// and comments. When the page marks its main content (`<main>`, `role="main"`, or a single
/// `<article>`), only that is converted. Malformed HTML is repaired the way libxml2 does.
///
/// Hostile nesting: libxml2 stops parsing at 256 levels of nesting (its limit without
/// `XML_PARSE_HUGE`) and what follows that point is lost. The limit stays on purpose: lifting it
/// makes every stray end tag scan the whole stack of open elements, so a 4 MB page of nested
/// `<span>`s and stray `</x>`s would take minutes. The converter itself renders structure 128
/// levels deep and keeps deeper content as plain text, so it needs little stack (under 200 KB in
/// a debug build, where a Swift concurrency thread on Darwin has 512 KB).
public enum HTMLToMarkdown {
    /// The largest page accepted.
    public static let maximumInputBytes = 64 << 20

    /// Converts a page held as text.
    ///
    /// - Parameter baseURL: the page's URL; relative links are made absolute against it.
    public static func convert(_ html: String, baseURL: URL?) throws(DocumentConversionError) -> ConvertedDocument {
        try convert(Data(html.utf8), baseURL: baseURL, encoding: "UTF-8")
    }

    /// Converts a page held as bytes.
    ///
    /// - Parameters:
    ///   - baseURL: the page's URL; relative links are made absolute against it (or against the
    ///     page's `<base href>`).
    ///   - encoding: the character encoding when the caller knows it (the `charset` of the
    ///     Content-Type header); a byte order mark overrides it, as in browsers. Nil lets libxml2
    ///     find it from a byte order mark or `<meta charset>`, reading UTF-8 and switching to
    ///     ISO-8859-1 at the first invalid byte.
    /// - Throws: ``DocumentConversionError`` for empty input, binary content, input over
    ///   ``maximumInputBytes``, or a page with no text once cleaned.
    public static func convert(_ html: Data, baseURL: URL?, encoding: String? = nil) throws(DocumentConversionError) -> ConvertedDocument {
        guard html.count <= maximumInputBytes else {
            throw DocumentConversionError(.tooLarge, "the page is \(html.count) bytes; at most \(maximumInputBytes) are accepted")
        }
        guard html.contains(where: { !Self.isASCIIWhitespace($0) }) else {
            throw DocumentConversionError(.emptyInput, "the page is empty")
        }
        if let reason = BinarySniffer.binaryReason(html) {
            throw DocumentConversionError(.binaryContent, "not HTML: \(reason)")
        }
        let declared = TextDecoding.hasByteOrderMark(html) ? nil : encoding
        let converted = HTMLParser.withRootElement(of: html, encoding: declared) { root in
            convert(root: root, baseURL: baseURL)
        }
        guard let converted, !converted.markdown.isEmpty else {
            throw DocumentConversionError(.noText, "the page has no text once scripts, styles, navigation and hidden content are removed")
        }
        return converted
    }

    private static func convert(root: HTMLNode, baseURL: URL?) -> ConvertedDocument {
        let page = HTMLPageStructure(root: root)
        let links = LinkResolver(pageURL: baseURL, baseHref: page.baseHref)
        for contentRoot in page.contentRoots {
            var renderer = HTMLMarkdownRenderer(links: links)
            let markdown = renderer.render(contentsOf: contentRoot)
            if !markdown.isEmpty {
                return ConvertedDocument(title: page.title ?? renderer.firstHeading, markdown: markdown)
            }
        }
        return ConvertedDocument(title: page.title, markdown: "")
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
