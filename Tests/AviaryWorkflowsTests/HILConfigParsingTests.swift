import AviaryCore
import AviaryWorkflows
import Testing

/// Seed 003's `hil_config` and the `HANDOVER` sink's routing (`required_skills`, `priority`): what
/// loads, and each mistake reported with the field it is in.
@Suite struct HILConfigParsingTests {
    static let seed = """
        name: support_hil
        version: 2.0.0
        hil_config:
          enabled: true
          handover_triggers:
            - type: confidence_threshold
              threshold: 0.7
              path: "classify_intent.output.confidence"
            - type: explicit_request
              patterns: ["speak to human", "talk to agent", "escalate"]
            - type: agent_decision
            - type: error_threshold
              consecutive_errors: 3
          sla: {pending: 5m, widen_to_general: true}
          reply: "{{ nodes.answer.output }}"
          handover_message: "A colleague will take it from here."
        workflow:
          nodes:
            - id: classify_intent
              agent: helper
            - id: answer
              agent: helper
            - {id: FINISH, type: sink, action: finish_conversation}
            - id: HANDOVER
              type: sink
              action: handover_to_human
              config:
                required_skills: "{{ classify_intent.output.intent == 'return_request' && ['returns'] || ['general'] }}"
                priority: 2
          edges:
            - {from: classify_intent, to: answer}
            - from: answer
              to: HANDOVER
              condition: {type: jmespath, expression: "classify_intent.output.intent == 'return_request'"}
            - from: answer
              to: FINISH
              condition: {type: jmespath, expression: "classify_intent.output.intent != 'return_request'"}
        """

    /// A workflow `answer → FINISH` (plus the given sinks and edges) with `hil_config: <hil>` when given.
    static func workflow(hil: String?, sinks: [String] = [], edges: [String] = ["{from: answer, to: FINISH}"]) -> String {
        var text = "name: w\n"
        if let hil { text += "hil_config: \(hil)\n" }
        text += "workflow:\n  nodes:\n    - {id: answer, agent: helper}\n"
        text += sinks.map { "    - \($0)\n" }.joined()
        text += "  edges:\n" + edges.map { "    - \($0)\n" }.joined()
        return text
    }

    static let handoverEdges = ["{from: answer, to: FINISH, when: \"output.done\"}", "{from: answer, to: HANDOVER, when: \"output.stuck\"}"]

