import AviaryCore

/// A scripted model that answers one agent's requests from a recording, in order: the response
/// recorded for the same question at the same step of the run's tool loop. A request the
/// recording does not have fails the call (and the case) with a ``ReplayDivergence`` naming it.
struct ReplayModel: LanguageModel {
    /// The agent whose calls it answers.
    let agent: String
    let tape: SessionTape

    var name: String { "replay/\(agent)" }

    func respond(to request: ModelRequest) async throws -> ModelResponse {
        try tape.replay(agent: agent, request: request)
    }
}
