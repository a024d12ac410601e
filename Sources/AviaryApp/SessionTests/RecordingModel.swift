import AviaryCore
import AviaryRuntime

/// Calls an agent's configured model and keeps each response on the tape, in order, with its
/// cost filled in from the model's prices (what the runtime would compute), so a replay reports
/// the same usage and cost.
struct RecordingModel: LanguageModel {
    /// The agent whose calls it records.
    let agent: String
    /// The configured model.
    let base: ResolvedModel
    let tape: SessionTape

    var name: String { base.model.name }

    func respond(to request: ModelRequest) async throws -> ModelResponse {
        let response = try await base.model.respond(to: request)
        var kept = response
        kept.usage.requests = max(kept.usage.requests, 1)
        if kept.usage.costUSD == 0 { kept.usage.costUSD = base.cost(of: kept.usage) }
        tape.record(agent: agent, request: request, response: kept)
        return response
    }
}
