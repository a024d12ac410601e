import Synchronization

/// A thread-safe, wrapping round-robin counter (``LoopGlobalExecutor``'s choice of loop for jobs
/// enqueued off the loops).
final class ManagedCounter: Sendable {
    private let value = Atomic<UInt>(0)

    /// The next value (starting at 0), wrapping at `UInt.max`.
    func next() -> Int {
        Int(truncatingIfNeeded: value.wrappingAdd(1, ordering: .relaxed).oldValue & UInt(Int.max))
    }
}
