import AviaryCore
import Hummingbird
import Logging
import NIOCore

/// Runs a Hummingbird router on 127.0.0.1 with an ephemeral port for the duration of a closure
/// (the fake servers' base; usable for any local HTTP peer a test needs).
public enum LocalHTTPServer {
    /// A server that stopped before it was listening.
    struct StartError: Error, CustomStringConvertible {
        var description: String { "the local fake server did not start listening" }
    }

    /// Starts the server, runs `body` with the bound port, then shuts the server down (also on throw).
    public static func run<T>(router: Router<BasicRequestContext>, _ body: (Int) async throws -> T) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "aviary.fake-server")
        logger.logLevel = .critical // cancellation at scope end logs expected errors
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { portContinuation.finish() }
                try await app.run()
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                group.cancelAll()
                try await group.waitForAll()
                throw StartError()
            }
            let result = try await body(port)
            group.cancelAll()
            return result
        }
    }

    /// Reads a request into a record (headers lowercased, body parsed as JSON when possible).
    static func record(_ request: Request) async throws -> FakeRecordedRequest {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 << 20)
        let bytes = Array(buffer.readableBytesView)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        return FakeRecordedRequest(method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
                                   body: bytes.isEmpty ? nil : try? JSONValue(parsing: bytes),
                                   rawBody: String(decoding: bytes, as: UTF8.self))
    }

    /// A complete response with a body.
    static func response(status: Int, contentType: String, body: String, retryAfter: String? = nil,
                         headers extra: [String: String] = [:]) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if let retryAfter { headers[.retryAfter] = retryAfter }
        // header names are HTTP tokens: letters, digits and `-` (so the name conversion cannot fail)
        for (name, value) in extra.sorted(by: { $0.key < $1.key })
        where !name.isEmpty && name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            headers[.init(name)!] = value
        }
        return Response(status: .init(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// A `text/event-stream` response writing each event separately.
    static func eventStream(_ events: [String]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                 body: ResponseBody { writer in
                     for event in events { try await writer.write(ByteBuffer(string: event)) }
                     try await writer.finish(nil)
                 })
    }
}
