import AsyncHTTPClient
import AviaryCore
import Foundation
import NIOCore

/// Reads a streamed response body line by line and groups Server-Sent Events frames.
final class SSELines: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var buffer: [UInt8] = []
    private var finished = false
    /// Called with each frame's `data` (the contract check of `ServerFixture.stream`).
    var checkData: (@Sendable (String) -> Void)?

    init(body: HTTPClientResponse.Body) { iterator = body.makeAsyncIterator() }

    /// The next line (without `\n`), or nil at the end of the body.
    func nextLine() async throws -> String? {
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = [] }
                return String(decoding: buffer, as: UTF8.self)
            }
            if let chunk = try await iterator.next() { buffer.append(contentsOf: chunk.readableBytesView) } else { finished = true }
        }
    }

    /// One frame: its field lines (`id`, `event`, `data`) or a comment; nil at the end.
    func nextFrame() async throws -> SSEFrame? {
        var frame = SSEFrame()
        var sawAnything = false
        while let line = try await nextLine() {
            if line.isEmpty {
                if sawAnything {
                    if let data = frame.data { checkData?(data) }
                    return frame
                }
                continue
            }
            sawAnything = true
            if line.hasPrefix(":") { frame.comment = String(line.dropFirst()).trimmingCharacters(in: .whitespaces); continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = String(line[..<colon])
            var value = String(line[line.index(after: colon)...])
            if value.hasPrefix(" ") { value.removeFirst() }
            switch field {
            case "id": frame.id = value
            case "event": frame.event = value
            case "data": frame.data = frame.data.map { $0 + "\n" + value } ?? value
            default: break
            }
        }
        if sawAnything, let data = frame.data { checkData?(data) }
        return sawAnything ? frame : nil
    }

    /// Frames until the end of the stream (or until `stop` says so).
    func frames(until stop: (SSEFrame) -> Bool = { _ in false }) async throws -> [SSEFrame] {
        var out: [SSEFrame] = []
        while let frame = try await nextFrame() {
            out.append(frame)
            if stop(frame) { break }
        }
        return out
    }
}

/// One SSE frame.
struct SSEFrame: Sendable {
    var id: String?
    var event: String?
    var data: String?
    var comment: String?

    /// The data parsed as JSON.
    var json: JSONValue? { data.flatMap { try? JSONValue(parsing: $0) } }
}
