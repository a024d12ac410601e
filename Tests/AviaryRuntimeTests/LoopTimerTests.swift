@testable import AviaryRuntime
import NIOCore
import NIOPosix
import Synchronization
import Testing

@Suite struct LoopTimerTests {
    /// Collects which timers fired, and on which thread, and signals when the last one does.
    final class Firings: Sendable {
        let fired = Mutex<[String]>([])
        let onLoop = Mutex<[Bool]>([])
        func record(_ name: String, loop: (any EventLoop)?) {
            fired.withLock { $0.append(name) }
            onLoop.withLock { $0.append(loop?.inEventLoop ?? false) }
        }
    }

    @Test func onAnEventLoopTheTimerFiresThereAndACancelledOneNever() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let firings = Firings()
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            loop.execute {
                // Started on the loop: both are the loop's own timers, run in deadline order.
                let cancelled = LoopTimer(after: .milliseconds(5)) { firings.record("cancelled", loop: loop) }
                _ = LoopTimer(after: .milliseconds(30)) {
                    firings.record("kept", loop: loop)
                    done.resume()
                }
                cancelled.cancel()
                cancelled.cancel() // twice is harmless
            }
        }
        #expect(firings.fired.withLock { $0 } == ["kept"])
        #expect(firings.onLoop.withLock { $0 } == [true])
        try await group.shutdownGracefully()
    }

    @Test func offAnEventLoopATaskSleepsAndCancelsTheSameWay() async throws {
        #expect(MultiThreadedEventLoopGroup.currentEventLoop == nil)
        let firings = Firings()
        let cancelled = LoopTimer(after: .milliseconds(5)) { firings.record("cancelled", loop: nil) }
        cancelled.cancel()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            _ = LoopTimer(after: .milliseconds(30)) {
                firings.record("kept", loop: nil)
                done.resume()
            }
        }
        #expect(firings.fired.withLock { $0 } == ["kept"])
    }
}
