import AviaryCore

/// The verdict on one case: how it ran, whether it passed and why not.
public struct SessionTestResult: Sendable, Hashable {
    /// The case's name.
    public var name: String
    /// How it ran.
    public var mode: SessionTestMode
    /// Why the turn did not complete (a failed run, an HTTP error), or `nil`.
    public var failure: String?
    /// Each unmet expectation.
    public var unmet: [String]
    /// Where the replay left the recording (a request it does not have, a response never asked for).
    public var divergences: [String]
    /// The session the turn ran in.
    public var sessionID: String?
    /// The report's path, relative to the project (`tests/results/<name>.md`).
    public var report: String
    /// The recording written (record mode), relative to the project.
    public var recording: String?

    /// Creates a result.
    public init(name: String, mode: SessionTestMode, failure: String? = nil, unmet: [String] = [], divergences: [String] = [],
                sessionID: String? = nil, report: String, recording: String? = nil) {
        self.name = name
        self.mode = mode
        self.failure = failure
        self.unmet = unmet
        self.divergences = divergences
        self.sessionID = sessionID
        self.report = report
        self.recording = recording
    }

    /// Whether the case passed: the turn completed, every expectation held, the replay followed its recording.
    public var passed: Bool { failure == nil && unmet.isEmpty && divergences.isEmpty }

    /// Every reason it failed, one line each.
    public var problems: [String] {
        (failure.map { ["run: \($0)"] } ?? []) + divergences.map { "replay: \($0)" } + unmet
    }

    /// The result as JSON (`aviary test --json`).
    public var json: JSONValue {
        var o: [String: JSONValue] = ["name": .string(name), "mode": .string(mode.description), "passed": .bool(passed),
                                      "problems": .array(problems.map { .string($0) }), "report": .string(report)]
        if let sessionID { o["sessionId"] = .string(sessionID) }
        if let recording { o["recording"] = .string(recording) }
        return .object(o)
    }
}
