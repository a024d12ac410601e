import AviaryCore

/// A recorded tool: its spec (so a replay can stand in for it where the project lacks it) and
/// its calls in order.
public struct RecordedTool: Sendable, Hashable {
    /// One call: the arguments and what came back.
    public struct Call: Sendable, Hashable {
        /// The arguments the model passed.
        public var arguments: JSONValue
        /// The tool's output, when it succeeded.
        public var output: JSONValue?
        /// The tool error's message (`code: message`), when it failed.
        public var error: String?

        /// Creates a call.
        public init(arguments: JSONValue, output: JSONValue? = nil, error: String? = nil) {
            self.arguments = arguments
            self.output = output
            self.error = error
        }
    }

    /// What the model saw of the tool.
    public var spec: ToolSpec
    /// The calls, in the order they ran.
    public var calls: [Call]

    /// Creates a recorded tool.
    public init(spec: ToolSpec, calls: [Call] = []) {
        self.spec = spec
        self.calls = calls
    }

    var json: JSONValue {
        ["spec": ["name": .string(spec.name), "description": .string(spec.description), "parameters": spec.parameters],
         "calls": .array(calls.map { call in
             var o: [String: JSONValue] = ["arguments": call.arguments]
             if let output = call.output { o["output"] = output }
             if let error = call.error { o["error"] = .string(error) }
             return .object(o)
         })]
    }

    init(json: JSONValue, path: String) throws(SessionTestError) {
        let reader = try JSONObjectReader(json, path: path, known: ["spec", "calls"], fail: SessionTestError.invalidRecording)
        guard let specJSON = try reader.object("spec") else { throw reader.error("spec", "required") }
        let spec = try JSONObjectReader(specJSON, path: "\(path).spec", known: ["name", "description", "parameters"],
                                        fail: SessionTestError.invalidRecording)
        var calls: [Call] = []
        for (i, entry) in (try reader.array("calls") ?? []).enumerated() {
            let call = try JSONObjectReader(entry, path: "\(path).calls[\(i)]", known: ["arguments", "output", "error"],
                                            fail: SessionTestError.invalidRecording)
            let error = try call.string("error")
            guard (call.fields["output"] == nil) != (error == nil) else { throw call.error("output", "a call has either an output or an error") }
            calls.append(Call(arguments: call.fields["arguments"] ?? .object([:]), output: call.fields["output"], error: error))
        }
        self.init(spec: ToolSpec(name: try spec.requiredString("name"), description: try spec.string("description") ?? "",
                                 parameters: try spec.object("parameters") ?? ["type": "object", "properties": [:]]),
                  calls: calls)
    }
}
