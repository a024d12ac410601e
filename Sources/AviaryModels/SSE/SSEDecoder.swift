/// An incremental Server-Sent Events decoder (WHATWG HTML §9.2): byte chunks in, events out.
///
/// Lines end with `\n`, `\r\n` or `\r`, and chunk boundaries may fall anywhere, including between
/// `\r` and `\n` or inside a UTF-8 sequence. Comments (`:` lines) are skipped, `data:` lines are
/// joined with `\n`, and an event is dispatched at each blank line. Unlike the browser algorithm,
/// ``finish()`` also dispatches a last event whose blank line never arrived.
public struct SSEDecoder: Sendable {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var lastEventID: String?
    private var retry: Int?
    private var afterCR = false
    private var atStart = true

    /// Creates a decoder at the start of a stream.
    public init() {}

    /// Feeds a chunk of bytes and returns the events it completed.
    public mutating func push(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
        var events: [SSEEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            switch byte {
            case 0x0A:
                processLine(into: &events)
            case 0x0D:
                processLine(into: &events)
                afterCR = true
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream: processes an unterminated last line and dispatches a pending event.
    public mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if !line.isEmpty { processLine(into: &events) }
        dispatch(into: &events)
        return events
    }

    private mutating func processLine(into events: inout [SSEEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        if atStart {
            atStart = false
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { line.removeFirst(3) }
        }
        if line.isEmpty {
            dispatch(into: &events)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
        var valueStart = min(colon + 1, line.count)
        if valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let field = line[0..<colon]
        let value = line[valueStart..<line.count]
        if field.elementsEqual("data".utf8) {
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        } else if field.elementsEqual("event".utf8) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if field.elementsEqual("id".utf8) {
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        } else if field.elementsEqual("retry".utf8) {
            if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        }
    }

    private mutating func dispatch(into events: inout [SSEEvent]) {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            retry = nil
        }
        guard hasData else { return }
        let type = (eventType?.isEmpty ?? true) ? nil : eventType
        events.append(SSEEvent(event: type, data: String(decoding: data, as: UTF8.self), id: lastEventID, retry: retry))
    }
}
