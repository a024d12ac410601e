import AsyncHTTPClient
import AviaryCore
import AviaryHTTP
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import AviaryTestSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Testing

/// A real `aviary serve` HTTP server on 127.0.0.1 (ephemeral port) over a real SQLite store in a
/// temporary directory, with test-double models, plus an HTTP client to call it.
struct ServerFixture: Sendable {
    let baseURL: String
    let port: Int
    let client: HTTPClient
    let store: SQLStore
    let runtime: AgentRuntime
    let hub: RunEventHub
    let group: ServiceGroup
    let directory: URL
    /// Every route the server registers (method and path template).
    let routes: [OpenAPIDocument.Operation]

    /// Builds and starts the server, runs `body`, then shuts everything down gracefully.
    static func with<T: Sendable>(agents: [AgentDefinition], tools: [any Tool] = [], model: any LanguageModel,
                                  programs: [any RunProgram] = [], directory: URL? = nil, readiness: [ReadinessCheck] = [], logger: Logger? = nil,
                                  embedder: (any EmbeddingModel)? = nil, fetcher: (any DocumentFetcher)? = nil,
                                  configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
                                  _ body: @Sendable (ServerFixture) async throws -> T) async throws -> T {
        if let directory { return try await run(in: directory, agents, tools, programs, model, readiness, logger, embedder, fetcher, configure, body) }
        return try await withTemporaryDirectory { dir in
            try await run(in: dir, agents, tools, programs, model, readiness, logger, embedder, fetcher, configure, body)
        }
    }

    private static func run<T: Sendable>(in dir: URL, _ agents: [AgentDefinition], _ tools: [any Tool], _ programs: [any RunProgram],
                                         _ model: any LanguageModel,
                                         _ readiness: [ReadinessCheck], _ givenLogger: Logger?, _ embedder: (any EmbeddingModel)?, _ fetcher: (any DocumentFetcher)?,
                                         _ configure: @Sendable (inout ServerConfiguration) -> Void,
                                         _ body: @Sendable (ServerFixture) async throws -> T) async throws -> T {
        try await SQLiteStorage.withStorage(path: dir.appendingPathComponent("aviary.sqlite").path) { storage in
            let hub = RunEventHub()
            var logger = Logger(label: "test.server")
            logger.logLevel = ProcessInfo.processInfo.environment["AVIARY_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
            if let givenLogger { logger = givenLogger }
            let runtime = AgentRuntime(catalog: AgentCatalog(agents), tools: ToolRegistry(tools), models: SingleModelProvider(model),
                                       runs: storage.store, sessions: storage.store,
                                       programs: programs + [IngestProgram(ingestor: DocumentIngestor(store: storage.store, fetcher: fetcher), embedder: embedder)], sink: hub,
                                       sessionsRoot: dir.appendingPathComponent("sessions"), logger: logger)
            var config = ServerConfiguration(chatAgent: agents.first?.name ?? "agent", host: "127.0.0.1", port: 0)
            configure(&config)
            let supervisor = RunSupervisor(runtime: runtime, logger: logger)
            let deps = ServerDependencies(runtime: runtime, supervisor: supervisor, runs: storage.store, sessions: storage.store,
                                          keys: storage.store, hub: hub, readiness: readiness, logger: logger,
                                          conversations: storage.store, knowledge: storage.store,
                                          knowledgeSearch: KnowledgeSearch(store: storage.store, embedder: embedder))
            let server = try await AviaryServer(configuration: config, dependencies: deps)
            let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
            let group = ServiceGroup(configuration: .init(
                services: server.services(onBound: { port in portContinuation.yield(port); portContinuation.finish() })
                    .map { .init(service: $0) },
                gracefulShutdownSignals: [], logger: logger))
            // a loaded CI machine can keep concurrent calls waiting for a pooled connection past AHC's 10 s default
            var clientConfiguration = HTTPClient.Configuration()
            clientConfiguration.timeout.connect = .seconds(120)
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
            do {
                let result = try await withThrowingTaskGroup(of: T?.self) { tasks in
                    tasks.addTask {
                        defer { portContinuation.finish() }
                        try await group.run()
                        return nil
                    }
                    var iterator = ports.makeAsyncIterator()
                    guard let port = await iterator.next() else { throw FixtureError(message: "server did not start") }
                    let fixture = ServerFixture(baseURL: "http://127.0.0.1:\(port)", port: port, client: client, store: storage.store,
                                                runtime: runtime, hub: hub, group: group, directory: dir,
                                                routes: server.routes)
                    let result = try await body(fixture)
                    await group.triggerGracefulShutdown()
                    while let next = try await tasks.next() { if next != nil { continue } }
                    return result
                }
                try await client.shutdown()
                return result
            } catch {
                try? await client.shutdown()
                throw error
            }
        }
    }

    /// A new API key for a principal of a tenant (`key:<principal>`); `principal: nil` gives the
    /// key a principal of its own, as `aviary keys create` does by default.
    func key(tenant: String = "acme", role: Role = .user, principal: String? = "alice") async throws -> String {
        try await APIKeyIssuer(store: store).create(tenant: tenant, principal: principal, role: role).key
    }

    /// One request; the body is parsed as JSON when possible.
    func call(_ method: HTTPMethod, _ path: String, key: String? = nil, json: JSONValue? = nil, raw: String? = nil,
              headers: [(String, String)] = []) async throws -> HTTPResult {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json.jsonString))
        } else if let raw {
            request.body = .bytes(ByteBuffer(string: raw))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        let text = String(buffer: bytes)
        var fields: [String: String] = [:]
        for header in response.headers { fields[header.name.lowercased()] = header.value }
        for problem in APIContract.bundled.violations(method: method.rawValue, path: path, status: Int(response.status.code),
                                                      contentType: response.headers["Content-Type"].first, headers: fields, body: text) {
            Issue.record("API contract: \(problem)")
        }
        return HTTPResult(status: Int(response.status.code), headers: response.headers, text: text,
                          json: try? JSONValue(parsing: text))
    }

    /// Opens a streaming request and returns a line reader over its body.
    func stream(_ method: HTTPMethod, _ path: String, key: String?, json: JSONValue? = nil,
                headers: [(String, String)] = []) async throws -> (status: Int, lines: SSELines) {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json { request.body = .bytes(ByteBuffer(string: json.jsonString)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let status = Int(response.status.code)
        let lines = SSELines(body: response.body)
        if response.headers["Content-Type"].first?.hasPrefix("text/event-stream") == true {
            lines.checkData = { data in
                for problem in APIContract.bundled.frameViolations(method: method.rawValue, path: path, status: status, data: data) {
                    Issue.record("API contract: \(problem)")
                }
            }
        }
        return (status, lines)
    }
}

/// A response: status, headers, text and parsed JSON.
struct HTTPResult: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let text: String
    let json: JSONValue?

    /// The `error.code` of an error body.
    var errorCode: String? { json?["error"]?["code"]?.stringValue }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
