import AviaryCore

/// One case of `tests/test_cases.json`: seed 000's fields (`name`, `description`,
/// `default_question`, `default_user_id`, `default_session_id`, `default_chat_url`,
/// `sessions_root`) and Aviary's (`agent`, `expect`, `recorded_tools`).
public struct SessionTestCase: Sendable, Hashable {
    /// Unique name; names the report (`tests/results/<name>.md`) and the recording
    /// (`tests/recordings/<name>.json`). Letters, digits, `_`, `-` and `.`.
    public var name: String
    /// What the case checks, for people. Default empty.
    public var description: String
    /// The question sent (`--question` overrides it).
    public var question: String
    /// The end user asking (`--user-id` overrides it). Default `session-test`.
    public var userID: String
    /// A session to continue; `nil` (the default) starts a new one (`--session-id ID|none`).
    public var sessionID: String?
    /// The `/chat` URL seed 000 posts to. Kept for its files; `aviary test` runs in-process unless
    /// `--url` is given, and then uses that. Default `nil`.
    public var chatURL: String?
    /// Where session folders live, to list the files a turn created when testing a server
    /// (`--url`) on this machine; relative to the project, `~` expanded. Default: the project's
    /// sessions folder (`.aviary/sessions`).
    public var sessionsRoot: String?
    /// The agent that answers; default: the project's chat agent (`default_agent`, else `router`).
    public var agent: String?
    /// What must happen for the case to pass; default: the run completes.
    public var expect: SessionTestExpectations?
    /// Tools whose results a recording keeps and a replay serves (tools that reach outside the
    /// project). Default `["web_search"]`; `[]` records none.
    public var recordedTools: [String]

    /// The tools recorded when a case names none.
    public static let defaultRecordedTools = ["web_search"]

    /// Creates a case.
    public init(name: String, description: String = "", question: String, userID: String = "session-test", sessionID: String? = nil,
                chatURL: String? = nil, sessionsRoot: String? = nil, agent: String? = nil, expect: SessionTestExpectations? = nil,
                recordedTools: [String] = SessionTestCase.defaultRecordedTools) {
        self.name = name
        self.description = description
        self.question = question
        self.userID = userID
        self.sessionID = sessionID
        self.chatURL = chatURL
        self.sessionsRoot = sessionsRoot
        self.agent = agent
        self.expect = expect
        self.recordedTools = recordedTools
    }

    static let fields: Set<String> = ["name", "description", "default_question", "default_user_id", "default_session_id",
                                      "default_chat_url", "sessions_root", "agent", "expect", "recorded_tools"]

    /// Reads one entry of `tests`.
    init(_ value: JSONValue, path: String) throws(SessionTestError) {
        let reader = try JSONObjectReader(value, path: path, known: Self.fields, fail: SessionTestError.invalidFile)
        let name = try reader.requiredString("name")
        guard Self.isName(name) else {
            throw reader.error("name", "'\(name)' must use letters, digits, '_', '-' and '.' only (it names the report file)")
        }
        self.init(name: name, description: try reader.string("description") ?? "", question: try reader.requiredString("default_question"),
                  userID: try reader.string("default_user_id") ?? "session-test", sessionID: try reader.string("default_session_id"),
                  chatURL: try reader.string("default_chat_url"), sessionsRoot: try reader.string("sessions_root"),
                  agent: try reader.string("agent"), expect: try reader.object("expect").map { value throws(SessionTestError) in
                      try SessionTestExpectations(value, path: "\(path).expect")
                  },
                  recordedTools: try reader.strings("recorded_tools") ?? Self.defaultRecordedTools)
    }

    /// Whether `name` can name a file: 1 to 100 of `A-Z a-z 0-9 _ - .`, not starting with `.`.
    static func isName(_ name: String) -> Bool {
        guard (1...100).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): return true
            default: return false
            }
        }
    }
}
