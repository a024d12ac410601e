import AviaryRuntime

/// The model provider of an `aviary test` application: per agent, the configured model (live),
/// the configured model recorded (``RecordingModel``) or the recording (``ReplayModel``, which
/// needs no provider, key or network), as the current case's mode says.
struct SessionTapeModels: ModelProvider {
    /// The configured provider.
    let base: any ModelProvider
    let tape: SessionTape

    func resolve(_ reference: String?) throws -> ResolvedModel { try base.resolve(reference) }

    func resolve(_ reference: String?, forAgent agent: String) throws -> ResolvedModel {
        switch tape.modelRole {
        case .replay:
            return ResolvedModel(model: ReplayModel(agent: agent, tape: tape), modelID: "replay")
        case .record:
            let resolved = try base.resolve(reference, forAgent: agent)
            return ResolvedModel(model: RecordingModel(agent: agent, base: resolved, tape: tape), modelID: resolved.modelID,
                                 inputPricePer1K: resolved.inputPricePer1K, outputPricePer1K: resolved.outputPricePer1K)
        case .passThrough:
            return try base.resolve(reference, forAgent: agent)
        }
    }
}
