import AviaryCore

extension WebSearchResult {
    /// `{title, url, snippet, published?}`.
    var json: JSONValue {
        var object: [String: JSONValue] = ["title": .string(title), "url": .string(url), "snippet": .string(snippet)]
        if let published { object["published"] = .string(published) }
        return .object(object)
    }
}
