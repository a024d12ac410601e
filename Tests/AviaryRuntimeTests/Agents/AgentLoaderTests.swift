import AviaryCore
import AviaryRuntime
import AviaryTestSupport
import Foundation
import Testing

/// Agent YAML validation: every problem is an error naming the file and the field, and nothing a
/// definition sets is silently ignored.
@Suite struct AgentLoaderTests {
    /// Loads `yaml` as `agents/helper.yaml`, expecting it to fail; returns the error.
    func failure(_ yaml: String) throws -> AgentLoadError {
        do {
            let agent = try AgentLoader().load(yaml: yaml, file: "agents/helper.yaml", defaultName: "helper")
            throw TestFailure(description: "expected an error, loaded \(agent)")
        } catch let error as AgentLoadError {
            return error
        }
    }

    func load(_ yaml: String) throws -> AgentDefinition {
        try AgentLoader().load(yaml: yaml, file: "agents/helper.yaml", defaultName: "helper")
    }

    struct TestFailure: Error, CustomStringConvertible { let description: String }

    @Test func aFullDefinitionLoadsEveryField() throws {
        let agent = try AgentLoader().load(yaml: """
            name: support
            description: Looks customers up.
            kind: react
            model: fast
            instructions: You help with {{ question }}.
            tools: [get_customer, files.*]
            max_iterations: 8
            version: 3
            status: draft
            temperature: 0.2
            capabilities: [customer-lookup]
            cost_tier: low
            """, file: "agents/support.yaml", defaultName: "ignored")
        #expect(agent == AgentDefinition(name: "support", description: "Looks customers up.", kind: .react, model: "fast",
                                         instructions: "You help with {{ question }}.", tools: ["get_customer", "files.*"],
                                         maxIterations: 8, version: "3", status: .draft, temperature: 0.2,
                                         capabilities: ["customer-lookup"], costTier: .low))
    }

    @Test func defaultsApplyAndTheNameComesFromTheFile() throws {
        let agent = try AgentLoader().load(yaml: "instructions: Hi.", file: "agents/helper.yaml", defaultName: "helper")
        #expect(agent == AgentDefinition(name: "helper", instructions: "Hi."))
    }

    @Test func aSimpleAgentWithAnOutputSchemaLoads() throws {
        let agent = try AgentLoader().load(yaml: """
            kind: simple
            instructions: Classify {{ question }}.
            output_schema: {type: object, properties: {label: {type: string}}, required: [label]}
            """, file: "agents/classify.yaml", defaultName: "classify")
        #expect(agent.kind == .simple)
        #expect(agent.outputSchema?["required"] == ["label"])
    }

    @Test(arguments: ["guardrails: [no_pii]", "guardrails: []", "memory: {kind: vector}", "memory: true"])
    func fieldsNotSupportedYetAreRefusedByName(_ line: String) throws {
        let field = String(line.prefix { $0 != ":" })
        let error = try failure("instructions: Hi.\n\(line)\n")
        #expect(error.file == "agents/helper.yaml")
        #expect(error.field == field)
        #expect(error.message.hasPrefix("not supported yet"))
        #expect(error.description.hasPrefix("agents/helper.yaml: field '\(field)': not supported yet"))
    }

    @Test func anUnknownFieldCloseToAKnownOneGetsAHint() throws {
        let error = try failure("instructions: Hi.\nmax_iteration: 3\n")
        #expect(error.field == "max_iteration")
        #expect(error.message.hasPrefix("unknown field (did you mean 'max_iterations'?); known fields: "))
        #expect(error.description.hasPrefix("agents/helper.yaml: field 'max_iteration': unknown field"))
    }

    @Test func aMisspeltRequiredFieldIsReportedAsUnknownBeforeItIsMissing() throws {
        let error = try failure("instuctions: Hi.\n")
        #expect(error.field == "instuctions")
        #expect(error.message.contains("did you mean 'instructions'?"))
    }

    @Test func approvalsAreReadPerTool() throws {
        let agent = try load("""
            instructions: Help.
            tools: [refund_payment, send_email, delete_file, "mcp_*"]
            approvals:
              refund_payment: always
              send_email: {when: "amount > `100` && currency == 'EUR'", approvers: [admin, operator]}
              delete_file: never
              mcp_payments: {approvers: [owner], expires_in: 24h, on_expiry: fail}
            """)
        #expect(agent.approvals["refund_payment"] == ApprovalRule(.always))
        #expect(agent.approvals["delete_file"] == ApprovalRule(.never))
        #expect(agent.approvals["mcp_payments"] == ApprovalRule(.always, approvers: [.owner], expiresIn: 86_400, onExpiry: .fail))
        let email = try #require(agent.approvals["send_email"])
        #expect(email.approvers == [.role(.admin), .role(.operator)])
        #expect(email.applies(to: ["amount": 150, "currency": "EUR"]))
        #expect(!email.applies(to: ["amount": 150, "currency": "USD"]))
        #expect(!email.applies(to: ["amount": 50, "currency": "EUR"]))
    }

    @Test(arguments: [
        ("approvals: [refund_payment]", "approvals", "expected a mapping"),
        ("approvals: {unknown_tool: always}", "approvals.unknown_tool", "'unknown_tool' is not among the agent's tools"),
        ("approvals: {refund_payment: sometimes}", "approvals.refund_payment", "expected always, never"),
        ("approvals: {refund_payment: {when: 'amount >'}}", "approvals.refund_payment.when", "syntax: unexpected end of expression"),
        ("approvals: {refund_payment: {when: 'amount 100'}}", "approvals.refund_payment.when", "syntax: unexpected number 100"),
        ("approvals: {refund_payment: {approvers: [boss]}}", "approvals.refund_payment.approvers", "expected owner or a role"),
        ("approvals: {refund_payment: {approvers: []}}", "approvals.refund_payment.approvers", "non-empty list"),
        ("approvals: {refund_payment: {timeout: 5}}", "approvals.refund_payment.timeout", "unknown field"),
        ("approvals: {refund_payment: {expires_in: soon}}", "approvals.refund_payment.expires_in", "expected a time like"),
        ("approvals: {refund_payment: {expires_in: 1h, on_expiry: ignore}}", "approvals.refund_payment.on_expiry", "expected reject or fail"),
        ("approvals: {refund_payment: {on_expiry: fail}}", "approvals.refund_payment.on_expiry", "applies only with expires_in"),
    ])
    func badApprovalsAreNamed(yaml: String, field: String, message: String) throws {
        let error = try failure("instructions: Hi.\ntools: [refund_payment]\n\(yaml)\n")
        #expect(error.field == field)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func anUnknownFieldFarFromEveryKnownOneListsTheKnownFields() throws {
        let error = try failure("instructions: Hi.\nwebhook_url: https://example.com\n")
        #expect(error.field == "webhook_url")
        #expect(!error.message.contains("did you mean"))
        #expect(error.message.hasSuffix("known fields: approvals, capabilities, cost_tier, description, instructions, kind, max_iterations, model, "
                                         + "name, output_schema, status, temperature, tools, version"))
    }

    @Test(arguments: [
        // (YAML after the instructions line, field named, start of the message)
        ("tools: write", "tools", "expected a list of tool or agent names"),
        ("tools: [write, 3.5]", "tools[1]", "expected a tool name"),
        ("tools: [\"\"]", "tools[0]", "expected a tool name"),
        ("max_iterations: ten", "max_iterations", "expected an integer, got string"),
        ("max_iterations: 2.5", "max_iterations", "expected an integer, got number"),
        ("max_iterations: 0", "max_iterations", "must be between 1 and 200"),
        ("max_iterations: 201", "max_iterations", "must be between 1 and 200"),
        ("temperature: hot", "temperature", "expected a number between 0 and 2"),
        ("temperature: 2.5", "temperature", "expected a number between 0 and 2"),
        ("name: [a, b]", "name", "expected text, got array"),
        ("name: my agent", "name", "'my agent' must use letters, digits, '_' or '-'"),
        ("description: {a: 1}", "description", "expected text, got object"),
        ("kind: reactive", "kind", "expected one of simple, react, planner; got 'reactive'"),
        ("kind: planner", "kind", "kind 'planner' is not implemented yet"),
        ("status: live", "status", "expected draft or published; got 'live'"),
        ("cost_tier: cheap", "cost_tier", "expected one of low, medium, high; got 'cheap'"),
        ("capabilities: files", "capabilities", "expected a list of capability names"),
        ("capabilities: [files, [x]]", "capabilities[1]", "expected a capability name"),
        ("kind: simple\noutput_schema: not-a-schema", "output_schema", "expected a JSON Schema object"),
        ("kind: simple\noutput_schema: {minLength: -1}", "output_schema", "invalid JSON Schema"),
    ])
    func wrongValuesNameTheFieldAndWhatIsExpected(_ yaml: String, _ field: String, _ message: String) throws {
        let error = try failure("instructions: Hi.\n\(yaml)\n")
        #expect(error.file == "agents/helper.yaml")
        #expect(error.field == field)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test(arguments: [
        ("kind: simple\ntools: [get_customer]", "tools", "a simple agent makes one model call without tools"),
        ("kind: simple\nmax_iterations: 3", "max_iterations", "a simple agent makes one model call"),
        ("output_schema: {type: object}", "output_schema", "only a simple agent's output is validated"),
        ("kind: react\noutput_schema: {type: object}", "output_schema", "only a simple agent's output is validated"),
    ])
    func fieldsTheKindWouldIgnoreAreRefused(_ yaml: String, _ field: String, _ message: String) throws {
        let error = try failure("instructions: Hi.\n\(yaml)\n")
        #expect(error.field == field)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test func aSimpleAgentMayListNoTools() throws {
        let agent = try AgentLoader().load(yaml: "kind: simple\ninstructions: Hi.\ntools: []\n", file: "a.yaml", defaultName: "a")
        #expect(agent.tools.isEmpty)
    }

    @Test func missingOrEmptyInstructionsAreRequired() throws {
        for yaml in ["name: helper\n", "instructions: \"\"\n"] {
            let error = try failure(yaml)
            #expect(error.field == "instructions")
            #expect(error.message.hasPrefix("required"))
        }
    }

    @Test func anInvalidTemplateNamesTheInstructions() throws {
        let error = try failure("instructions: \"Hi {{ question\"\n")
        #expect(error.field == "instructions")
    }

    @Test func malformedYAMLAndNonMappingsNameTheFile() throws {
        let malformed = try failure("instructions: [unclosed\n")
        #expect(malformed.field == nil)
        #expect(malformed.description.hasPrefix("agents/helper.yaml: malformed YAML"))
        let list = try failure("- instructions: Hi.\n")
        #expect(list.description == "agents/helper.yaml: expected a mapping of agent fields at the top level")
    }

    @Test func aFolderReportsEveryProblemWithTheFileRelativeToTheProject() async throws {
        try await withTemporaryDirectory { root in
            let agents = root.appendingPathComponent("agents")
            try FileManager.default.createDirectory(at: agents, withIntermediateDirectories: true)
            let files = [
                "a_good.yaml": "name: helper\ninstructions: Hi.\n",
                "b_guarded.yml": "instructions: Hi.\nguardrails: [no_pii]\n",
                "c_same.yaml": "name: helper\ninstructions: Hello.\n",
                "d_notes.txt": "guardrails: ignored, not YAML\n",
            ]
            for (name, text) in files { try text.write(to: agents.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            let (loaded, errors) = AgentLoader().loadFolder(agents, relativeTo: root)
            #expect(loaded.map(\.name) == ["helper"])
            #expect(errors.map(\.file) == ["agents/b_guarded.yml", "agents/c_same.yaml"])
            #expect(errors.map(\.field) == ["guardrails", "name"])
            #expect(errors.last?.message == "agent 'helper' is already defined in agents/a_good.yaml")
        }
    }
}
