import AviaryModels
import Testing

@Suite struct SSEDecoderTests {
    private func decodeAll(_ text: String, chunkSize: Int? = nil) -> [SSEEvent] {
        decodeAll(Array(text.utf8), chunkSize: chunkSize)
    }

    private func decodeAll(_ bytes: [UInt8], chunkSize: Int? = nil) -> [SSEEvent] {
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        let size = chunkSize ?? max(bytes.count, 1)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            events += decoder.push(bytes[offset..<end])
            offset = end
        }
        return events + decoder.finish()
    }

    @Test func decodesDataEventAndIDFields() {
        let events = decodeAll("event: message_start\ndata: {\"a\":1}\nid: 7\n\ndata: second\n\n")
        #expect(events == [
            SSEEvent(event: "message_start", data: "{\"a\":1}", id: "7"),
            SSEEvent(event: nil, data: "second", id: "7"),
        ])
    }

    @Test func acceptsCRLFAndBareCRLineEndings() {
        let expected = [SSEEvent(event: "x", data: "one"), SSEEvent(data: "two")]
        #expect(decodeAll("event: x\r\ndata: one\r\n\r\ndata: two\r\n\r\n") == expected)
        #expect(decodeAll("event: x\rdata: one\r\rdata: two\r\r") == expected)
    }

    @Test func joinsMultiLineData() {
        #expect(decodeAll("data: line 1\ndata: line 2\ndata\ndata:\n\n") == [SSEEvent(data: "line 1\nline 2\n\n")])
    }

    @Test func skipsCommentsAndEmptyEventsAndUnknownFields() {
        let text = ": keep-alive\n\nevent: ping\n\nfoo: bar\ndata:no-space\n\n:comment\ndata:  two spaces\n\n"
        #expect(decodeAll(text) == [SSEEvent(data: "no-space"), SSEEvent(data: " two spaces")])
    }

    @Test func eventTypeResetsAfterDispatch() {
        let events = decodeAll("event: a\ndata: 1\n\ndata: 2\n\n")
        #expect(events.map(\.event) == ["a", nil])
    }

    @Test func parsesRetryAndKeepsLastEventID() {
        let events = decodeAll("retry: 3000\nid: 1\ndata: a\n\nretry: x\ndata: b\n\nid\ndata: c\n\n")
        #expect(events == [SSEEvent(data: "a", id: "1", retry: 3000), SSEEvent(data: "b", id: "1"),
                           SSEEvent(data: "c", id: "")])
    }

    @Test func finishDispatchesAnUnterminatedLastEvent() {
        #expect(decodeAll("data: [DONE]") == [SSEEvent(data: "[DONE]")])
        #expect(decodeAll("data: [DONE]\n") == [SSEEvent(data: "[DONE]")])
        #expect(decodeAll("") == [])
    }

    @Test func stripsLeadingByteOrderMark() {
        #expect(decodeAll([0xEF, 0xBB, 0xBF] + Array("data: hi\n\n".utf8)) == [SSEEvent(data: "hi")])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 11, 64])
    func chunkBoundariesAnywhereGiveTheSameEvents(chunkSize: Int) throws {
        let text = "event: a\r\ndata: héllo ☀️\r\n\r\n: c\r\ndata: x\ndata: y\r\rdata: z\n\n"
        let whole = decodeAll(text)
        #expect(whole == [SSEEvent(event: "a", data: "héllo ☀️"), SSEEvent(data: "x\ny"), SSEEvent(data: "z")])
        #expect(decodeAll(text, chunkSize: chunkSize) == whole)
    }

    @Test func fixtureStreamsDecodeIdenticallyByteByByte() throws {
        for name in ["openai-stream-tool-calls.sse", "anthropic-stream-tool-use.sse", "anthropic-stream-text-crlf.sse"] {
            let bytes = try Fixture.bytes(name)
            let whole = decodeAll(bytes)
            #expect(!whole.isEmpty)
            #expect(decodeAll(bytes, chunkSize: 1) == whole, "\(name)")
        }
    }
}
