/// What the converter leaves out of a page: code, media, forms, site chrome (navigation, page
/// header and footer, sidebars), hidden elements and cookie banners.
enum HTMLContentPolicy {
    /// Elements dropped with everything inside them.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "frame", "frameset",
        "object", "embed", "applet", "audio", "video", "map", "head", "title", "meta", "link", "base",
        "input", "button", "select", "textarea", "option", "optgroup", "datalist", "label", "output",
        "progress", "meter", "nav", "aside", "search",
    ]

    /// ARIA landmarks of site chrome.
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "search", "complementary"]

    /// Fragments of an `id` or `class` that mark a cookie or consent banner.
    static let bannerMarkers = ["cookie", "consent", "gdpr", "cc-banner"]

    /// Elements whose `id`/`class` never makes them a banner: a page-wide class such as
    /// `has-cookie-banner` on `<body>` must not drop the whole page.
    static let bannerExempt: Set<String> = ["html", "body", "main", "article"]

    /// A `header`/`footer` inside one of these belongs to it (an article's title and byline, a
    /// quotation's attribution) and is kept; elsewhere it is the page's banner or footer (ARIA's
    /// rule, with `blockquote` and `figure` added for their attributions and credits).
    static let sectioningAncestors: Set<String> = ["article", "main", "section", "blockquote", "figure"]
    static let sectioningRoles: Set<String> = ["article", "main", "region"]

    /// The most nodes looked at to decide whether a form wraps the page's content.
    static let formScanLimit = 20_000

    /// Whether `element` and its content are left out.
    static func isDropped(_ element: HTMLNode) -> Bool {
        isDropped(element, name: element.name)
    }

    static func isDropped(_ element: HTMLNode, name: String) -> Bool {
        if droppedElements.contains(name) { return true }
        if let hidden = element.attribute("hidden"), hidden.lowercased() != "until-found" { return true }
        if element.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let role = element.attribute("role"), droppedRoles.contains(role.lowercased()) { return true }
        if let style = element.attribute("style"), hidesElement(style: style) { return true }
        if !bannerExempt.contains(name), isBanner(element) { return true }
        switch name {
        case "header", "footer": return !hasSectioningAncestor(element)
        case "form": return !wrapsPageContent(element)
        default: return false
        }
    }

    /// `display: none` or `visibility: hidden` in an inline style.
    static func hidesElement(style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    static func isBanner(_ element: HTMLNode) -> Bool {
        for attribute in ["id", "class"] {
            guard let value = element.attribute(attribute), !value.isEmpty else { continue }
            let lowercase = value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            if bannerMarkerBytes.contains(where: { contains(lowercase, $0) }) { return true }
        }
        return false
    }

    private static let bannerMarkerBytes = bannerMarkers.map { Array($0.utf8) }

    /// Whether `marker` occurs in `text` (both short: a naive search is fastest).
    private static func contains(_ text: [UInt8], _ marker: [UInt8]) -> Bool {
        guard text.count >= marker.count else { return false }
        return (0...(text.count - marker.count)).contains { start in
            marker.indices.allSatisfy { text[start + $0] == marker[$0] }
        }
    }

    static func hasSectioningAncestor(_ element: HTMLNode) -> Bool {
        var ancestor = element.parent
        while let current = ancestor, current.isElement {
            if sectioningAncestors.contains(current.name) { return true }
            if let role = current.attribute("role"), sectioningRoles.contains(role.lowercased()) { return true }
            ancestor = current.parent
        }
        return false
    }

    /// Whether a form holds the page's content rather than a search box or a sign-up: ASP.NET
    /// WebForms pages wrap the whole body in one `<form>`. Its controls are dropped either way.
    static func wrapsPageContent(_ form: HTMLNode) -> Bool {
        var visited = 0
        var wraps = false
        HTMLTraversal.walk(below: form) { node in
            guard node.isElement else { return .skip }
            visited += 1
            let name = node.name
            if name == "main" || name == "article" || name == "h1" || node.attribute("role")?.lowercased() == "main" {
                wraps = true
                return .stop
            }
            return visited < formScanLimit ? .descend : .stop
        }
        return wraps
    }
}
