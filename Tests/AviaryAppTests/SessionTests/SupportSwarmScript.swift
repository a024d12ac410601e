import AviaryApp
import AviaryCore
import AviaryModels
import AviaryTesting
import Foundation

/// The scripted stand-in for a real model that the support swarm's session-test recordings were
/// made with: the provider wire responses a `FakeOpenAIServer` serves, in the order the three
/// cases ask for them, and ``record(project:)``, which runs `aviary test --record`'s code path
/// (``SessionTestRunner`` with `record`) against it and the fake SearXNG server.
enum SupportSwarmScript {
    static func call(_ id: String, _ name: String, _ arguments: JSONValue) -> FakeToolCall {
        FakeToolCall(id: id, name: name, arguments: arguments.jsonString)
    }

    /// Case 01: the router writes, reads and finds, then answers.
    static let case01: [FakeReply] = [
        .toolCalls([call("call_w1", "write", ["path": "notes/today.txt", "content": "Meeting with Acme at 3pm"])], usage: FakeUsage(input: 812, output: 31)),
        .toolCalls([call("call_r1", "read", ["path": "notes/today.txt"])], usage: FakeUsage(input: 871, output: 18)),
        .toolCalls([call("call_f1", "find", ["pattern": "**/*.txt"])], usage: FakeUsage(input: 915, output: 19)),
        .text("Saved your note to notes/today.txt. Reading it back, it says: \"Meeting with Acme at 3pm\". Your .txt files: notes/today.txt.",
              usage: FakeUsage(input: 960, output: 38)),
    ]

    /// Case 02: the router delegates to customer_support, which lists the active incidents.
    static let case02: [FakeReply] = [
        .toolCalls([call("call_cs1", "customer_support", ["question": "Which platform incidents are active right now?"])], usage: FakeUsage(input: 840, output: 27)),
        .toolCalls([call("call_gi1", "get_active_incidents", [:])], usage: FakeUsage(input: 402, output: 14)),
        .text("""
            Two incidents are active:
            1. Pix transfers delayed (high, since 2025-06-10 13:05 UTC): outgoing Pix transfers can take up to 30 minutes; no money is lost and there is no need to retry.
            2. Card machine connectivity issues in the Northeast (medium, since 2025-06-10 08:20 UTC): some 4G card machines in PE, BA and CE cannot connect; use Wi-Fi or Tap to Pay on a phone meanwhile.
            """, usage: FakeUsage(input: 655, output: 96)),
        .text("""
            Yes, two incidents are active right now:
            - **Pix transfers delayed**: outgoing Pix can take up to 30 minutes. No money is lost and you don't need to retry.
            - **Card machine connectivity issues in the Northeast**: some 4G card machines in PE, BA and CE can't connect. Switch the machine to Wi-Fi or use Tap to Pay on your phone until it's fixed.
            """, usage: FakeUsage(input: 1010, output: 84)),
    ]

    static let comparison = """
        # Stone vs InfinitePay: card machines

        | | InfinitePay (Maquininha Smart) | Stone |
        | --- | --- | --- |
        | Debit | 1.37% | 1.45% |
        | Credit à vista | 3.15% | 3.29% |
        | Credit 2–12× | 5.39% to 12.40% | 5.59% to 12.99% |
        | Money available | in about 1 minute, every day (D+0) | next business day (D+1); same day for 0.99% more |
        | Machine | bought: R$ 238.80 (12 × R$ 19.90), no rent | rented from R$ 29.90 per month |

        Sources: knowledge/card-machine.md, knowledge/fees-and-settlement.md (InfinitePay knowledge base);
        https://example.com/stone/fees, https://example.com/stone/plans (web search; fictional example results).
        """

