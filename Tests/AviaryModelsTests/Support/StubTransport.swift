import AviaryCore
import AviaryModels
import Synchronization

/// An in-memory ``HTTPTransport``: serves canned responses in order and records requests.
/// Streamed bodies are cut into `chunkSize`-byte pieces to exercise chunk boundaries.
final class StubTransport: HTTPTransport {
    struct Canned: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        var chunkSize: Int
    }

    private let state: Mutex<(canned: [Canned], requests: [HTTPRequestData])>

    init(_ canned: [Canned] = []) { state = Mutex((canned, [])) }

    /// A transport answering once with `body`.
    convenience init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8], chunkSize: Int = 7) {
        self.init([Canned(status: status, headers: headers, body: body, chunkSize: chunkSize)])
    }

    var requests: [HTTPRequestData] { state.withLock { $0.requests } }

    /// The last request's body parsed as JSON.
    var lastBody: JSONValue? {
        requests.last.flatMap { try? JSONValue(parsing: $0.body) }
    }

    private func next(_ request: HTTPRequestData) throws -> Canned {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.canned.isEmpty else { throw StubError() }
            return state.canned.removeFirst()
        }
    }

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        let canned = try next(request)
        return HTTPResponseData(status: canned.status, headers: canned.headers, body: canned.body)
    }

    func stream(_ request: HTTPRequestData) async throws -> HTTPStreamingResponse {
        let canned = try next(request)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [UInt8].self)
        var offset = 0
        while offset < canned.body.count {
            let end = min(offset + max(1, canned.chunkSize), canned.body.count)
            continuation.yield(Array(canned.body[offset..<end]))
            offset = end
        }
        continuation.finish()
        return HTTPStreamingResponse(status: canned.status, headers: canned.headers, body: stream)
    }

    struct StubError: Error {}
}
