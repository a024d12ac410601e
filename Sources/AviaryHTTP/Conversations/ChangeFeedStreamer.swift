import AviaryCore
import Foundation
import OpenAPIRuntime

/// Streams a numbered feed stored in the database — a conversation's events or a human agent's
/// inbox — as Server-Sent Events: what is stored after the cursor, then whatever is stored later,
/// woken by ``ChangeSignals`` (and re-read every `poll`, for writers in other processes), with
/// heartbeat comments, until the client leaves, `follow` is off and everything was sent, or the
/// stream's lifetime ends (reconnect with `Last-Event-ID`).
struct ChangeFeedStreamer: Sendable {
    /// One stored entry: its number, kind and JSON.
    typealias Frame = (seq: Int, kind: String, data: JSONValue)

    let key: String
    let signals: ChangeSignals
    let follow: Bool
    var poll: Duration = .seconds(2)
    var heartbeat: Duration = .seconds(15)
    var lifetime: Duration = .seconds(3600)
    /// Reads up to 200 entries after a number.
    let read: @Sendable (Int) async throws -> [Frame]

    /// The stream as a response body.
    func body(after: Int, ticket: StreamTicket) -> HTTPBody {
        let (stream, continuation) = AsyncThrowingStream<ArraySlice<UInt8>, any Error>.makeStream()
        let task = Task {
            defer { ticket.release() }
            do {
                try await run(after: after) { text in
                    if case .terminated = continuation.yield(ArraySlice(text.utf8)) { throw CancellationError() }
                }
                continuation.finish()
            } catch {
                continuation.finish()
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return HTTPBody(stream, length: .unknown, iterationBehavior: .single)
    }

    /// Sends frames through `send` until the stream ends.
    func run(after: Int, send: @Sendable (String) async throws -> Void) async throws {
        let (wakes, wakeup) = signals.follow(key)
        defer { wakeup.finish() }
        var cursor = after
        let started = ContinuousClock.now
        try await send(ServerSentEvent.comment("stream open"))
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: min(poll, heartbeat))
                wakeup.yield()
            }
        }
        defer { ticker.cancel() }
        var lastSent = ContinuousClock.now
        var iterator = wakes.makeAsyncIterator()
        while true {
            var drained = false
            while !drained {
                let frames = try await read(cursor)
                for f in frames {
                    try await send(ServerSentEvent(id: String(f.seq), event: f.kind, data: f.data.jsonString).text)
                    cursor = f.seq
                    lastSent = .now
                }
                drained = frames.count < 200
            }
            if !follow { return }
            if ContinuousClock.now - started >= lifetime {
                try await send(ServerSentEvent.comment("stream closed: maximum stream lifetime reached; reconnect with Last-Event-ID to continue"))
                return
            }
            if ContinuousClock.now - lastSent >= heartbeat {
                try await send(ServerSentEvent.comment("heartbeat"))
                lastSent = .now
            }
            guard await iterator.next() != nil else { return }
            try Task.checkCancellation()
        }
    }
}
