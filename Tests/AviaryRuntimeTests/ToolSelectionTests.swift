import AviaryCore
import AviaryRuntime
import AviaryStorage
import AviaryTesting
import Foundation
import Testing

/// An agent's `tools` list: exact names and `*` globs over the registry.
@Suite struct ToolSelectionTests {
    static func registryTools() -> [any Tool] {
        let (customer, incidents) = ToolLoop.tools()
        let other = ClosureTool("other", policy: .readOnly) { _, _ in ToolOutput("x") }
        return [customer, incidents, other]
    }

    @Test func aGlobSelectsEveryMatchingToolAndNothingElse() async throws {
        try await RuntimeFixture.with { fx in
            let agent = AgentDefinition(name: "support", instructions: "Use the tools.", tools: ["get_*"])
            let model = ScriptedModel([.text("done")], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [agent], tools: Self.registryTools(), model: model)
            let run = try await runtime.run(.question("hi", agent: "support"))
            #expect(run.status == .completed)
            #expect(model.requests.first?.tools.map(\.name).sorted() == ["get_customer", "get_incidents"])
            try model.verifyConsumed()
        }
    }

    @Test func aGlobMatchingNoToolFailsTheRunSayingWhich() async throws {
        try await RuntimeFixture.with { fx in
            let agent = AgentDefinition(name: "support", instructions: "Use the tools.", tools: ["lookup_*"])
            let runtime = fx.runtime(agents: [agent], tools: Self.registryTools(), model: ScriptedModel([], onMisuse: { Issue.record($0) }))
            let run = try await runtime.run(.question("hi", agent: "support"))
            #expect(run.status == .failed)
            #expect(run.error == "agent 'support' lists unknown tool 'lookup_*'")
        }
    }

    @Test func anUnavailableBuiltInFailsTheRunSayingWhatItNeeds() async throws {
        try await RuntimeFixture.with { fx in
            let agent = AgentDefinition(name: "researcher", instructions: "Search.", tools: ["web_search"])
            var registry = ToolRegistry(Self.registryTools())
            registry.markUnavailable(UnavailableTool(name: "web_search", needs: "a search provider: add `web_search:` to aviary.yaml"))
            #expect(registry.unavailable["web_search"]?.reason == "web_search needs a search provider: add `web_search:` to aviary.yaml")
            let runtime = AgentRuntime(catalog: AgentCatalog([agent]), tools: registry,
                                       models: SingleModelProvider(ScriptedModel([], onMisuse: { Issue.record($0) })),
                                       runs: fx.storage.store, sessions: fx.storage.store, leasing: RuntimeFixture.leasing)
            let run = try await runtime.run(.question("hi", agent: "researcher"))
            #expect(run.status == .failed)
            #expect(run.error == "agent 'researcher' uses web_search, which needs a search provider: add `web_search:` to aviary.yaml")
            var registered = registry
            registered.register(ClosureTool("web_search", policy: .readOnly) { _, _ in ToolOutput("x") })
            #expect(registered.unavailable.isEmpty, "registering the tool clears the mark")
            registered.markUnavailable(UnavailableTool(name: "web_search", needs: "x"))
            #expect(registered.unavailable.isEmpty, "a registered tool is never marked unavailable")
        }
    }

    /// `name?` is optional: the agent runs without it where nothing by that name exists (a tool
    /// only some deployments configure), and gets it where it does; `name?` still names agents.
    @Test func anOptionalEntryIsSkippedWhenAbsentAndUsedWhenPresent() async throws {
        try await RuntimeFixture.with { fx in
            let agent = AgentDefinition(name: "support", instructions: "Use the tools.", tools: ["get_customer", "web_search?", "lookup_*?", "other?"])
            let model = ScriptedModel([.text("done")], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [agent], tools: Self.registryTools(), model: model)
            let run = try await runtime.run(.question("hi", agent: "support"))
            #expect(run.status == .completed)
            #expect(model.requests.first?.tools.map(\.name).sorted() == ["get_customer", "other"])
            #expect(ToolReference("web_search?") == ToolReference("web_search?"))
            #expect(ToolReference("web_search?").name == "web_search" && ToolReference("web_search?").isOptional)
            #expect(!ToolReference("?").isOptional, "a lone ? is a name, not an empty optional entry")
            try model.verifyConsumed()
        }
    }

    @Test(arguments: [("get_customer", ["get_customer"]), ("get_*", ["get_customer", "get_incidents"]),
                      ("*_incidents", ["get_incidents"]), ("*", ["get_customer", "get_incidents", "other"]),
                      ("g*t_c*", ["get_customer"]), ("get", []), ("nothing*", [])])
    func theRegistryMatchesExactNamesAndGlobs(_ pattern: String, _ expected: [String]) {
        let registry = ToolRegistry(Self.registryTools())
        #expect(registry.matching(pattern).map(\.spec.name).sorted() == expected)
    }

    /// Production runs published agents only: a published agent cannot reach a draft through
    /// delegation; a draft (a builder's debug run) can.
    @Test func aPublishedAgentCannotDelegateToADraft() async throws {
        try await RuntimeFixture.with { fx in
            let helper = AgentDefinition(name: "helper", instructions: "Help.", status: .draft)
            let router = AgentDefinition(name: "router", instructions: "Delegate.", tools: ["helper"])
            let model = ScriptedModel([], onMisuse: { Issue.record($0) })
            let runtime = fx.runtime(agents: [router, helper], tools: [], model: model)
            let run = try await runtime.run(.question("hi", agent: "router"))
            #expect(run.status == .failed)
            #expect(run.error == "published agent 'router' delegates to 'helper', which is a draft; publish it first")
            #expect(model.requests.isEmpty, "no model call is paid for")

            var draftRouter = router
            draftRouter.status = .draft
            let debugModel = ScriptedModel([.text("fine")], onMisuse: { Issue.record($0) })
            let debug = fx.runtime(agents: [draftRouter, helper], tools: [], model: debugModel)
            #expect(try await debug.run(.question("hi", agent: "router")).status == .completed)
            try debugModel.verifyConsumed()
        }
    }
}
