import AviaryCore
import Synchronization

/// The stop switch of one executing run. Requests are honoured at the next step boundary:
/// a cancelled run ends `cancelled`; a suspended one (graceful shutdown) ends `interrupted`
/// with its journal intact, ready to resume.
public final class RunControl: Sendable {
    /// Why a run should stop.
    public enum Stop: Sendable, Hashable {
        /// A user asked to cancel: the run ends `cancelled`.
        case cancel
        /// The process is shutting down: the run ends `interrupted` and stays resumable.
        case suspend
    }

    private let stop = Mutex<Stop?>(nil)

    /// Creates a switch with no stop requested.
    public init() {}

    /// Asks the run to stop; a cancel request wins over a suspend request.
    public func request(_ reason: Stop) {
        stop.withLock { current in
            if current != .cancel { current = reason }
        }
    }

    /// The pending stop request, if any.
    public var requested: Stop? { stop.withLock { $0 } }

    /// Throws when a stop was requested: called by the runtime at every step boundary.
    func checkpoint() throws(RuntimeError) {
        switch requested {
        case nil: return
        case .cancel: throw RuntimeError(.cancelled, "cancelled")
        case .suspend: throw RuntimeError(.interrupted, "interrupted by shutdown at a step boundary; resume to continue")
        }
    }
}
