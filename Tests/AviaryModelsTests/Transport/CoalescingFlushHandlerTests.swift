import AsyncHTTPClient
import AviaryCore
import AviaryModels
import AviaryTesting
import NIOCore
import NIOEmbedded
import Testing

@Suite struct CoalescingFlushHandlerTests {
    private func channel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(CoalescingFlushHandler())
        return channel
    }

    private func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func theFlushesOfOneTurnLeaveAsOneAtItsEnd() throws {
        let channel = try channel()
        channel.writeAndFlush(buffer("HEAD"), promise: nil)
        channel.writeAndFlush(buffer("BODY"), promise: nil)
        // Nothing has reached the socket while the turn that wrote is still running…
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        // …and both writes go out with the one flush at its end, in order.
        channel.embeddedEventLoop.run()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == buffer("HEAD"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == buffer("BODY"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        _ = try channel.finish()
    }

    @Test func writesWithoutAFlushStayUnflushed() throws {
        let channel = try channel()
        channel.write(buffer("PENDING"), promise: nil)
        channel.embeddedEventLoop.run()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        channel.flush()
        channel.embeddedEventLoop.run()
        #expect(try channel.readOutbound(as: ByteBuffer.self) == buffer("PENDING"))
        _ = try channel.finish()
    }

    @Test func aCloseSendsWhatTheTurnFlushedFirst() throws {
        let channel = try channel()
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(buffer("LAST WORDS"), promise: written)
        channel.close(promise: nil)
        // The write completed (it reached the socket) rather than failing with the close.
        #expect(throws: Never.self) { try written.futureResult.wait() }
        #expect(try channel.readOutbound(as: ByteBuffer.self) == buffer("LAST WORDS"))
    }

    /// A real AsyncHTTPClient connection with the handler in place: requests with large bodies and
    /// streamed responses go through unchanged.
    @Test func requestsOverARealConnectionArriveWhole() async throws {
        var configuration = HTTPClient.Configuration()
        configuration.http1_1ConnectionDebugInitializer = CoalescingFlushHandler.connectionInitializer
        let question = String(repeating: "How far is the moon? ", count: 10_000)
        try await withFakeOpenAIServer(replies: [.text("First"), .text("Second")]) { server in
            try await AsyncHTTPTransport.withTransport(timeout: .seconds(30), configuration: configuration) { transport in
                let model = OpenAIChatModel(configuration: .init(model: "gpt-4o-mini", baseURL: server.baseURL, apiKey: "sk-test"),
                                            transport: transport)
                let request = ModelRequest(model: "gpt-4o-mini", messages: [.user(question)])
                let first = try await model.respond(to: request)
                let second = try await model.respond(to: request)
                #expect(first.message == .assistant("First"))
                #expect(second.message == .assistant("Second"))
                #expect(server.requestBodies.count == 2)
                #expect(server.requestBodies.allSatisfy { $0["messages"]?.arrayValue?.first?["content"]?.stringValue == question })
                #expect(server.failures.isEmpty)
            }
        }
    }
}
