import AviaryHTTP
import AviaryTesting
import NIOCore
import NIOHTTP1
import Testing

/// The server's connection limits against the slow-request attack: connections that send half a
/// request head are closed after the header timeout, and connections over the cap are closed at once.
@Suite(.timeLimit(.minutes(1))) struct ConnectionLimitTests {
    static let halfHead = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow"
    static let fullHead = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    @Test func halfSentRequestHeadsAreClosedAfterTheHeaderTimeout() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), configure: {
            $0.connections.headerTimeout = .milliseconds(300)
        }) { fx in
            let started = ContinuousClock.now
            var attackers: [RawTCPConnection] = []
            for _ in 0..<30 {
                let connection = try await RawTCPConnection.connect(port: fx.port)
                try? await connection.send(Self.halfHead) // on a slow machine the timeout may already have closed it
                attackers.append(connection)
            }
            // Each read ends when the server closes the connection; none gets an answer.
            for connection in attackers {
                #expect(try await connection.closed() == "")
            }
            #expect(ContinuousClock.now - started < .seconds(30), "closed by the header timeout, not the 60 s idle timeout")
            #expect(try await fx.call(.GET, "/health").status == 200)
        }
    }

    @Test func connectionsOverTheCapAreClosedAndHealthWorksOnceOneLeaves() async throws {
        try await ServerFixture.with(agents: [TestAgents.support], model: TestAgents.model(), configure: {
            $0.connections.maxConnections = 3
            $0.connections.headerTimeout = .seconds(60)
        }) { fx in
            // Three keep-alive connections, each admitted (it got an answer), then holding half a head.
            var holders: [RawTCPConnection] = []
            for _ in 0..<3 {
                let connection = try await RawTCPConnection.connect(port: fx.port)
                try await connection.send(Self.fullHead)
                #expect(try await connection.firstBytes().hasPrefix("HTTP/1.1 200"))
                try await connection.send(Self.halfHead)
                holders.append(connection)
            }
            // A fourth connection is closed without an answer, however complete its request.
            let refused = try await RawTCPConnection.connect(port: fx.port)
            try? await refused.send(Self.fullHead) // the server may have closed it already
            #expect(try await refused.closed() == "")

            // Once a holder leaves, a normal client is served again. The server frees the slot when
            // it sees the close, so a client arriving first is closed like the refused one: try again.
            await holders[0].close()
            var answer = ""
            for _ in 0..<200 where answer.isEmpty {
                let client = try await RawTCPConnection.connect(port: fx.port)
                try? await client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                answer = try await client.closed()
            }
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            for holder in holders { await holder.close() }
        }
    }
}
