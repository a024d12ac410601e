import AviaryCore
import Foundation

/// Runs a project's agent-session test cases (`aviary test`, seed 000's session test runner):
/// reads `tests/test_cases.json`, performs its `setup`, asks each case's question in-process or
/// of a running server (`url`), checks the case's `expect` block, and writes
/// `tests/results/<case>.md` for each. In-process, a case with a recording
/// (`tests/recordings/<case>.json`) is replayed offline unless `record` or `live` is set; `record`
/// runs the configured model and writes the recording.
public struct SessionTestRunner: Sendable {
    /// What to run and how; every field has a default.
    public struct Options: Sendable {
        /// Only this case (`--case`). Default: all.
        public var caseName: String?
        /// Replaces the cases' question (`--question`).
        public var question: String?
        /// Replaces the cases' user (`--user-id`).
        public var userID: String?
        /// Replaces the cases' session: an id to continue, or `none` for a new one (`--session-id`).
        public var sessionID: String?
        /// A running server to test (`--url http://host:port`); default: in-process.
        public var url: String?
        /// The API key for `url` (`AVIARY_API_KEY`).
        public var apiKey: String?
        /// Run the configured model and write each case's recording (`--record`).
        public var record: Bool
        /// Run the configured model even where a recording exists, without recording (`--live`).
        public var live: Bool
        /// A note stored in new recordings (what model answered). Default: the previous recording's note.
        public var note: String?
        /// Options of the in-process application (environment, event sink, local model).
        public var application: AviaryApplication.Options
        /// Tools registered where the project has none of their name (tests, recording scripts).
        public var extraTools: [any Tool]
        /// Receives one progress line at a time (case started, passed or failed).
        public var progress: @Sendable (String) -> Void
        /// The time reports and recordings are stamped with.
        public var now: @Sendable () -> Date

        /// Creates options.
        public init(caseName: String? = nil, question: String? = nil, userID: String? = nil, sessionID: String? = nil, url: String? = nil,
                    apiKey: String? = nil, record: Bool = false, live: Bool = false, note: String? = nil,
                    application: AviaryApplication.Options = AviaryApplication.Options(), extraTools: [any Tool] = [],
                    progress: @escaping @Sendable (String) -> Void = { _ in }, now: @escaping @Sendable () -> Date = { Date() }) {
            self.caseName = caseName
            self.question = question
            self.userID = userID
            self.sessionID = sessionID
            self.url = url
            self.apiKey = apiKey
            self.record = record
            self.live = live
            self.note = note
            self.application = application
            self.extraTools = extraTools
            self.progress = progress
            self.now = now
        }
    }

    /// The project.
    public let configuration: AviaryConfiguration
    /// How to run.
    public let options: Options

    /// Creates a runner for a project.
    public init(configuration: AviaryConfiguration, options: Options = Options()) {
        self.configuration = configuration
        self.options = options
    }

    /// Runs the selected cases in file order and returns their results (a failing case is a
    /// result; an unreadable file, an unknown case or a failed setup throws).
    public func run() async throws -> [SessionTestResult] {
        if options.url != nil && options.record { throw SessionTestError.usage("--record runs the model in this process; it cannot be combined with --url") }
        if options.record && options.live { throw SessionTestError.usage("--record and --live exclude each other") }
        let file = try SessionTestFile.load(project: configuration.projectDirectory)
        let cases = try file.selected(options.caseName).map(applyingOverrides)
        if let url = options.url { return try await runRemote(file.setup, cases, url: url) }
        var recordings: [String: SessionRecording] = [:]
        if !options.record && !options.live {
            for test in cases {
                if let recording = try SessionRecording.load(SessionRecording.location(of: test.name, in: configuration.projectDirectory)) {
                    recordings[test.name] = recording
                }
            }
        }
        return try await runInProcess(file.setup, cases, recordings: recordings)
    }

    /// How a case runs in-process.
    func mode(of test: SessionTestCase, recordings: [String: SessionRecording]) -> SessionTestMode {
        if options.record { return .record }
        return recordings[test.name] == nil ? .live : .replay
    }

    /// The case with `--question`, `--user-id` and `--session-id` applied.
    func applyingOverrides(_ test: SessionTestCase) -> SessionTestCase {
        var test = test
        if let question = options.question { test.question = question }
        if let user = options.userID { test.userID = user }
        if let session = options.sessionID { test.sessionID = session.lowercased() == "none" || session.isEmpty ? nil : session }
        return test
    }

    /// Checks a finished turn, writes its report and says how it went.
    func conclude(_ test: SessionTestCase, _ observation: SessionTestObservation, mode: SessionTestMode, divergences: [String],
                  recording: String?, started: ContinuousClock.Instant) throws -> SessionTestResult {
        let report = "tests/results/\(test.name).md"
        let result = SessionTestResult(name: test.name, mode: mode, failure: observation.failure,
                                       unmet: observation.failure == nil ? test.expect?.unmet(by: observation) ?? [] : [],
                                       divergences: divergences, sessionID: observation.sessionID, report: report, recording: recording)
        let text = SessionTestReport(test: test, observation: observation, result: result, generated: options.now()).render()
        let url = configuration.projectDirectory.appendingPathComponent(report)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        let elapsed = (ContinuousClock.now - started).components
        let seconds = String(format: "%.1f", Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
        if result.passed {
            options.progress("✓ \(test.name) passed (\(mode), \(seconds) s) → \(report)" + (recording.map { ", recorded \($0)" } ?? ""))
        } else {
            options.progress("✗ \(test.name) failed (\(mode), \(seconds) s) → \(report)")
            for problem in result.problems { options.progress("    - \(problem)") }
        }
        return result
    }
}
