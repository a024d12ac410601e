import AviaryRuntime

/// Sits between an application's agents and what they call: it may wrap the model provider and
/// change the tool registry. `aviary test` records and replays sessions through it. Both methods
/// default to leaving things as they are.
public protocol ApplicationInterposer: Sendable {
    /// The provider the agents' runs resolve their models with, given the configured one.
    func models(_ provider: any ModelProvider) -> any ModelProvider
    /// The tools the agents get, given the project's and the built-in ones. It is applied when
    /// the project is loaded (so agents may name tools it adds) and again once the application has
    /// registered its own tools, so applying it twice must give the same tools as applying it once.
    func tools(_ registry: ToolRegistry) -> ToolRegistry
}

extension ApplicationInterposer {
    /// The configured provider, unchanged.
    public func models(_ provider: any ModelProvider) -> any ModelProvider { provider }
    /// The tools, unchanged.
    public func tools(_ registry: ToolRegistry) -> ToolRegistry { registry }
}
