import Synchronization
import Tracing

/// An in-memory tracer for tests: records every span with its parent, attributes, status and ends.
final class RecordingTracer: Tracer {
    typealias Span = RecordingSpan

    private let spans = Mutex<[RecordingSpan]>([])
    private let nextID = Atomic<Int>(1)

    /// Every span started, in start order.
    var started: [RecordingSpan] { spans.withLock { $0 } }
    /// Spans not ended yet.
    var open: [RecordingSpan] { started.filter { $0.endCount == 0 } }

    /// The first span with this name.
    func span(named name: String) -> RecordingSpan? { started.first { $0.operationName == name } }

    func startSpan<Instant: TracerInstant>(_ operationName: String, context: @autoclosure () -> ServiceContext,
                                           ofKind kind: SpanKind, at instant: @autoclosure () -> Instant,
                                           function: String, file fileID: String, line: UInt) -> RecordingSpan {
        var context = context()
        let parentID = context.recordedSpanID
        let id = nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        context.recordedSpanID = id
        let span = RecordingSpan(id: id, parentID: parentID, name: operationName, kind: kind, context: context,
                                 startNanos: instant().nanosecondsSinceEpoch)
        spans.withLock { $0.append(span) }
        return span
    }

    func forceFlush() {}

    func inject<Carrier, Inject: Injector>(_ context: ServiceContext, into carrier: inout Carrier, using injector: Inject)
        where Inject.Carrier == Carrier {}

    func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout ServiceContext, using extractor: Extract)
        where Extract.Carrier == Carrier {}
}

/// A span recorded by ``RecordingTracer``.
final class RecordingSpan: Tracing.Span {
    private struct State {
        var name: String
        var attributes = SpanAttributes()
        var status: SpanStatus?
        var endNanos: UInt64?
        var endCount = 0
    }

    let id: Int
    let parentID: Int?
    let kind: SpanKind
    let context: ServiceContext
    let startNanos: UInt64
    private let state: Mutex<State>

    init(id: Int, parentID: Int?, name: String, kind: SpanKind, context: ServiceContext, startNanos: UInt64) {
        self.id = id
        self.parentID = parentID
        self.kind = kind
        self.context = context
        self.startNanos = startNanos
        self.state = Mutex(State(name: name))
    }

    var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }

    var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    var status: SpanStatus? { state.withLock { $0.status } }
    var endNanos: UInt64? { state.withLock { $0.endNanos } }
    var endCount: Int { state.withLock { $0.endCount } }
    var isRecording: Bool { true }

    /// A string attribute.
    func string(_ key: String) -> String? {
        if case .string(let s) = attributes.get(key) { return s }
        return nil
    }

    /// An integer attribute.
    func int(_ key: String) -> Int64? {
        if case .int64(let n) = attributes.get(key) { return n }
        return nil
    }

    /// A double attribute.
    func double(_ key: String) -> Double? {
        if case .double(let d) = attributes.get(key) { return d }
        return nil
    }

    func setStatus(_ status: SpanStatus) { state.withLock { $0.status = status } }
    func addEvent(_ event: SpanEvent) {}
    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {}
    func addLink(_ link: SpanLink) {}

    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let nanos = instant().nanosecondsSinceEpoch
        state.withLock {
            if $0.endNanos == nil { $0.endNanos = nanos }
            $0.endCount += 1
        }
    }
}

private enum RecordedSpanIDKey: ServiceContextKey {
    typealias Value = Int
}

extension ServiceContext {
    /// The id of the recorded span this context belongs to.
    var recordedSpanID: Int? {
        get { self[RecordedSpanIDKey.self] }
        set { self[RecordedSpanIDKey.self] = newValue }
    }
}
