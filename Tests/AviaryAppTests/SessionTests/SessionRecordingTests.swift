@testable import AviaryApp
import AviaryCore
import AviaryTestSupport
import Foundation
import Testing

/// Recordings: the file format round trip, version refusal, and the replayer's divergence errors.
@Suite struct SessionRecordingTests {
    static let tools: [ToolSpec] = [ToolSpec(name: "web_search", description: "d"), ToolSpec(name: "write", description: "w")]

    static func request(_ question: String, results: [String] = [], tools: [ToolSpec] = Self.tools) -> ModelRequest {
        var messages: [Message] = [.system("instructions"), .user(question)]
        for (i, name) in results.enumerated() {
            messages.append(Message(role: .assistant, parts: [.toolCall(ToolCall(id: "c\(i)", name: name, arguments: [:]))]))
            messages.append(Message(role: .tool, parts: [.toolResult(ToolResult(callID: "c\(i)", name: name, content: "r"))]))
        }
        return ModelRequest(model: "m", messages: messages, tools: tools)
    }

    static func response(calling tool: String? = nil, text: String = "") -> ModelResponse {
        let parts: [Part] = tool.map { [.toolCall(ToolCall(id: "call_1", name: $0, arguments: ["query": "stone"]))] } ?? [.text(text)]
        return ModelResponse(message: Message(role: .assistant, parts: parts), finishReason: tool == nil ? .stop : .toolCalls,
                             usage: Usage(inputTokens: 100, outputTokens: 7, costUSD: 0.0001, requests: 1), model: "gpt-4o-mini")
    }

    /// Router: asks web_search, then answers; the search returned one result.
    static var recording: SessionRecording {
        var recorder = SessionRecorder()
        recorder.record(agent: "router", request: request("compare"), response: response(calling: "web_search"))
        recorder.record(tool: tools[0], call: RecordedTool.Call(arguments: ["query": "stone"], output: ["results": [["title": "Stone"]]]))
        recorder.record(agent: "router", request: request("compare", results: ["web_search"]), response: response(text: "done"))
        return recorder.recording(of: SessionTestCase(name: "c", question: "compare"), question: "compare", recordedAt: "2025-06-10T12:00:00Z", note: "scripted")
    }

    @Test func roundTripThroughAFile() async throws {
        try await withTemporaryDirectory { dir in
            let url = SessionRecording.location(of: "c", in: dir)
            try Self.recording.write(to: url)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains("\"format\": \"aviary.session-recording\""))
            #expect(text.contains("\"version\": 1"))
            let loaded = try #require(try SessionRecording.load(url))
            #expect(loaded == Self.recording)
            #expect(loaded.models["router"]?[1].toolResults == ["web_search"])
            #expect(loaded.models["router"]?[0].response.usage.costUSD == 0.0001)
            #expect(loaded.tools["web_search"]?.spec.name == "web_search")
            #expect(try SessionRecording.load(dir.appendingPathComponent("missing.json")) == nil)
        }
    }

    @Test func otherFormatsAndVersionsAreRefused() throws {
        var json = Self.recording.json
        guard case .object(var fields) = json else { return }
        fields["version"] = 2
        json = .object(fields)
        #expect(throws: SessionTestError.self) { _ = try SessionRecording(json: json) }
        do { _ = try SessionRecording(json: json) } catch { #expect(error.message.contains("version 2 is not readable")) }
        fields["version"] = 1
        fields["format"] = "something-else"
        #expect(throws: SessionTestError.self) { _ = try SessionRecording(json: .object(fields)) }
        fields["format"] = .string(SessionRecording.format)
        fields["extra"] = true
        do { _ = try SessionRecording(json: .object(fields)); Issue.record("unknown field accepted") } catch {
            #expect(error.message.contains("unknown field 'extra'"))
        }
    }

    @Test func replayFollowsTheRecording() throws {
        var replayer = SessionReplayer(Self.recording)
        #expect(try replayer.response(agent: "router", request: Self.request("compare")).message.toolCalls.map(\.name) == ["web_search"])
        #expect(try replayer.toolCall("web_search", arguments: ["query": "stone"]).output?["results"]?[0]?["title"] == "Stone")
        #expect(try replayer.response(agent: "router", request: Self.request("compare", results: ["web_search"])).message.text == "done")
        #expect(replayer.divergences.isEmpty)
        #expect(replayer.unused.isEmpty)
    }

    /// The divergence `body` runs into on a fresh replay of the recording.
    static func divergence(_ body: (inout SessionReplayer) throws -> Void) -> String {
        var replayer = SessionReplayer(recording)
        do { try body(&replayer) } catch let error as ReplayDivergence { return error.message } catch { return "\(error)" }
        return "no divergence"
    }

    @Test func divergencesAreNamed() {
        #expect(Self.divergence { _ = try $0.response(agent: "helper", request: Self.request("compare")) }
                == "agent 'helper' made model request #1, but the recording has 0 for it")
        #expect(Self.divergence { _ = try $0.response(agent: "router", request: Self.request("something else")) }
                == "agent 'router' request #1 asks \"something else\", but the recording's next request for it asks \"compare\"")
        #expect(Self.divergence { _ = try $0.response(agent: "router", request: Self.request("compare", results: ["write"])) }
                == "agent 'router' request #1 follows the results of [write], the recording's followed []")
        #expect(Self.divergence { _ = try $0.response(agent: "router", request: Self.request("compare", tools: [Self.tools[1]])) }
                .hasPrefix("the recorded response #1 of agent 'router' calls 'web_search', which the agent does not have in this run (its tools: write)"))
        #expect(Self.divergence { r in
            _ = try r.response(agent: "router", request: Self.request("compare"))
            _ = try r.response(agent: "router", request: Self.request("compare", results: ["web_search"]))
            _ = try r.response(agent: "router", request: Self.request("compare", results: ["web_search", "web_search"]))
        } == "agent 'router' made model request #3, but the recording has 2 for it")
        #expect(Self.divergence { _ = try $0.toolCall("web_search", arguments: ["query": "cielo"]) }
                == #"'web_search' was called with {"query":"cielo"}, but the recording's next call of it has {"query":"stone"}"#)
        #expect(Self.divergence { r in
            _ = try r.toolCall("web_search", arguments: ["query": "stone"])
            _ = try r.toolCall("web_search", arguments: ["query": "stone"])
        } == "'web_search' was called 2 times, but the recording has 1 calls of it")
    }

    @Test func whatTheRunNeverAskedForIsReported() throws {
        var replayer = SessionReplayer(Self.recording)
        _ = try replayer.response(agent: "router", request: Self.request("compare"))
        #expect(replayer.unused == ["the recording has 1 model response for agent 'router' that the run never asked for",
                                    "the recording has 1 call of 'web_search' that the run never made"])
    }
}
