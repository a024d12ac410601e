import AviaryCore
import AviaryWorkflows
import Testing

/// Load-time validation reports each problem with its file and node: cycles, unknown agents,
/// tools, workflows and nodes, unreachable nodes, nodes that reach no sink, expressions that do not
/// parse, inputs that read nodes not upstream, a map over what the input schema says is no array,
/// and fields Aviary does not enforce.
@Suite struct WorkflowValidationTests {
    static func problems(_ yaml: String, agents: [String] = ["helper"], tools: [String] = ["lookup"]) -> [String] {
        do {
            let definition = try WorkflowLoader().load(yaml: yaml, file: "workflows/w.yaml", defaultName: "w")
            return WorkflowValidator(agents: Set(agents), tools: Set(tools), workflows: ["w", "other"]).problems(in: definition).map(\.description)
        } catch let error as WorkflowLoadErrors {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    static func workflow(_ nodes: String, _ edges: String, extra: String = "") -> String {
        "name: w\n\(extra)workflow:\n  nodes:\n\(nodes)\n  edges:\n\(edges)\n"
    }

    @Test(arguments: [
        // (nodes, edges, extra top-level fields, expected fragment)
        ("    - {id: a, type: transform, expression: \"'x'\"}\n    - {id: b, type: transform, expression: \"'y'\"}",
         "    - {from: a, to: b}\n    - {from: b, to: a}\n    - {from: b, to: FINISH}", "", "the edges form a cycle through a, b"),
        ("    - {id: a, agent: nobody}", "    - {from: a, to: FINISH}", "", "workflows/w.yaml: node 'a': field 'agent': unknown agent 'nobody'"),
        ("    - {id: a, tool: nothing}", "    - {from: a, to: FINISH}", "", "node 'a': field 'tool': unknown tool 'nothing'"),
        ("    - {id: a, type: workflow, workflow: missing}", "    - {from: a, to: FINISH}", "", "node 'a': field 'workflow': unknown workflow 'missing'"),
        ("    - {id: a, type: transform, expression: \"'x'\"}", "    - {from: a, to: nowhere}\n    - {from: a, to: FINISH}", "",
         "names unknown node 'nowhere'"),
        ("    - {id: a, type: transform, expression: \"'x'\"}\n    - {id: DONE, type: sink}", "    - {from: a, to: FINISH}", "",
         "node 'DONE': unreachable"),
        ("    - {id: a, type: transform, expression: \"'x'\"}\n    - {id: b, type: transform, expression: \"'y'\"}",
         "    - {from: a, to: FINISH}", "", "node 'b': reaches no sink"),
        ("    - {id: a, type: transform, expression: \"length(\"}", "    - {from: a, to: FINISH}", "", "node 'a': field 'expression': 'length(' does not parse"),
        ("    - {id: a, type: transform, expression: \"'x'\"}", "    - {from: a, to: FINISH, when: \"output ==\"}", "", "does not parse"),
        ("    - {id: a, type: transform, expression: \"'x'\"}\n    - {id: b, tool: lookup, input: {q: \"{{ nodes.c.output }}\"}}\n    - {id: c, type: transform, expression: \"'z'\"}",
         "    - {from: a, to: b}\n    - {from: a, to: c}\n    - {from: b, to: FINISH}\n    - {from: c, to: FINISH}", "",
         "node 'b': field 'input': expression 'nodes.c.output' reads node 'c', which is not upstream of 'b'"),
        ("    - {id: a, tool: lookup, input: {q: \"{{ nodes.ghost.output }}\"}}", "    - {from: a, to: FINISH}", "", "reads unknown node 'ghost'"),
        ("    - {id: each, type: map, over: input.name, node: {tool: lookup}}", "    - {from: each, to: FINISH}",
         "input_schema: {type: object, properties: {name: {type: string}}}\n", "node 'each': field 'over': 'input.name' is string in the input schema"),
        ("    - {id: a, tool: lookup, guardrails: true}", "    - {from: a, to: FINISH}", "", "node 'a': field 'guardrails': not a field of a tool node"),
        ("    - {id: a, tool: lookup}", "    - {from: a, to: FINISH}", "hil_config: {enabled: true, escalate: yes}\n", "field 'hil_config.escalate': unknown field"),
        ("    - {id: ok, type: approval, retry: 3}", "    - {from: ok, to: FINISH}", "", "node 'ok': field 'retry': a node of type approval does not take retry"),
        ("    - {id: a, tool: lookup, on_error: nowhere}", "    - {from: a, to: FINISH}", "", "node 'a': field 'on_error': names unknown node 'nowhere'"),
        ("    - {id: a, type: transform, expression: \"{ok: `true`}\"}", "    - {from: a, to: FINISH, when: \"!output.ok\"}", "",
         "node 'a': field 'workflow.edges[0].when': expression '!output.ok' reads a field of a negation, which is always null"),
    ] as [(String, String, String, String)])
    func aProblemIsReportedWithItsFileAndNode(nodes: String, edges: String, extra: String, expected: String) {
        let found = Self.problems(Self.workflow(nodes, edges, extra: extra))
        #expect(found.contains { $0.contains(expected) }, "expected '\(expected)' in \(found)")
        #expect(found.allSatisfy { $0.hasPrefix("workflows/w.yaml") }, "\(found)")
    }

    @Test func aValidWorkflowHasNoProblemsAndSeed003sFormsAreAccepted() {
        let yaml = """
            name: w
            version: 2.0.0
            workflow:
              nodes:
                - id: classify_intent
                  agent: helper
                  config: {model_profile: fast}
                - id: handle_return
                  agent: helper
                  config: {tools: [lookup]}
                  condition: {type: jmespath, expression: "classify_intent.output.intent == 'return_request'"}
                - {id: FINISH, type: sink, action: finish_conversation}
              edges:
                - from: classify_intent
                  to: handle_return
                  condition: {type: jmespath, expression: "output.intent == 'return_request'"}
                - {from: handle_return, to: FINISH}
            """
        #expect(Self.problems(yaml) == [])
    }
}
