/// Where a page's parts are: its main content, its title, its `<base href>`.
struct HTMLPageStructure {
    /// The elements to convert, best first: `<main>` (or `role="main"`), else the page's only
    /// top-level `<article>`; then `<body>` (or the root element), used when those are empty.
    let contentRoots: [HTMLNode]
    /// The `<title>`'s text, nil when there is none or it is empty.
    let title: String?
    /// The `href` of the first `<base>`.
    let baseHref: String?

    init(root: HTMLNode) {
        let body = root.elementChildren.first { $0.name == "body" } ?? root
        var roots: [HTMLNode] = []
        if let main = Self.main(below: root) {
            roots.append(main)
        } else if let article = Self.onlyArticle(below: root) {
            roots.append(article)
        }
        roots.append(body)
        contentRoots = roots

        // Not inside an `svg`, whose `<title>` is a tooltip, nor other dropped content.
        let pruned: (HTMLNode) -> Bool = { node in
            let name = node.name
            return name != "head" && HTMLContentPolicy.isDropped(node, name: name)
        }
        let titleElement = HTMLTraversal.firstElement(below: root, pruning: pruned, where: { $0.name == "title" })
        let titleText = titleElement.map(HTMLText.plain) ?? ""
        title = titleText.isEmpty ? nil : titleText
        baseHref = HTMLTraversal.firstElement(below: root, pruning: { $0.name == "body" }, where: {
            $0.name == "base" && $0.attribute("href") != nil
        })?.attribute("href")
    }

    /// The first `<main>` or `role="main"` element outside dropped content.
    private static func main(below root: HTMLNode) -> HTMLNode? {
        HTMLTraversal.firstElement(below: root, pruning: HTMLContentPolicy.isDropped, where: { node in
            (node.name == "main" || node.attribute("role")?.lowercased() == "main") && !HTMLContentPolicy.isDropped(node)
        })
    }

    /// The `<article>` when the page has exactly one outside other articles and dropped content.
    private static func onlyArticle(below root: HTMLNode) -> HTMLNode? {
        var articles: [HTMLNode] = []
        HTMLTraversal.walk(below: root) { node in
            guard node.isElement else { return .skip }
            let name = node.name
            if HTMLContentPolicy.isDropped(node, name: name) { return .skip }
            guard name == "article" else { return .descend }
            articles.append(node)
            return articles.count > 1 ? .stop : .skip
        }
        return articles.count == 1 ? articles[0] : nil
    }
}
