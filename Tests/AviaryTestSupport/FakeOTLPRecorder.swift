import Synchronization

/// The shared state of a ``FakeOTLPCollector``: exports received, decoding failures and tasks
/// waiting for spans. Thread-safe.
final class FakeOTLPRecorder: Sendable {
    private typealias Waiter = (count: Int, continuation: CheckedContinuation<[FakeOTLPSpan], Never>)

    private struct State {
        var exports: [FakeOTLPCollector.Export] = []
        var failures: [String] = []
        var waiters: [Waiter] = []
        var spans: [FakeOTLPSpan] { exports.flatMap(\.spans) }
    }

    private let state = Mutex(State())

    var exports: [FakeOTLPCollector.Export] { state.withLock { $0.exports } }
    var failures: [String] { state.withLock { $0.failures } }

    func waitForSpans(count: Int) async -> [FakeOTLPSpan] {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready: [FakeOTLPSpan]? = state.withLock { state in
                    let spans = state.spans
                    if spans.count >= count || Task.isCancelled { return spans }
                    state.waiters.append((count: count, continuation: continuation))
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let (waiting, spans) = state.withLock { state -> ([Waiter], [FakeOTLPSpan]) in
                defer { state.waiters.removeAll() }
                return (state.waiters, state.spans)
            }
            for waiter in waiting { waiter.continuation.resume(returning: spans) }
        }
    }

    func receive(path: String, contentType: String, body: [UInt8]) {
        var decoded: [FakeOTLPSpan] = []
        var failure: String?
        do {
            decoded = contentType.hasPrefix("application/json")
                ? try OTLPTraceDecoder.decodeJSON(body) : try OTLPTraceDecoder.decodeProtobuf(body)
        } catch {
            failure = "undecodable \(contentType) export to \(path): \(error)"
        }
        let (ready, spans) = state.withLock { state -> ([Waiter], [FakeOTLPSpan]) in
            state.exports.append(.init(path: path, contentType: contentType, body: body, spans: decoded))
            if let failure { state.failures.append(failure) }
            let spans = state.spans
            let ready = state.waiters.filter { $0.count <= spans.count }
            state.waiters.removeAll { $0.count <= spans.count }
            return (ready, spans)
        }
        for waiter in ready { waiter.continuation.resume(returning: spans) }
    }
}
