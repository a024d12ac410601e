import AviaryCore

extension RunExecution {
    /// One model call whose output is validated against `output_schema`, with one bounded repair retry.
    func simple() async throws -> Outcome {
        var messages = initialMessages
        let startCount = messages.count - 1
        var usage = Usage()
        let schema = try agent.outputSchema.map { try JSONSchema($0) }
        let format: ModelRequest.ResponseFormat = agent.outputSchema.map { .jsonSchema(name: "output", schema: $0) } ?? .text
        var lastProblem = ""
        for attempt in 1...2 {
            let response = try await modelStep("turn/\(attempt)/model", request(messages, tools: [], format: format))
            usage += response.usage
            messages.append(response.message)
            let text = response.message.text
            guard let schema else {
                return Outcome(output: .string(text), text: text, usage: usage, messages: Array(messages[startCount...]))
            }
            if let value = OutputParsing.json(from: text) {
                let violations = schema.validate(value)
                if violations.isEmpty {
                    return Outcome(output: value, text: value.jsonString, usage: usage, messages: Array(messages[startCount...]))
                }
                lastProblem = violations.prefix(5).map(\.description).joined(separator: "; ")
            } else {
                lastProblem = "the reply is not JSON"
            }
            messages.append(.user("Your reply did not match the required JSON schema: \(lastProblem). Reply with only the corrected JSON."))
        }
        throw RuntimeError(.invalidOutput, "agent '\(agent.name)' produced output that does not match its output_schema after one repair: \(lastProblem)")
    }
}
