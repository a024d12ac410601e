import Synchronization

/// The robots.txt verdicts one ``URLFetcher`` has read, by origin (`https://example.com:443`),
/// so each site's robots.txt is fetched once per fetcher, and again after a day (RFC 9309 asks
/// not to use a cached robots.txt for more than 24 hours).
final class RobotsCache: Sendable {
    /// What an origin's robots.txt says.
    struct Entry: Sendable, Hashable {
        /// The rules (``RobotsTxt/disallowAll`` when it could not be read).
        var rules: RobotsTxt
        /// Why it could not be read (`503 Service Unavailable`), when that decided the rules.
        /// Such an entry is not kept: the next fetch tries again.
        var problem: String?
    }

    /// How long an entry is used.
    static let lifetime = Duration.seconds(24 * 3600)

    private let entries = Mutex<[String: (entry: Entry, expires: ContinuousClock.Instant)]>([:])

    /// Creates an empty cache.
    init() {}

    /// The entry for `origin`, if read less than a day ago.
    func entry(for origin: String) -> Entry? {
        let now = ContinuousClock.now
        return entries.withLock { stored in
            guard let found = stored[origin] else { return nil }
            guard found.expires > now else {
                stored[origin] = nil
                return nil
            }
            return found.entry
        }
    }

    /// Keeps `entry` for `origin`, unless it records a failure to read the file.
    func keep(_ entry: Entry, for origin: String) {
        guard entry.problem == nil else { return }
        let expires = ContinuousClock.now + Self.lifetime
        entries.withLock { $0[origin] = (entry, expires) }
    }
}
