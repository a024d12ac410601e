import AviaryCore
import AviaryRuntime

/// Built-in tools that exist only when `aviary.yaml` sets up what they need. Without the setting
/// the tool is absent and marked unavailable with what to add, which `aviary validate`, reloads and
/// the runtime tell an agent that names it. With it, a project loaded without network access holds
/// a stand-in of the tool (same name and schema) that the application replaces with the connected one.
enum ConfigurableTools {
    /// One such tool.
    struct Entry: Sendable {
        /// Its name and what it needs.
        let unavailable: UnavailableTool
        /// The stand-in for a configuration that sets it up; `nil` when it does not.
        let standIn: @Sendable (AviaryConfiguration) -> (any Tool)?
    }

    /// Every built-in tool that needs configuration.
    static let all: [Entry] = [
        Entry(unavailable: UnavailableTool(name: "web_search", needs: """
            a search provider: add `web_search: {provider: searxng, url: …}` or `{provider: brave}` to aviary.yaml
            """),
              standIn: { config in
                  config.webSearch.map { $0.makeTool(provider: DetachedWebSearchProvider(name: $0.provider.rawValue)) }
              }),
    ]

    /// Registers the stand-in of each tool `configuration` sets up and marks the others unavailable.
    static func register(into registry: inout ToolRegistry, configuration: AviaryConfiguration) {
        for entry in all {
            if let tool = entry.standIn(configuration) { registry.register(tool) } else { registry.markUnavailable(entry.unavailable) }
        }
    }
}
