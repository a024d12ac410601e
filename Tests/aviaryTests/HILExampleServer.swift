import AsyncHTTPClient
import AviaryCore
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A real `aviary serve` of a copy of `Examples/customer-support-hil`, for
/// ``CustomerSupportHILExampleTests``: copying the example, its API keys, starting and stopping the
/// process, and the HTTP calls (JSON, and Server-Sent Events read with `follow=false`).
struct HILExampleServer {
    /// The scenario's API keys, in tenant `default` (the tenant `aviary hil` acts on).
    struct Keys {
        /// Creates the human agents.
        let admin: String
        /// An operator acting as Rita (principal `key:rita`).
        let rita: String
        /// An operator acting as Theo (principal `key:theo`).
        let theo: String
        /// The customer's client (role `user`, principal `key:web`).
        let customer: String
    }

    /// An answer: status and body.
    struct Answer {
        let status: UInt
        let text: String
        var json: JSONValue { (try? JSONValue(parsing: text)) ?? .null }
    }

    /// One frame of an event stream: its `event` and its `data` (the event as JSON).
    struct Frame {
        let event: String
        let data: JSONValue
    }

    let cli: CLIProcess
    let base: String
    let client: HTTPClient

    /// A copy of the example whose agents reach the fake OpenAI server (`model: openai/fake-model`).
    static func copyExample(to dir: URL) throws -> URL {
        let project = dir.appendingPathComponent("customer-support-hil")
        try FileManager.default.copyItem(at: CLIProcess.packageRoot.appendingPathComponent("Examples/customer-support-hil"), to: project)
        try? FileManager.default.removeItem(at: project.appendingPathComponent(".aviary"))
        let config = project.appendingPathComponent("aviary.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "\nmodel: openai/fake-model\n").write(to: config, atomically: true, encoding: .utf8)
        return project
    }

    /// `aviary keys create` for the admin, the two operators and the customer.
    static func createKeys(_ project: URL, env: [String: String]) async throws -> Keys {
        func key(_ role: String, _ principal: String) async throws -> String {
            let (status, out, err) = try await CLIProcess.run(["keys", "create", "--project", project.path, "--tenant", "default",
                                                               "--role", role, "--principal", principal], environment: env)
            #expect(status == 0, "\(err)")
            let created = out.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(created.hasPrefix("avk_"), "\(out) \(err)")
            return created
        }
        return Keys(admin: try await key("admin", "boss"), rita: try await key("operator", "rita"), theo: try await key("operator", "theo"),
                    customer: try await key("user", "web"))
    }

    /// Starts `aviary serve` on a free port and waits until it listens.
    static func start(_ project: URL, env: [String: String], client: HTTPClient) async throws -> HILExampleServer {
        let cli = try CLIProcess(["serve", "--project", project.path], environment: env)
        try await cli.start()
        do {
            let port = try await cli.listeningPort()
            return HILExampleServer(cli: cli, base: "http://127.0.0.1:\(port)", client: client)
        } catch {
            if cli.isRunning { kill(cli.processIdentifier, SIGKILL) }
            let (_, _, logs) = await cli.finish()
            throw CLIError(message: "aviary serve did not start: \(error)\n\(logs.suffix(3000))")
        }
    }

    /// Sends `signal` and waits for the process to exit; returns its exit status and its logs.
    @discardableResult
    func stop(_ signal: Int32) async -> (Int32, String) {
        if cli.isRunning { kill(cli.processIdentifier, signal) }
        let (status, _, logs) = await cli.finish()
        return (status, logs)
    }

    /// For `defer`: kills the process if a test ends early.
    func killIfRunning() {
        if cli.isRunning { kill(cli.processIdentifier, SIGKILL) }
    }

    /// Calls the API with `key`, sending `body` as JSON.
    func call(_ method: HTTPMethod, _ path: String, key: String, _ body: JSONValue? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonString))
        }
        let response = try await client.execute(request, timeout: .seconds(60))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 24))
        return Answer(status: response.status.code, text: text)
    }

    func get(_ path: String, key: String) async throws -> Answer { try await call(.GET, path, key: key) }

    func post(_ path: String, key: String, _ body: JSONValue? = nil) async throws -> Answer { try await call(.POST, path, key: key, body) }

    /// The stored events of a stream (`path` without a query): read with `follow=false`, so the
    /// answer ends after the last stored event.
    func events(_ path: String, key: String) async throws -> [Frame] {
        let answer = try await get(path + "?follow=false", key: key)
        #expect(answer.status == 200, "\(path): \(answer.text)")
        return Self.frames(answer.text)
    }

    /// The frames of an event stream's text; comment frames (`: heartbeat`) are left out.
    static func frames(_ text: String) -> [Frame] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var event: String?, data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data += line.dropFirst(6) }
            }
            guard let event, let json = try? JSONValue(parsing: data) else { return nil }
            return Frame(event: event, data: json)
        }
    }
}
