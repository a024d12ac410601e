import AviaryCore
import AviaryRuntime

/// How `aviary runs resume` treats a run that needs attention (a non-idempotent step was
/// interrupted mid-way).
public enum ResumeChoice: Sendable, Hashable {
    /// Resume as is (a run that needs attention stays there).
    case resume
    /// Run the interrupted step again.
    case retry
    /// Skip the interrupted step; this JSON text is its result.
    case skip(json: String)
    /// Fail the run.
    case fail
}

/// A resumed run's end as the CLI shows it.
public struct ResumeOutcome: Sendable {
    /// The run id and the status it ended in.
    public let runID: String, status: String
    /// The answer of a completed run (text, or JSON text).
    public let output: String?
    /// Why it did not complete.
    public let error: String?

    /// The end of `run`: its answer when it completed, why not otherwise.
    init(_ run: RunRecord) {
        let completed = run.status == .completed
        runID = run.id.rawValue
        status = run.status.rawValue
        output = completed ? run.output.map { $0.stringValue ?? $0.jsonString } : nil
        error = completed ? nil : run.error ?? run.status.rawValue
    }

    /// Whether it completed; then `output` is its answer.
    public var completed: Bool { status == RunStatus.completed.rawValue }
}

extension AviaryApplication {
    /// Resumes a run from its journal (`aviary runs resume`), printing nothing itself.
    public static func resume(_ configuration: AviaryConfiguration, runID: String, choice: ResumeChoice,
                              options: Options) async throws -> ResumeOutcome {
        let decision: ResumeDecision?
        switch choice {
        case .resume: decision = nil
        case .retry: decision = .retry
        case .fail: decision = .fail
        case .skip(let text):
            guard let value = try? JSONValue(parsing: text) else {
                throw ConfigurationError("--skip-with must be JSON, e.g. '\"done\"' or '{\"ok\":true}'")
            }
            decision = .skip(value)
        }
        let run = try await with(configuration, options: options) { app in
            try await app.runtime.resume(RunID(runID), tenant: configuration.tenant, decision: decision)
        }
        return ResumeOutcome(run)
    }
}
