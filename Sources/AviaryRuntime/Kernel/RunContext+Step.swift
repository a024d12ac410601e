import AviaryCore

extension RunContext {
    /// A journaled step: returns the recorded result when the step completed before (a resume),
    /// otherwise runs `body` and records its result. `durability` says what the body does and so
    /// what is stored before it runs (``StepDurability``). A body that throws records the step
    /// `failed` and the error propagates (the run fails unless the program catches it); a resume
    /// runs a failed step again.
    ///
    /// The result is stored as JSON: `T` must encode and decode the same value.
    public func step<T: Codable & Sendable>(_ key: String, _ durability: StepDurability = .computation,
                                            _ body: () async throws -> T) async throws -> T {
        try await journaled(key, durability, encode: { try JSONValue(encoding: $0) }, decode: { output in
            do { return try output.decode(as: T.self) } catch {
                throw RuntimeError(.agentNotRunnable, "step \(key) is recorded with an output that does not read as \(T.self): \(error)")
            }
        }, body)
    }

    /// ``step(_:_:_:)`` for a result that is JSON already: stored as it is, with no encoding round
    /// trip (a workflow's node outputs).
    public func jsonStep(_ key: String, _ durability: StepDurability = .computation,
                         _ body: () async throws -> JSONValue) async throws -> JSONValue {
        try await journaled(key, durability, body)
    }

    /// A kernel step whose result is JSON already.
    func journaled(_ key: String, _ durability: StepDurability, _ body: () async throws -> JSONValue) async throws -> JSONValue {
        try await journaled(key, durability, encode: { $0 }, decode: { $0 }, body)
    }

    /// The kernel's step: replay, the stop check, the writes the durability class needs, the body,
    /// and the record of its result (`encode`d; a replayed or skipped one is `decode`d). `prelude`
    /// runs (not on replay) before the writes, for events that belong with them; `skipped` turns an
    /// operator's skip value into the step's output; `subject` names the call in the messages of a
    /// step found begun (`tool 'refund'`).
    func journaled<T>(_ key: String, _ durability: StepDurability, subject: @autoclosure () -> String = "call",
                      prelude: () async -> Void = {}, skipped: (JSONValue) -> JSONValue = { $0 },
                      encode: (T) throws -> JSONValue, decode: (JSONValue) throws -> T,
                      _ body: () async throws -> T) async throws -> T {
        if let entry = journal.entry(key) {
            switch entry.state {
            case .completed:
                return try decode(entry.output ?? .null)
            case .waiting:
                throw RuntimeError(.agentNotRunnable, "step \(key) is stored as waiting, which only an interrupt is; the journal is damaged")
            case .started where durability == .nonIdempotent:
                switch decision {
                case .skip(let value):
                    let output = skipped(value)
                    try await journal.record(key, .completed, output: output)
                    return try decode(output)
                case .fail:
                    throw RuntimeError(.needsAttention, "step \(key) (\(subject())) was failed by an operator")
                case .retry:
                    break
                case nil:
                    throw RuntimeError(.needsAttention,
                        "step \(key) calls non-idempotent \(subject()) and was interrupted mid-call; decide with `aviary runs resume \(runID) --retry | --skip-with JSON | --fail`")
                }
            case .started, .failed:
                break // run it again
            }
        }
        try control.checkpoint()
        await prelude()
        switch durability {
        case .computation: break
        case .idempotent: try await journal.writeHeld() // what came before is durable before the call
        case .nonIdempotent: try await journal.record(key, .started) // a resume finds the call begun
        }
        let value: T
        do {
            value = try await body()
        } catch let error as RuntimeError where error.stopsRun {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let message = (error as? RuntimeError)?.message ?? (error as? any CallerSafeError)?.callerDescription ?? "\(error)"
            try await journal.record(key, .failed, error: message)
            throw error
        }
        let output = try encode(value)
        if durability == .nonIdempotent {
            try await journal.record(key, .completed, output: output)
        } else {
            journal.hold(key, output: output) // written with the run's next write
        }
        return value
    }
}
