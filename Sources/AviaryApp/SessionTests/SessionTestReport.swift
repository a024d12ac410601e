import AviaryCore
import Foundation

/// The Markdown report of one case (`tests/results/<name>.md`), with seed 000's sections in its
/// order — `# Agent Session Test Result: <name>`, `Generated:`, `## Description (human)`,
/// `## Request`, `## Response`, `## Session Files (name + first 100 chars)`,
/// `## Conversations (structured)` with one `### Conversation: \`<agent>\`` per transcript — and a
/// closing `## Result` with the verdict and every unmet expectation or replay divergence.
public struct SessionTestReport: Sendable {
    /// The case.
    public var test: SessionTestCase
    /// What its turn produced.
    public var observation: SessionTestObservation
    /// How it ran and whether it passed.
    public var result: SessionTestResult
    /// When the report was made.
    public var generated: Date

    /// Creates a report.
    public init(test: SessionTestCase, observation: SessionTestObservation, result: SessionTestResult, generated: Date) {
        self.test = test
        self.observation = observation
        self.result = result
        self.generated = generated
    }

    /// The report's Markdown.
    public func render() -> String {
        var out = "# Agent Session Test Result: \(test.name)\n\nGenerated: \(Self.timestamp(generated))\n\n"
        out += "## Description (human)\n\n\(test.description.isEmpty ? "(none)" : test.description)\n\n"
        out += "## Request\n\n"
        out += "- chat_url: \(observation.chatURL)\n"
        out += "- user_id: \(observation.userID)\n"
        out += "- session_id: \(observation.requestedSessionID ?? "(new session)")\n"
        out += "- question: \(observation.question)\n\n"
        out += "## Response\n\n" + Self.fenced(PrettyJSON.text(observation.response), language: "json", indent: "") + "\n"
        out += "## Session Files (name + first 100 chars)\n\n"
        if observation.files.isEmpty { out += "(no files in the session workspace)\n" }
        for file in observation.files {
            out += "- `\(file.path)` (\(file.size) bytes)\n"
            let lines = file.preview.isEmpty ? ["(no text)"] : file.preview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            out += lines.map { "  > \($0)\n" }.joined()
        }
        out += "\n## Conversations (structured)\n"
        if observation.conversations.isEmpty { out += "\n(no transcripts)\n" }
        for conversation in observation.conversations { out += "\n" + Self.render(conversation) }
        out += "\n## Result\n\n" + renderResult()
        return out
    }

    private func renderResult() -> String {
        var out = "- status: **\(result.passed ? "passed" : "failed")**\n- mode: \(result.mode.description)\n"
        if let session = observation.sessionID { out += "- session: \(session)\n" }
        if let expect = test.expect {
            let checked = expect.toolsCalled.count + expect.agentsDelegated.count + expect.answerContains.count + expect.filesCreated.count
            out += "- expectations: \(checked - result.unmet.count) of \(checked) met\n"
        }
        for problem in result.problems { out += "- ✗ \(problem)\n" }
        return out
    }

    /// One agent's transcript: numbered messages with role and text; an assistant's tool calls
    /// with name, arguments and the result that answered them.
    public static func render(_ conversation: SessionConversation) -> String {
        var out = "### Conversation: `\(conversation.agent)`\n\n"
        let results = Dictionary(conversation.messages.flatMap(\.toolResults).map { ($0.callID, $0) }, uniquingKeysWith: { first, _ in first })
        let answered = Set(conversation.messages.flatMap(\.toolCalls).map(\.id))
        var number = 0
        for message in conversation.messages {
            let orphans = message.toolResults.filter { !answered.contains($0.callID) }
            if message.role == .tool && orphans.isEmpty { continue }
            number += 1
            out += "\(number). **\(message.role.rawValue)**\n"
            let text = message.text
            if !text.isEmpty { out += text.split(separator: "\n", omittingEmptySubsequences: false).map { "   \($0)\n" }.joined() }
            let calls = message.toolCalls
            if !calls.isEmpty { out += "   tool_calls:\n" }
            for call in calls {
                out += "     - name: \(call.name)\n       args: \(call.invalidArguments ?? call.arguments.jsonString)\n"
                out += renderToolResult(results[call.id])
            }
            for orphan in orphans { out += "   tool_result (\(orphan.name)):\n" + renderToolResult(orphan) }
        }
        return out
    }

    private static func renderToolResult(_ result: ToolResult?) -> String {
        guard let result else { return "       result: (none)\n" }
        let label = result.isError ? "result (error):" : "result:"
        if !result.content.contains("\n"), result.content.count <= 160, !result.content.contains("`") {
            return "       \(label) \(result.content)\n"
        }
        return "       \(label)\n" + fenced(result.content, language: "", indent: "       ")
    }

    /// A fenced code block longer than any backtick run in `text`, every line indented.
    static func fenced(_ text: String, language: String, indent: String) -> String {
        var longest = 0, run = 0
        for c in text { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 + "\n" }.joined()
        return indent + fence + language + "\n" + body + indent + fence + "\n"
    }

    /// `2025-02-18 14:07:00 UTC`.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date) + " UTC"
    }
}
