import AviaryCore
import AviaryModels
import Foundation

/// The HTTP calls `aviary test --url` makes to a running server: `POST /chat`, the session's
/// transcripts (`GET /sessions/{id}`, `GET /sessions/{id}/messages?agent=`) and knowledge
/// ingestion for `setup` (`POST /knowledge-bases/ingest`, `GET /knowledge-bases/jobs/{id}`),
/// authenticated with a bearer API key.
struct RemoteSessionClient: Sendable {
    /// The server's root, without a trailing `/` or `/chat` (`http://127.0.0.1:8080`).
    let base: String
    let apiKey: String?
    let transport: any HTTPTransport
    /// How long one chat turn may take.
    let timeout: Duration

    init(url: String, apiKey: String?, transport: any HTTPTransport, timeout: Duration = .seconds(300)) {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/chat") { base.removeLast(5) }
        self.base = base
        self.apiKey = apiKey
        self.transport = transport
        self.timeout = timeout
    }

    /// The `/chat` URL.
    var chatURL: String { base + "/chat" }

    /// `POST /chat`: the status and the JSON body (the response, or the error body).
    func chat(userID: String, question: String, sessionID: String?) async throws -> (status: Int, body: JSONValue) {
        var body: [String: JSONValue] = ["userId": .string(userID), "question": .string(question)]
        if let sessionID { body["sessionId"] = .string(sessionID) }
        let response = try await send("POST", "/chat", body: .object(body), timeout: timeout)
        return (response.status, (try? JSONValue(parsing: response.body)) ?? ["error": ["message": .string(String(decoding: response.body, as: UTF8.self))]])
    }

    /// The agents with a transcript in a session (`[]` when the server does not know it).
    func agents(session: String) async throws -> [String] {
        let response = try await send("GET", "/sessions/\(Self.escape(session))")
        if response.status == 404 { return [] }
        return try Self.json(response, "GET /sessions/\(session)")["agents"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// One agent's transcript in a session, from the API's message shape.
    func transcript(session: String, agent: String) async throws -> [Message] {
        let response = try await send("GET", "/sessions/\(Self.escape(session))/messages?agent=\(Self.escape(agent))")
        let value = try Self.json(response, "GET /sessions/\(session)/messages")
        return (value["messages"]?.arrayValue ?? []).map(Self.message)
    }

    /// Starts an ingestion job; returns its id.
    func ingest(namespace: String, items: [JSONValue]) async throws -> String {
        let response = try await send("POST", "/knowledge-bases/ingest", body: ["namespace": .string(namespace), "items": .array(items)])
        guard let id = try Self.json(response, "POST /knowledge-bases/ingest")["job_id"]?.stringValue else {
            throw SessionTestError.server("POST /knowledge-bases/ingest: the answer has no job_id")
        }
        return id
    }

    /// An ingestion job's status body.
    func job(_ id: String) async throws -> JSONValue {
        try Self.json(try await send("GET", "/knowledge-bases/jobs/\(Self.escape(id))"), "GET /knowledge-bases/jobs/\(id)")
    }

    private func send(_ method: String, _ path: String, body: JSONValue? = nil, timeout: Duration = .seconds(30)) async throws -> HTTPResponseData {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        if body != nil { headers.append(("Content-Type", "application/json")) }
        do {
            return try await transport.send(HTTPRequestData(method: method, url: base + path, headers: headers, body: body?.jsonBytes ?? [], timeout: timeout))
        } catch {
            throw SessionTestError.server("\(method) \(base)\(path): \(ErrorText.describe(error)); is `aviary serve` running there?")
        }
    }

    /// A 2xx response's JSON body; otherwise the server's error message.
    private static func json(_ response: HTTPResponseData, _ what: String) throws -> JSONValue {
        let value = try? JSONValue(parsing: response.body)
        guard response.isSuccess, let value else {
            let message = value?["error"]?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self)
            let hint = response.status == 401 ? " (set AVIARY_API_KEY to a key of the server: `aviary keys create`)" : ""
            throw SessionTestError.server("\(what): HTTP \(response.status): \(message)\(hint)")
        }
        return value
    }

    /// A message of `GET /sessions/{id}/messages`: `{role, content, tool_calls?, tool_results?}`.
    static func message(_ value: JSONValue) -> Message {
        var parts: [Part] = []
        if let text = value["content"]?.stringValue, !text.isEmpty { parts.append(.text(text)) }
        for call in value["tool_calls"]?.arrayValue ?? [] {
            parts.append(.toolCall(ToolCall(id: call["id"]?.stringValue ?? "", name: call["name"]?.stringValue ?? "",
                                            arguments: call["arguments"] ?? .object([:]))))
        }
        for result in value["tool_results"]?.arrayValue ?? [] {
            parts.append(.toolResult(ToolResult(callID: result["call_id"]?.stringValue ?? "", name: result["name"]?.stringValue ?? "",
                                                content: result["content"]?.stringValue ?? "", isError: result["is_error"]?.boolValue ?? false)))
        }
        return Message(role: Message.Role(rawValue: value["role"]?.stringValue ?? "") ?? .assistant, parts: parts)
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?&=#"))) ?? text
    }
}
