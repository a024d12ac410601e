@testable import AviaryStorage
import Synchronization
import Testing

@Suite("ConnectionGate")
struct ConnectionGateTests {
    /// Something a test opens once.
    final class Latch: Sendable {
        private let stream: AsyncStream<Void>
        private let continuation: AsyncStream<Void>.Continuation
        init() { (stream, continuation) = AsyncStream.makeStream(of: Void.self) }
        func open() { continuation.finish() }
        func wait() async { for await _ in stream {} }
    }

    final class Log: Sendable {
        private let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    static func until(_ gate: ConnectionGate, waiting count: Int) async {
        while gate.waiting < count { await Task.yield() }
    }

    @Test func aTransactionHoldsStatementsOffUntilItEnds() async {
        let gate = ConnectionGate()
        let log = Log()
        let inside = Latch(), release = Latch()
        async let transaction: Void = gate.withExclusive {
            log.add("begin")
            inside.open()
            await release.wait()
            log.add("commit")
        }
        await inside.wait()
        async let statement: Void = gate.withShared { log.add("statement") }
        await Self.until(gate, waiting: 1)
        release.open()
        _ = await (transaction, statement)
        #expect(log.all == ["begin", "commit", "statement"])
    }

    @Test func aTransactionWaitsForStatementsInFlightAndGoesBeforeLaterOnes() async {
        let gate = ConnectionGate()
        let log = Log()
        let inside = Latch(), release = Latch()
        async let running: Void = gate.withShared {
            inside.open()
            await release.wait()
            log.add("first statement")
        }
        await inside.wait()
        async let transaction: Void = gate.withExclusive { log.add("transaction") }
        await Self.until(gate, waiting: 1)
        async let later: Void = gate.withShared { log.add("later statement") }
        await Self.until(gate, waiting: 2)
        // Statements share the gate: another one could run now, but it queued behind the transaction.
        release.open()
        _ = await (running, transaction, later)
        #expect(log.all == ["first statement", "transaction", "later statement"])
    }

    @Test func statementsRunTogether() async {
        let gate = ConnectionGate()
        let inside = Latch()
        // The second statement enters while the first is still inside; with exclusive entry this would deadlock.
        async let first: Void = gate.withShared { await inside.wait() }
        await gate.withShared { inside.open() }
        await first
        #expect(gate.waiting == 0)
    }
}
