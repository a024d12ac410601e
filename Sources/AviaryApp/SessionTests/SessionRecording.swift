import AviaryCore
import Foundation

/// A case's recording (`tests/recordings/<case>.json`): every model response per agent, in
/// order, and the calls of the tools that reach outside the project. `aviary test --record`
/// writes it; a plain `aviary test` replays it offline. Versioned: a file of another format or
/// version is refused, never guessed at.
public struct SessionRecording: Sendable, Hashable {
    /// The `format` member every recording has.
    public static let format = "aviary.session-recording"
    /// The version this build reads and writes.
    public static let version = 1

    /// The case recorded.
    public var caseName: String
    /// The question it asked.
    public var question: String
    /// When it was recorded (ISO 8601).
    public var recordedAt: String
    /// A note for readers (what the model was, for instance); kept when re-recording.
    public var note: String?
    /// Each agent's model calls, in order.
    public var models: [String: [RecordedModelCall]]
    /// The recorded tools, by name.
    public var tools: [String: RecordedTool]

    /// Creates a recording.
    public init(caseName: String, question: String, recordedAt: String, note: String? = nil,
                models: [String: [RecordedModelCall]] = [:], tools: [String: RecordedTool] = [:]) {
        self.caseName = caseName
        self.question = question
        self.recordedAt = recordedAt
        self.note = note
        self.models = models
        self.tools = tools
    }

    /// Where a case's recording lives in a project.
    public static func location(of caseName: String, in project: URL) -> URL {
        project.appendingPathComponent("tests/recordings/\(caseName).json")
    }

    /// The recording as JSON.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "format": .string(Self.format), "version": .number(Double(Self.version)), "case": .string(caseName),
            "question": .string(question), "recorded_at": .string(recordedAt),
            "models": .object(models.mapValues { .array($0.map(\.json)) }), "tools": .object(tools.mapValues(\.json)),
        ]
        if let note { o["note"] = .string(note) }
        return .object(o)
    }

    /// Reads a recording's JSON.
    public init(json: JSONValue) throws(SessionTestError) {
        let reader = try JSONObjectReader(json, path: "recording", known: ["format", "version", "case", "question", "recorded_at", "note", "models", "tools"],
                                          fail: SessionTestError.invalidRecording)
        guard try reader.string("format") == Self.format else { throw reader.error("format", "expected '\(Self.format)'") }
        guard let version = reader.fields["version"]?.intValue else { throw reader.error("version", "required") }
        guard version == Self.version else {
            throw reader.error("version", "version \(version) is not readable by this aviary (it reads version \(Self.version)); re-record with `aviary test --record`")
        }
        var models: [String: [RecordedModelCall]] = [:]
        for (agent, calls) in try reader.object("models")?.objectValue ?? [:] {
            guard let list = calls.arrayValue else { throw reader.error("models.\(agent)", "expected a list of model calls") }
            var recorded: [RecordedModelCall] = []
            for (i, call) in list.enumerated() { recorded.append(try RecordedModelCall(json: call, path: "recording.models.\(agent)[\(i)]")) }
            models[agent] = recorded
        }
        var tools: [String: RecordedTool] = [:]
        for (name, tool) in try reader.object("tools")?.objectValue ?? [:] {
            tools[name] = try RecordedTool(json: tool, path: "recording.tools.\(name)")
        }
        self.init(caseName: try reader.requiredString("case"), question: try reader.string("question") ?? "",
                  recordedAt: try reader.string("recorded_at") ?? "", note: try reader.string("note"), models: models, tools: tools)
    }

    /// Reads a recording file; `nil` when there is none.
    public static func load(_ url: URL) throws(SessionTestError) -> SessionRecording? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try SessionRecording(json: try JSONValue(parsing: try Data(contentsOf: url)))
        } catch let error as SessionTestError {
            throw .invalidRecording("\(url.lastPathComponent): \(error.message)")
        } catch {
            throw .invalidRecording("\(url.lastPathComponent): \(error)")
        }
    }

    /// Writes the recording (pretty-printed, keys sorted, so a re-recording diffs line by line).
    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((PrettyJSON.text(json) + "\n").utf8).write(to: url, options: .atomic)
    }
}
