import AviaryCore
import AviaryRuntime
import Foundation

/// Runs a `map` node: its node once per element of the array `over` evaluates to, at most
/// `maxConcurrency` at once, each element's attempts journaled under `node/<id>/item/<i>`.
/// The output lists the elements' outputs in input order; a failed element fails the map, or
/// with `collectErrors` takes the place `{"error": …}`. Emits `node.progress` as elements finish.
struct MapRunner: Sendable {
    let nodes: NodeRunner

    func run(_ map: WorkflowNode, over: JMESPath, template: WorkflowNode, maxConcurrency: Int, collectErrors: Bool,
             document: JSONValue) async throws -> NodeRunner.Outcome {
        let value = try NodeRunner.search(over, document)
        guard let items = value.arrayValue else {
            let shown = value.jsonString
            throw NodeFailure(kind: .error, message: """
                map over '\(over.expression)' needs an array; it gave \(Self.typeName(value)) \(shown.count > 120 ? String(shown.prefix(120)) + "…" : shown)
                """, retryable: false)
        }
        let context = nodes.context
        var results = [JSONValue?](repeating: nil, count: items.count)
        var usage = Usage()
        var done = 0, failed = 0
        var firstFailure: NodeFailure?
        var stop: (any Error)?
        try await withThrowingTaskGroup(of: (Int, Result<NodeRunner.Outcome, any Error>, Bool).self) { group in
            var next = 0
            func launch() {
                let i = next
                next += 1
                let prefix = "node/\(map.id)/item/\(i)"
                let collected = context.recorded(prefix + "/error")
                let replayed = collected?.state == .completed || context.recorded(prefix + "/attempt/1")?.state == .completed
                let doc = Self.with(document, item: items[i], index: i)
                group.addTask {
                    // an element whose failure was collected before is not run again
                    if let collected, collected.state == .completed {
                        return (i, .failure(NodeFailure(kind: .error, message: collected.output?.stringValue ?? "failed", retryable: false)), true)
                    }
                    do {
                        return (i, .success(try await nodes.run(template, prefix: prefix, document: { doc }, announce: false)), replayed)
                    } catch {
                        return (i, .failure(error), replayed)
                    }
                }
            }
            while next < min(maxConcurrency, items.count) { launch() }
            while let (i, result, replayed) = try await group.next() {
                switch result {
                case .success(let outcome):
                    results[i] = outcome.output
                    usage += outcome.usage
                case .failure(let error as RuntimeError) where error.stopsRun:
                    stop = stop ?? error
                case .failure(let error as CancellationError):
                    stop = stop ?? error
                case .failure(let error):
                    let failure = NodeRunner.failure(error)
                    failed += 1
                    if collectErrors {
                        results[i] = ["error": .string(failure.message)]
                        if !replayed { _ = try await context.jsonStep("node/\(map.id)/item/\(i)/error") { .string(failure.message) } }
                    } else {
                        firstFailure = firstFailure ?? failure
                    }
                }
                done += 1
                if !replayed { await context.emit(NodeProgressEvent(node: map.id, done: done, total: items.count, failed: failed)) }
                // after a failure that fails the map, or a stop, no further element starts
                if next < items.count, stop == nil, firstFailure == nil { launch() }
            }
        }
        if let stop { throw stop }
        if let firstFailure {
            throw NodeFailure(kind: firstFailure.kind, message: "element failed: \(firstFailure.message)", retryable: false)
        }
        return NodeRunner.Outcome(output: .array(results.map { $0 ?? .null }), usage: usage)
    }

    static func with(_ document: JSONValue, item: JSONValue, index: Int) -> JSONValue {
        guard case .object(var top) = document else { return document }
        top["item"] = item
        top["index"] = .number(Double(index))
        return .object(top)
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
