import AsyncHTTPClient
import Foundation
import NIOHTTP1

/// robots.txt (RFC 9309): read once per origin, obeyed before each request.
extension URLFetcher {
    /// The most of a robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).
    static let robotsMaxBytes = 500 * 1024
    /// Redirects followed to reach a robots.txt (RFC 9309: at least five); past them it counts as missing.
    static let robotsMaxRedirects = 5

    /// Throws when the robots.txt of `target`'s origin disallows its path for this fetcher's
    /// product token (``FetchPolicy/robotsToken``).
    func checkRobots(_ target: FetchTarget) async throws {
        let entry: RobotsCache.Entry
        if let cached = robots.entry(for: target.origin) {
            entry = cached
        } else {
            entry = try await loadRobots(target.robotsTarget)
            robots.keep(entry, for: target.origin)
        }
        guard !entry.rules.allows(target.pathAndQuery) else { return }
        if let problem = entry.problem {
            throw FetchError(.robotsDisallowed, "robots.txt of \(target.authority) could not be read (\(problem)), which RFC 9309 treats as "
                             + "disallowing every path; set knowledge.fetch.robots to false to fetch anyway")
        }
        throw FetchError(.robotsDisallowed, "robots.txt of \(target.authority) disallows \(target.path)")
    }

    /// What one robots.txt response leads to.
    private enum RobotsStep: Sendable {
        case redirect(FetchTarget)
        case verdict(RobotsCache.Entry)
    }

    /// Reads a robots.txt: 2xx is parsed; 4xx, or too many redirects, means none (everything
    /// allowed); 5xx, a refused redirect or an unreachable server disallow everything.
    private func loadRobots(_ start: FetchTarget) async throws -> RobotsCache.Entry {
        var target = start
        for _ in 0...Self.robotsMaxRedirects {
            let current = target
            let step: RobotsStep
            do {
                let addresses = try await vet(current)
                step = try await get(current, addresses: addresses) { response in
                    try await self.readRobots(response, from: current)
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                return RobotsCache.Entry(rules: .disallowAll, problem: "\(error)")
            }
            switch step {
            case .redirect(let next): target = next
            case .verdict(let entry): return entry
            }
        }
        return RobotsCache.Entry(rules: .allowAll)
    }

    private func readRobots(_ response: HTTPClientResponse, from target: FetchTarget) async throws -> RobotsStep {
        if let next = try Self.redirectTarget(response, from: target) { return .redirect(next) }
        switch response.status.code {
        case 200..<300:
            let data = try await Self.body(of: response, limit: Self.robotsMaxBytes, truncate: true, from: target)
            return .verdict(RobotsCache.Entry(rules: RobotsTxt(parsing: String(decoding: data, as: UTF8.self), token: policy.robotsToken)))
        case 400..<500:
            return .verdict(RobotsCache.Entry(rules: .allowAll))
        default:
            return .verdict(RobotsCache.Entry(rules: .disallowAll, problem: "\(response.status.code) \(response.status.reasonPhrase)"))
        }
    }
}