    /// Case 03: the router delegates to knowledge_agent (rag_search and web_search), then writes comparison.md.
    static let case03: [FakeReply] = [
        .toolCalls([call("call_ka1", "knowledge_agent", ["question": "Compare Stone's and InfinitePay's card machines: debit, credit à vista and instalment fees, when the money is available, and the machine's cost. Cite your sources."])],
                   usage: FakeUsage(input: 868, output: 52)),
        .toolCalls([call("call_rag1", "rag_search", ["query": "card machine fees debit credit instalments settlement machine price", "namespace": "infinitepay", "top_k": 4]),
                    call("call_web1", "web_search", ["query": "Stone maquininha taxas débito crédito parcelado prazo de recebimento", "max_results": 3])],
                   text: "I'll search the knowledge base for InfinitePay and the web for Stone.", usage: FakeUsage(input: 517, output: 88)),
        .text("""
            | | InfinitePay | Stone |
            | --- | --- | --- |
            | Debit | 1.37% | 1.45% |
            | Credit à vista | 3.15% | 3.29% |
            | Credit 2–12× | 5.39% to 12.40% | 5.59% to 12.99% |
            | Money available | about 1 minute, every day | next business day (D+1) |
            | Machine | bought, R$ 238.80 (12 × R$ 19.90), no rent | rented, from R$ 29.90/month |

            Sources: knowledge/card-machine.md and knowledge/fees-and-settlement.md (InfinitePay); https://example.com/stone/fees and https://example.com/stone/plans (web, fictional example results).
            """, usage: FakeUsage(input: 2940, output: 190)),
        .toolCalls([call("call_wr1", "write", ["path": "comparison.md", "content": .string(comparison)])], usage: FakeUsage(input: 1302, output: 260)),
        .text("""
            I saved the comparison to comparison.md. In short: InfinitePay's fees are slightly lower (debit 1.37% vs 1.45%, credit à vista 3.15% vs 3.29%), its money is available in about a minute instead of the next business day, and its machine is bought once (R$ 238.80) rather than rented from R$ 29.90 a month. Sources are listed in the file.
            """, usage: FakeUsage(input: 1590, output: 92)),
    ]

    /// What the recordings say of how they were made.
    static let note = """
        Recorded with `aviary test --record` against a scripted stand-in, not a real model: a local OpenAI-compatible \
        fake server (AviaryTesting's FakeOpenAIServer) served the responses of \
        Tests/AviaryAppTests/SessionTests/SupportSwarmScript.swift, and Aviary's web_search tool \
        (`web_search: {provider: searxng}`) queried a local fake SearXNG server (AviaryTesting's \
        FakeSearchServer) answering with fictional results. Re-record with a real model and web search \
        provider: `aviary test --record --project Examples/support-swarm`.
        """

    /// The fictional results the fake SearXNG server gives every query.
    static let searchResults = [
        WebSearchResult(title: "Stone card machine fees explained (example result)", url: "https://example.com/stone/fees",
                        snippet: "Fictional search result for the Aviary example: Stone's card machine charges debit 1.45%, credit à vista 3.29% and 2–12 instalments from 5.59% to 12.99%; money from card sales arrives the next business day (D+1) by default.",
                        published: "2025-05-02"),
        WebSearchResult(title: "Stone machine plans: rent or buy (example result)", url: "https://example.com/stone/plans",
                        snippet: "Fictional search result for the Aviary example: Stone's card machines are rented from R$ 29.90 per month, with no purchase option on the basic plan; same-day settlement costs 0.99% more per sale.",
                        published: "2025-04-18"),
        WebSearchResult(title: "How to compare acquirers (example result)", url: "https://example.com/guides/compare-acquirers",
                        snippet: "Fictional search result for the Aviary example: compare the fee for your payment mix, when the money is available and the machine's cost, not the headline rate alone."),
    ]

    /// Records the three cases of the project at `project` (a copy of the support swarm) through
    /// the real recording path, with the real `web_search` tool over a fake SearXNG; returns the results.
    static func record(project: URL) async throws -> [SessionTestResult] {
        try await withFakeOpenAIServer(replies: case01 + case02 + case03) { server in
            try await withFakeSearXNGServer(fallback: .results(searchResults)) { search in
                var config = try ConfigurationLoader(environment: [:]).load(project: project)
                config.embeddings = .none // no embedding model to install: rag_search ranks by full text
                config.webSearch = WebSearchSettings(provider: .searxng, url: search.baseURL)
                let application = AviaryApplication.Options(startLocalModel: false, installLocalModel: false,
                                                            environment: ["OPENAI_API_KEY": "sk-fake", "OPENAI_BASE_URL": server.baseURL])
                let runner = SessionTestRunner(configuration: config, options: .init(record: true, note: note, application: application))
                let results = try await runner.run()
                guard server.failures.isEmpty, server.script.remainingReplies.isEmpty, search.failures.isEmpty else {
                    throw CLIScriptError(message: "the fake model's script and the run disagree: \(server.failures) \(search.failures) (left: \(server.script.remainingReplies.count))")
                }
                guard search.requests.count == 1 else {
                    throw CLIScriptError(message: "web_search reached the fake SearXNG \(search.requests.count) times, not once")
                }
                return results
            }
        }
    }

    struct CLIScriptError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
