import AviaryCore

/// A workflow run's input as stored with the run: `{"input": …, "context": …}`, and for a run
/// made by a fork also `"fork": {"run_id", "from", "outputs"}` (the recorded outputs the fork
/// reuses, by node). An input without an `input` member is the workflow's input itself (a run
/// started through the generic runs API).
public struct WorkflowInput: Sendable {
    /// The workflow's input (`input` in expressions).
    public var input: JSONValue
    /// The caller's context (`run.context` in expressions).
    public var context: JSONValue
    /// The run this one was forked from, if any.
    public var fork: Fork?

    /// Where a forked run came from and what it reuses.
    public struct Fork: Sendable {
        /// The run forked.
        public var runID: String
        /// The node it executes again from.
        public var from: String
        /// The recorded step results (`{output, usage}`) of the nodes it reuses, by node id.
        public var outputs: [String: JSONValue]
        /// The definition the forked run executed (its pinned version), which the fork executes too.
        public var definition: JSONValue?

        /// Creates a fork's record.
        public init(runID: String, from: String, outputs: [String: JSONValue], definition: JSONValue? = nil) {
            self.runID = runID
            self.from = from
            self.outputs = outputs
            self.definition = definition
        }
    }

    /// Creates an input.
    public init(input: JSONValue, context: JSONValue = .object([:]), fork: Fork? = nil) {
        self.input = input
        self.context = context
        self.fork = fork
    }

    /// Reads a stored run input.
    public init(stored: JSONValue) {
        guard case .object(let fields) = stored, let input = fields["input"] else {
            self.init(input: stored)
            return
        }
        var fork: Fork?
        if let f = fields["fork"]?.objectValue, let runID = f["run_id"]?.stringValue, let from = f["from"]?.stringValue {
            fork = Fork(runID: runID, from: from, outputs: f["outputs"]?.objectValue ?? [:], definition: f["definition"])
        }
        self.init(input: input, context: fields["context"] ?? .object([:]), fork: fork)
    }

    /// The form stored as the run's input.
    public var stored: JSONValue {
        var fields: [String: JSONValue] = ["input": input, "context": context]
        if let fork {
            var f: [String: JSONValue] = ["run_id": .string(fork.runID), "from": .string(fork.from), "outputs": .object(fork.outputs)]
            if let definition = fork.definition { f["definition"] = definition }
            fields["fork"] = .object(f)
        }
        return .object(fields)
    }
}
