import AviaryCore
import Foundation
import Logging

/// Everything one execution of an agent's run needs (``AgentProgram``). Its steps go through the
/// kernel (``RunContext``), so executing it again against the same journal replays completed
/// steps instead of redoing them.
struct RunExecution: Sendable {
    let agent: AgentDefinition
    let model: ResolvedModel
    let tools: [String: PreparedTool]
    let context: RunContext
    let executor: ToolExecutor
    let history: [Message]
    let instructions: String
    /// Tool calls per turn and their parallelism.
    let limits: RuntimeLimits
    let logger: Logger

    var input: JSONValue { context.input }
    var journal: RunJournal { context.journal }

    /// What the loop produced.
    struct Outcome: Sendable {
        var output: JSONValue
        var text: String
        var usage: Usage
        var messages: [Message]
    }

    var toolSpecs: [ToolSpec] { tools.values.map(\.tool.spec).sorted { $0.name < $1.name } }

    /// The user message for the run's input.
    var userMessage: Message {
        if let q = input["question"]?.stringValue { return .user(q) }
        if case .string(let s) = input { return .user(s) }
        if case .object(var fields) = input, fields[AgentOverrides.key] != nil {
            fields[AgentOverrides.key] = nil // for the runtime, not the model
            return .user(JSONValue.object(fields).jsonString)
        }
        return .user(input.jsonString)
    }

    /// The conversation the model sees first.
    var initialMessages: [Message] {
        var messages: [Message] = []
        if !instructions.isEmpty { messages.append(.system(instructions)) }
        messages.append(contentsOf: history)
        messages.append(userMessage)
        return messages
    }

    /// A journaled model call (an idempotent step): replays a completed step, otherwise calls the
    /// model and records the response.
    func modelStep(_ key: String, _ request: ModelRequest) async throws -> ModelResponse {
        // The response is held, not written (``StepDurability/idempotent``): a final answer is
        // followed by computation up to the run's end (the step is written with the run's last
        // events; the session commit writes it first), and tool calls by the tool executor, which
        // writes held steps before any call that is not pure computation (`ToolPolicy.pure`) — so
        // with pure tools the response and their results are written together before the next
        // model call.
        try await context.journaled(key, .idempotent, encode: { $0.json }, decode: { output in
            do { return try ModelResponse(json: output) } catch {
                throw RuntimeError(.agentNotRunnable, "step \(key) is recorded with a model response that cannot be read: \(error)")
            }
        }) { try await call(key, request) }
    }

    /// The model call of a step, with its events.
    private func call(_ key: String, _ request: ModelRequest) async throws -> ModelResponse {
        await journal.emit(ModelRequestEvent(step: key, model: model.model.name, messages: request.messages.count,
                                             tools: request.tools.count))
        let start = ContinuousClock.now
        var response: ModelResponse
        do {
            response = context.streamDeltas ? try await streamed(key, request) : try await model.model.respond(to: request)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Provider details (upstream bodies, host names) go to the log only; callers see a
            // generic message with the error id that finds the log entry.
            let shown = (error as? any CallerSafeError)?.callerDescription ?? "\(error)"
            if let safe = error as? any CallerSafeError {
                logger.error("model call failed", metadata: ["run_id": "\(journal.runID)", "step": "\(key)", "model": "\(model.model.name)",
                                                             "error_id": "\(safe.errorID)", "error": "\(error)"])
            }
            await journal.emit(ModelFailedEvent(step: key, model: model.model.name, error: shown))
            throw RuntimeError(.modelFailed, "model \(model.model.name) failed: \(shown)")
        }
        response.usage.requests = max(response.usage.requests, 1)
        if response.usage.costUSD == 0 { response.usage.costUSD = model.cost(of: response.usage) }
        let calls = response.message.toolCalls
        await journal.emit(ModelResponseEvent(step: key, model: response.model.isEmpty ? model.modelID : response.model,
                                              usage: response.usage, costUSD: response.usage.costUSD, finishReason: response.finishReason,
                                              latencyMS: ToolExecutor.ms(since: start), toolCalls: calls.map(\.name)))
        if !calls.isEmpty, !response.message.text.isEmpty {
            await journal.emit(ReasoningStepEvent(step: key, text: response.message.text))
        }
        return response
    }

    /// Calls the model streaming, forwarding text deltas as transient events; returns the assembled response.
    private func streamed(_ key: String, _ request: ModelRequest) async throws -> ModelResponse {
        for try await event in model.model.stream(request) {
            switch event {
            case .textDelta(let text): await journal.emitTransient(ModelDeltaEvent(step: key, text: text))
            case .toolCallDelta: continue
            case .completed(let response): return response
            }
        }
        throw RuntimeError(.modelFailed, "model \(model.model.name) ended its stream without a response")
    }

    /// A request with this agent's settings.
    func request(_ messages: [Message], tools: [ToolSpec], format: ModelRequest.ResponseFormat = .text) -> ModelRequest {
        ModelRequest(model: model.modelID, messages: messages, tools: tools, responseFormat: format, temperature: agent.temperature)
    }
}
