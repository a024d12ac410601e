import AviaryModels
import Synchronization
import Testing

@Suite struct AsyncLimiterTests {
    /// The order in which waiters got a slot.
    final class Order: Sendable {
        private let items = Mutex<[Int]>([])
        func append(_ i: Int) { items.withLock { $0.append(i) } }
        var all: [Int] { items.withLock { $0 } }
    }

    /// Polls `condition` (yielding) until it holds or 10 s pass.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            if ContinuousClock.now > deadline { return false }
            await Task.yield()
        }
        return true
    }

    @Test func neverMoreHoldersThanSlotsAndWaitersGetSlotsInArrivalOrder() async throws {
        let limiter = AsyncLimiter(limit: 2)
        try await limiter.acquire()
        try await limiter.acquire()
        #expect(limiter.inUse == 2)
        let order = Order()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<3 {
                group.addTask {
                    try await limiter.acquire()
                    order.append(i)
                }
                #expect(await Self.eventually { limiter.waiting == i + 1 }, "waiter \(i) queues")
            }
            #expect(order.all.isEmpty, "nobody passes while both slots are held")
            for released in 1...3 {
                limiter.release()
                #expect(await Self.eventually { order.all.count == released })
                #expect(limiter.inUse == 2, "a released slot goes straight to the next waiter")
            }
            try await group.waitForAll()
        }
        #expect(order.all == [0, 1, 2])
        limiter.release()
        limiter.release()
        #expect(limiter.inUse == 0)
    }

    @Test func aCancelledWaiterLeavesTheQueueWithoutTakingASlot() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        #expect(await Self.eventually { limiter.waiting == 1 })
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(limiter.waiting == 0)
        limiter.release()
        #expect(limiter.inUse == 0, "the cancelled waiter did not get the released slot")
        try await limiter.acquire()
        #expect(limiter.inUse == 1)
    }

    @Test func aTaskCancelledBeforeItAsksDoesNotWait() async throws {
        let limiter = AsyncLimiter(limit: 1)
        try await limiter.acquire()
        let late = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await limiter.acquire()
        }
        await #expect(throws: CancellationError.self) { try await late.value }
        #expect(limiter.waiting == 0)
        #expect(limiter.inUse == 1)
    }
}
