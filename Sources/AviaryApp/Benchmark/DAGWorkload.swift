import AviaryCore
import AviaryRuntime
import AviaryWorkflows

/// The `dag` workload of `shared/bench/README.md`: an order validated, then priced, stocked,
/// fraud-checked and shipped in parallel, joined into a total — a workflow of in-process
/// functions with no model. Each function is a tool node with the `read_only` policy (a durable
/// step: what the run did before is written before it runs, so every completion is stored before
/// the nodes after it start, as the peers checkpoint theirs).
enum DAGWorkload {
    static let workflow = """
        name: order_dag
        version: 1.0.0
        workflow:
          nodes:
            - {id: validate, tool: validate, input: {order: "{{ input.order }}"}}
            - {id: price, tool: price}
            - {id: stock, tool: stock}
            - {id: fraud, tool: fraud}
            - {id: shipping, tool: shipping}
            - id: total
              tool: total
              input: {price: "{{ nodes.price.output }}", stock: "{{ nodes.stock.output }}", fraud: "{{ nodes.fraud.output }}", shipping: "{{ nodes.shipping.output }}"}
            - {id: reject, tool: reject}
          edges:
            - {from: validate, to: price, when: output.ok}
            - {from: validate, to: stock, when: output.ok}
            - {from: validate, to: fraud, when: output.ok}
            - {from: validate, to: shipping, when: output.ok}
            - {from: validate, to: reject, when: "!(output.ok)"}
            - {from: price, to: total}
            - {from: stock, to: total}
            - {from: fraud, to: total}
            - {from: shipping, to: total}
            - {from: total, to: FINISH}
            - {from: reject, to: FINISH}
        """

    /// The order every run gets.
    static let order: JSONValue = ["order": ["id": "o-1", "items": [["sku": "a", "qty": 1], ["sku": "b", "qty": 2]]]]

    static func program() throws -> WorkflowProgram {
        try WorkflowProgram(try WorkflowLoader().load(yaml: workflow, file: "bench/order_dag.yaml", defaultName: "order_dag"))
    }

    static var tools: [any Tool] {
        [
            StepTool("validate") { args in
                let count = args["order"]?["items"]?.arrayValue?.count ?? 0
                return ["ok": .bool(count > 0), "count": .number(Double(count))]
            },
            StepTool("price") { _ in ["subtotal": 40.0, "currency": "USD"] },
            StepTool("stock") { _ in ["available": true, "warehouse": "w1"] },
            StepTool("fraud") { _ in ["score": 0.02, "flag": false] },
            StepTool("shipping") { _ in ["cost": 2.0, "days": 3] },
            StepTool("total") { args in
                let total = (args["price"]?["subtotal"]?.numberValue ?? 0) + (args["shipping"]?["cost"]?.numberValue ?? 0)
                let approved = args["stock"]?["available"]?.boolValue == true && args["fraud"]?["flag"]?.boolValue == false
                return ["total": .number(total), "approved": .bool(approved)]
            },
            StepTool("reject") { _ in ["reason": "empty order"] },
        ]
    }

    /// The line the peers print for a run's result: `total=42.0 approved=True` (Python's formatting).
    static func text(_ result: JSONValue?) -> String? {
        guard let total = result?["total"]?.numberValue, let approved = result?["approved"]?.boolValue else { return nil }
        let number = total.rounded() == total && abs(total) < 1e15 ? "\(Int(total)).0" : "\(total)"
        return "total=\(number) approved=\(approved ? "True" : "False")"
    }
}

/// An in-process function as a tool: any arguments, a JSON result, the `read_only` policy.
struct StepTool: Tool {
    let name: String
    let body: @Sendable (JSONValue) -> JSONValue

    init(_ name: String, _ body: @escaping @Sendable (JSONValue) -> JSONValue) {
        self.name = name
        self.body = body
    }

    var spec: ToolSpec { ToolSpec(name: name, description: "The \(name) step of the dag workload.", parameters: ["type": "object"]) }
    var policy: ToolPolicy { .readOnly }

    func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput { ToolOutput(body(arguments)) }
}
