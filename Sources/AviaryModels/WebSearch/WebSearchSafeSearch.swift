/// How strictly a web search filters adult content. Each engine spells it its own way (SearXNG
/// `safesearch=0|1|2`, Brave `safesearch=off|moderate|strict`); `nil` in a configuration leaves
/// the engine's default.
public enum WebSearchSafeSearch: String, Sendable, Hashable, CaseIterable {
    /// No filtering.
    case off
    /// Filters explicit content.
    case moderate
    /// Drops all adult content.
    case strict
}