    /// Expects a problem naming `field` (and the node, when given) whose message contains `fragment`.
    static func expectProblem(_ yaml: String, node: String? = nil, field: String?, _ fragment: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let found = WorkflowValidationTests.problems(yaml)
        var prefix = "workflows/w.yaml"
        if let node { prefix += ": node '\(node)'" }
        if let field { prefix += ": field '\(field)'" }
        #expect(found.contains { $0.hasPrefix(prefix + ":") && $0.contains(fragment) }, "expected '\(prefix): …\(fragment)…' in \(found)",
                sourceLocation: sourceLocation)
    }

    // MARK: - Loading

    @Test func seed003sConfigurationLoads() throws {
        let definition = try WorkflowFixture.definition(Self.seed, agents: ["helper"])
        let hil = try #require(definition.hil)
        #expect(hil.enabled)
        #expect(hil.confidence?.threshold == 0.7)
        #expect(hil.confidence?.path.expression == "classify_intent.output.confidence")
        #expect(hil.explicitPatterns == ["speak to human", "talk to agent", "escalate"])
        #expect(hil.agentDecision)
        #expect(hil.errorThreshold == 3)
        #expect(hil.sla?.pendingSeconds == 300)
        #expect(hil.sla?.widenToGeneral == true)
        #expect(hil.reply?.expression == "nodes.answer.output", "the {{ }} around an expression are optional")
        #expect(hil.handoverMessage == "A colleague will take it from here.")
    }

    @Test func theHandoverSinkRoutesByIntent() throws {
        let definition = try WorkflowFixture.definition(Self.seed, agents: ["helper"])
        let sink = try #require(definition.nodes.first { $0.id == "HANDOVER" })
        guard case .sink(.handover) = sink.action else {
            Issue.record("HANDOVER is \(sink.action)")
            return
        }
        let routing = try #require(sink.handover)
        let skills = try #require(routing.requiredSkills)
        let returns: JSONValue = ["classify_intent": ["output": ["intent": "return_request", "confidence": 0.4]]]
        let question: JSONValue = ["classify_intent": ["output": ["intent": "question", "confidence": 0.4]]]
        #expect(try skills.render(returns) == ["returns"])
        #expect(try skills.render(question) == ["general"])
        #expect(try routing.priority?.render(returns) == 2)
        #expect(definition.nodes.filter { $0.handover != nil }.map(\.id) == ["HANDOVER"])
    }

    @Test func aMinimalConfigurationTakesTheDefaults() throws {
        let yaml = Self.workflow(hil: "{handover_triggers: [{type: confidence_threshold, threshold: 0.5}]}")
        let hil = try #require(try WorkflowFixture.definition(yaml, agents: ["helper"]).hil)
        #expect(hil.enabled && !hil.agentDecision && hil.explicitPatterns == nil && hil.errorThreshold == nil)
        #expect(hil.sla?.pendingSeconds == nil && hil.reply == nil && hil.handoverMessage == HILConfig.defaultHandoverMessage)
        #expect(hil.confidence?.threshold == 0.5)
        #expect(hil.confidence?.path.expression == HILConfig.defaultConfidencePath)
        let plain = try WorkflowFixture.definition(Self.workflow(hil: nil), agents: ["helper"])
        #expect(plain.hil?.enabled == nil, "no hil_config: no configuration")
        let widened = try WorkflowFixture.definition(Self.workflow(hil: "{sla: {pending: 90}}"), agents: ["helper"]).hil?.sla
        #expect(widened?.pendingSeconds == 90 && widened?.widenToGeneral == false)
    }

    @Test func routingMayBeGivenAtTheSinksTopLevel() throws {
        let yaml = Self.workflow(hil: "{handover_triggers: [{type: agent_decision}]}",
                                 sinks: ["{id: HANDOVER, type: sink, required_skills: [returns, technical], priority: 1}"],
                                 edges: Self.handoverEdges)
        let sink = try WorkflowFixture.definition(yaml, agents: ["helper"]).nodes.first { $0.id == "HANDOVER" }
        let routing = try #require(sink?.handover)
        #expect(try routing.requiredSkills?.render(.null) == ["returns", "technical"])
        #expect(try routing.priority?.render(.null) == 1)
    }

    @Test func aDisabledConfigurationNeedsNoAgentDecision() {
        let yaml = Self.workflow(hil: "{enabled: false, handover_triggers: [{type: explicit_request, patterns: [escalate]}]}",
                                 sinks: ["{id: HANDOVER, type: sink}"], edges: Self.handoverEdges)
        #expect(WorkflowValidationTests.problems(yaml) == [])
    }

    // MARK: - Refusals in hil_config

    @Test(arguments: [
        // (hil_config, field, message fragment)
        ("{handover_triggers: [{type: agent_decision}], escalation_rules: []}", "hil_config.escalation_rules", "unknown field"),
        ("true", "hil_config", "expected a mapping"),
        ("{enabled: sometimes}", "hil_config.enabled", "expected true or false"),
        ("{handover_triggers: {type: agent_decision}}", "hil_config.handover_triggers", "expected a list of triggers"),
        ("{handover_triggers: [{type: sentiment}]}", "hil_config.handover_triggers[0]", "expected a mapping with type (agent_decision"),
        ("{handover_triggers: [{threshold: 0.5}]}", "hil_config.handover_triggers[0]", "expected a mapping with type"),
        ("{handover_triggers: [{type: agent_decision}, {type: agent_decision}]}", "hil_config.handover_triggers[1]",
         "a second agent_decision trigger"),
        ("{handover_triggers: [{type: agent_decision, threshold: 1}]}", "hil_config.handover_triggers[0].threshold", "not a field of"),
        ("{handover_triggers: [{type: confidence_threshold, threshold: 1.5}]}", "hil_config.handover_triggers[0].threshold", "from 0 to 1"),
        ("{handover_triggers: [{type: confidence_threshold, threshold: -0.1}]}", "hil_config.handover_triggers[0].threshold", "from 0 to 1"),
        ("{handover_triggers: [{type: confidence_threshold}]}", "hil_config.handover_triggers[0].threshold", "from 0 to 1"),
        ("{handover_triggers: [{type: confidence_threshold, threshold: 0.5, path: 'min('}]}", "hil_config.handover_triggers[0].path",
         "does not parse"),
        ("{handover_triggers: [{type: explicit_request, patterns: []}]}", "hil_config.handover_triggers[0].patterns", "expected a list of phrases"),
        ("{handover_triggers: [{type: explicit_request}]}", "hil_config.handover_triggers[0].patterns", "expected a list of phrases"),
        ("{handover_triggers: [{type: explicit_request, patterns: [escalate, 3]}]}", "hil_config.handover_triggers[0].patterns",
         "expected a list of phrases"),
        ("{handover_triggers: [{type: explicit_request, patterns: [escalate, 'the']}]}", "hil_config.handover_triggers[0].patterns",
         "'the' has no words to match"),
        ("{handover_triggers: [{type: error_threshold, consecutive_errors: 0}]}", "hil_config.handover_triggers[0].consecutive_errors",
         "from 1 to 100"),
        ("{handover_triggers: [{type: error_threshold, consecutive_errors: 101}]}", "hil_config.handover_triggers[0].consecutive_errors",
         "from 1 to 100"),
        ("{sla: {widen_to_general: true}}", "hil_config.sla.pending", "how long a conversation may wait"),
        ("{sla: {pending: soon}}", "hil_config.sla.pending", "how long a conversation may wait"),
        ("{sla: {pending: 5m, widen_to_general: maybe}}", "hil_config.sla.widen_to_general", "expected true or false"),
        ("{sla: {pending: 5m, breach: escalate}}", "hil_config.sla.breach", "unknown field"),
        ("{sla: 5m}", "hil_config.sla", "expected a mapping"),
        ("{reply: 'length('}", "hil_config.reply", "does not parse"),
        ("{reply: '{{ }}'}", "hil_config.reply", "expected a JMESPath expression"),
        ("{handover_message: ''}", "hil_config.handover_message", "expected the text"),
    ] as [(String, String, String)])
    func aMistakeInHILConfigNamesItsField(hil: String, field: String, fragment: String) {
        Self.expectProblem(Self.workflow(hil: hil), field: field, fragment)
    }

    // MARK: - Refusals on sinks

    @Test func onlyAHandoverSinkRoutes() {
        let hil = "{handover_triggers: [{type: agent_decision}]}"
        Self.expectProblem(Self.workflow(hil: hil, sinks: ["{id: FINISH, type: sink, config: {required_skills: [returns]}}"]),
                           node: "FINISH", field: "required_skills", "only a HANDOVER sink routes a conversation to a person")
        Self.expectProblem(Self.workflow(hil: hil, sinks: ["{id: FINISH, type: sink, priority: 1}"]),
                           node: "FINISH", field: "priority", "only a HANDOVER sink")
    }

    @Test func routingNeedsAHILConfig() {
        let yaml = Self.workflow(hil: nil, sinks: ["{id: HANDOVER, type: sink, config: {required_skills: [returns]}}"], edges: Self.handoverEdges)
        Self.expectProblem(yaml, node: "HANDOVER", field: "required_skills", "the workflow has no hil_config")
    }

    @Test func aHandoverSinkNeedsTheAgentDecisionTrigger() {
        let hil = "{enabled: true, handover_triggers: [{type: explicit_request, patterns: [escalate]}]}"
        Self.expectProblem(Self.workflow(hil: hil, sinks: ["{id: HANDOVER, type: sink}"], edges: Self.handoverEdges),
                           node: "HANDOVER", field: nil, "agent_decision")
        // an undeclared HANDOVER named only by an edge too
        Self.expectProblem(Self.workflow(hil: hil, edges: Self.handoverEdges), node: "HANDOVER", field: nil, "agent_decision")
    }

    @Test func aHandoverSinksConfigTakesOnlyRouting() {
        let hil = "{handover_triggers: [{type: agent_decision}]}"
        func sink(_ fields: String) -> String { Self.workflow(hil: hil, sinks: ["{id: HANDOVER, type: sink, \(fields)}"], edges: Self.handoverEdges) }
        Self.expectProblem(sink("config: {queue: vip}"), node: "HANDOVER", field: "config.queue", "not supported")
        Self.expectProblem(sink("config: [returns]"), node: "HANDOVER", field: "config", "expected a mapping")
        Self.expectProblem(sink("required_skills: [a], config: {required_skills: [b]}"), node: "HANDOVER", field: "required_skills",
                           "set both here and in config")
        Self.expectProblem(sink("config: {required_skills: '{{ intent == }}'}"), node: "HANDOVER", field: "required_skills", "intent ==")
        Self.expectProblem(sink("priority: '{{ input.vip'"), node: "HANDOVER", field: "priority", "unclosed")
    }
}
