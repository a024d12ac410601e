import AviaryCore
import AviaryRuntime

/// Puts the tape between an `aviary test` application's agents and the outside: models through
/// ``SessionTapeModels``, recorded tools through ``SessionTapeTool`` (wrapping the project's, or
/// standing in with a recording's spec where the project has none), and extra tools a test or a
/// recording script supplies where the project lacks them.
struct SessionTestInterposer: ApplicationInterposer {
    let tape: SessionTape
    /// The tools recorded by any of the cases being run.
    let recorded: Set<String>
    /// Specs of recorded tools, from the recordings being replayed (for stand-ins).
    let standIns: [String: ToolSpec]
    /// Tools registered where the project has none of their name.
    let extraTools: [any Tool]

    func models(_ provider: any ModelProvider) -> any ModelProvider { SessionTapeModels(base: provider, tape: tape) }

    func tools(_ registry: ToolRegistry) -> ToolRegistry {
        var tools = registry
        for tool in extraTools where tools.tool(named: tool.name) == nil { tools.register(tool) }
        for name in recorded.sorted() {
            let existing = tools.tool(named: name)
            if existing is SessionTapeTool { continue } // applied before: the same tools again
            if let existing {
                tools.register(SessionTapeTool(base: existing, spec: existing.spec, tape: tape))
            } else if let spec = standIns[name] {
                tools.register(SessionTapeTool(base: nil, spec: spec, tape: tape))
            }
        }
        return tools
    }
}
