import AviaryCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How this process claims the runs it executes (``RunLease``): the owner name it stores, how
/// long a lease holds without renewal, and the wall clock that stamps and checks leases (injected
/// in tests, which drive time instead of waiting).
///
/// The ``RunSupervisor`` renews this owner's leases every third of ``duration`` and claims runs
/// whose lease expired, so a run whose process died is resumed by a live one within about one
/// lease duration.
public struct RunLeasing: Sendable {
    /// This process's name in leases: host, process id and a random suffix, unique per process.
    public let owner: String
    /// How long a lease holds without a renewal. Default 30 s.
    public let duration: Duration
    private let clock: @Sendable () -> Date

    /// Leasing as `owner` for `duration`, reading the time from `now` (default: the system clock).
    public init(owner: String = RunLeasing.processOwner(), duration: Duration = .seconds(30),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.owner = owner
        self.duration = duration
        self.clock = now
    }

    /// The current time, by this leasing's clock.
    public var now: Date { clock() }

    /// A lease for this owner that ends ``duration`` after ``now``.
    public func lease() -> RunLease {
        let parts = duration.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        return RunLease(owner: owner, expiresAt: now.addingTimeInterval(seconds))
    }

    /// Whether `lease` belongs to another owner and has not expired: the run executes elsewhere.
    public func isHeldElsewhere(_ lease: RunLease?) -> Bool {
        guard let lease else { return false }
        return lease.owner != owner && lease.expiresAt > now
    }

    /// Whether `owner` names a process on this host that no longer exists: its lease is void
    /// before it expires (a command killed a moment ago). A reused process id reads as alive,
    /// which only means waiting for the lease to expire.
    public func isDeadLocalProcess(_ owner: String) -> Bool {
        let parts = owner.split(separator: "/")
        guard parts.count == 3, parts[0] == ProcessInfo.processInfo.hostName.prefix(64), let pid = Int32(parts[1]),
              pid > 0, pid != ProcessInfo.processInfo.processIdentifier
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// A name unique to this process: `host/pid/random`.
    public static func processOwner() -> String {
        let host = ProcessInfo.processInfo.hostName.prefix(64)
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(host)/\(ProcessInfo.processInfo.processIdentifier)/\(random)"
    }
}
