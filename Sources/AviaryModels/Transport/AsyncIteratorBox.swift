/// Holds an async iterator so an unfolding `AsyncThrowingStream` can advance it. The stream calls
/// its closure one call at a time, which is what makes the unchecked `Sendable` sound.
final class AsyncIteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> Base.Element? { try await base.next() }
}
