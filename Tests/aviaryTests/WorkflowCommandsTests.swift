import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// The workflow commands of a real `aviary`: `validate` lists workflows and names a broken one's
/// file and node, `workflows list|show|graph`, `run` with progress or `--json`, `runs fork`.
@Suite struct WorkflowCommandsTests {
    static func writeProject(_ dir: URL) throws {
        try KillAndResumeTests.writeProject(dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("workflows"), withIntermediateDirectories: true)
        try """
        name: order
        version: 1.1.0
        description: Totals an order.
        input_schema: {type: object, required: [items], properties: {items: {type: array}, discount: {type: number}}}
        workflow:
          nodes:
            - {id: each, type: map, over: input.items, node: {type: transform, expression: "item.qty"}}
            - {id: total, type: transform, expression: "{total: sum(nodes.each.output), discount: input.discount}"}
          edges:
            - {from: each, to: total}
            - {from: total, to: FINISH}
        """.write(to: dir.appendingPathComponent("workflows/order.yaml"), atomically: true, encoding: .utf8)
    }

    static let env = ["OPENAI_API_KEY": "x"]

    @Test func theWorkflowCommandsListShowDrawRunAndFork() async throws {
        try await withTemporaryDirectory { dir in
            try Self.writeProject(dir)
            let project = dir.path
            let (validated, validOut, _) = try await CLIProcess.run(["validate", "--project", project], environment: Self.env)
            #expect(validated == 0 && validOut.contains("ok  workflow order 1.1.0 (workflows/order.yaml, 3 nodes)"), "\(validOut)")

            let (_, listed, _) = try await CLIProcess.run(["workflows", "list", "--project", project], environment: Self.env)
            #expect(listed.contains("order  1.1.0  3 nodes  workflows/order.yaml  Totals an order."))
            let (_, shown, _) = try await CLIProcess.run(["workflows", "show", "order", "--project", project], environment: Self.env)
            #expect(try JSONValue(parsing: Array(shown.utf8))["version"] == "1.1.0")
            let (_, mermaid, _) = try await CLIProcess.run(["workflows", "graph", "order", "--project", project], environment: Self.env)
            #expect(mermaid.hasPrefix("flowchart TD\n") && mermaid.contains("n_each --> n_total"), "\(mermaid)")
            let (_, dot, _) = try await CLIProcess.run(["workflows", "graph", "order", "--format", "dot", "--project", project], environment: Self.env)
            #expect(dot.hasPrefix("digraph \"order\" {") && dot.contains("\"total\" -> \"FINISH\";"), "\(dot)")

            let (ran, result, progress) = try await CLIProcess.run(["run", "order", "--input", #"{"items":[{"qty":2},{"qty":5}]}"#, "--project", project],
                                                                  environment: Self.env)
            #expect(ran == 0, "\(progress)")
            #expect(result.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"discount":null,"total":7}"#)
            #expect(progress.contains("▶ each (map)") && progress.contains("each [####################] 2/2") && progress.contains("✔ total"),
                    "\(progress)")

            try #"{"items":[{"qty":1}],"discount":3}"#.write(to: dir.appendingPathComponent("in.json"), atomically: true, encoding: .utf8)
            let (_, json, _) = try await CLIProcess.run(["run", "order", "--input", "@" + dir.appendingPathComponent("in.json").path, "--json",
                                                         "--project", project], environment: Self.env)
            let report = try JSONValue(parsing: Array(json.utf8))
            #expect(report["status"] == "completed" && report["result"] == ["total": 1, "discount": 3])
            let run = try #require(report["execution_id"]?.stringValue)

            let (forked, forkOut, forkErr) = try await CLIProcess.run(["runs", "fork", run, "--from", "total", "--input", #"{"discount":9}"#, "--json",
                                                                       "--project", project], environment: Self.env)
            #expect(forked == 0, "\(forkErr)")
            let fork = try JSONValue(parsing: Array(forkOut.utf8))
            #expect(fork["result"] == ["total": 1, "discount": 9])
            #expect(fork["forked_from"] == ["run_id": .string(run), "node": "total"])

            let (refused, _, why) = try await CLIProcess.run(["run", "order", "--input", #"{"items":"many"}"#, "--project", project], environment: Self.env)
            #expect(refused != 0 && why.contains("input_schema"), "\(why)")

            try "name: order\nworkflow: {nodes: [{id: a, type: transform, expression: 'length('}], edges: [{from: a, to: FINISH}]}\n"
                .write(to: dir.appendingPathComponent("workflows/order.yaml"), atomically: true, encoding: .utf8)
            let (broken, _, brokenErr) = try await CLIProcess.run(["validate", "--project", project], environment: Self.env)
            #expect(broken != 0 && brokenErr.contains("workflows/order.yaml: node 'a': field 'expression'"), "\(brokenErr)")
        }
    }
}
