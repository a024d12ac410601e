import AviaryTesting
import Testing

/// The test latch itself: arrivals, opening, and a watcher that gives up when cancelled.
@Suite struct AsyncGateTests {
    @Test func waitersPassOnceOpenAndArrivalsAreCounted() async {
        let gate = AsyncGate()
        let first = Task { await gate.wait() }
        let second = Task { await gate.wait() }
        await gate.waitForArrivals(2)
        #expect(gate.arrivals == 2)
        gate.open()
        await first.value
        await second.value
        await gate.wait() // an open gate lets everyone through at once
        #expect(gate.arrivals == 3)
    }

    @Test(.timeLimit(.minutes(1))) func aCancelledArrivalWatcherReturnsWithoutTheArrivals() async {
        let gate = AsyncGate()
        let watcher = Task { await gate.waitForArrivals(1) }
        watcher.cancel()
        await watcher.value // returns: nobody ever arrives
        #expect(gate.arrivals == 0)
    }

    @Test(.timeLimit(.minutes(1))) func aWatcherCancelledBeforeItWaitsReturnsAtOnce() async {
        let gate = AsyncGate()
        await withTaskGroup(of: Void.self) { group in
            group.cancelAll()
            group.addTask { await gate.waitForArrivals(5) }
        }
        #expect(gate.arrivals == 0)
    }
}
