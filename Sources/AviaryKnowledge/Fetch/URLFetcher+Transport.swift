import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// One HTTP exchange pinned to a vetted address.
extension URLFetcher {
    /// GETs `target` from the first of `addresses` (all vetted) that accepts a connection, and
    /// hands the response to `handle` while the connection is open.
    func get<T: Sendable>(_ target: FetchTarget, addresses: [IPAddress],
                          _ handle: @Sendable (HTTPClientResponse) async throws -> T) async throws -> T {
        for (i, address) in addresses.enumerated() {
            do {
                return try await exchange(target, address: address, handle)
            } catch let failure as ConnectionFailure {
                // the next address only when this one could not be reached (not on a timeout)
                guard failure.error.code == .unreachable, i + 1 < addresses.count else { throw failure.error }
            }
        }
        throw FetchError(.unreachable, "\(target.host) has no addresses")
    }

    /// A failure before any response came: the next address may do better.
    private struct ConnectionFailure: Error {
        let error: FetchError
    }

    /// One exchange over a connection to `address`. The client lives for this one exchange: its
    /// DNS override maps the target's host name to `address`, so no second lookup happens (the
    /// Host header, SNI and certificate check still use the name), and it follows no redirect
    /// itself.
    private func exchange<T: Sendable>(_ target: FetchTarget, address: IPAddress,
                                       _ handle: @Sendable (HTTPClientResponse) async throws -> T) async throws -> T {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: TimeAmount(min(policy.connectTimeout, policy.timeout)), read: TimeAmount(policy.timeout))
        configuration.connectionPool = .init(idleTimeout: .seconds(1), concurrentHTTP1ConnectionsPerHostSoftLimit: 1)
        // a refused connection fails at once (the client would retry it until the connect
        // timeout): ``get(_:addresses:_:)`` moves on to the next vetted address instead
        configuration.connectionPool.retryConnectionEstablishment = false
        if case .name(let name) = target.host { configuration.dnsOverride = [name: address.description] }
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        var request = HTTPClientRequest(url: target.description)
        request.headers.add(name: "User-Agent", value: policy.userAgent)
        request.headers.add(name: "Accept", value: Self.accept)
        do {
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, deadline: .now() + TimeAmount(policy.timeout))
            } catch {
                let mapped = transportError(error, target: target, address: address)
                if let fetchError = mapped as? FetchError { throw ConnectionFailure(error: fetchError) }
                throw mapped
            }
            let result = try await handle(response)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            if let failure = error as? HTTPClientError { throw transportError(failure, target: target, address: address) }
            throw error
        }
    }

    /// The Accept header: the document types, anything else last.
    static let accept = "text/html,application/xhtml+xml,text/markdown,text/plain,text/csv,application/json,application/pdf;q=0.9,*/*;q=0.1"

    /// A client failure as a ``FetchError``: timeouts (the client's deadline is the fetch's time
    /// limit, so it says the same), or an unreachable server.
    private func transportError(_ error: any Error, target: FetchTarget, address: IPAddress) -> any Error {
        if error is FetchError || error is CancellationError { return error }
        let via = "\(target.host)" == address.urlHost ? "\(target.host)" : "\(target.host) (\(address))"
        if let failure = error as? HTTPClientError {
            switch failure {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return FetchError(.timeout, "timed out connecting to \(via)")
            case .deadlineExceeded, .readTimeout:
                return FetchError(.timeout, "timed out after \(policy.timeoutText) s fetching \(target)")
            default:
                break
            }
        }
        return FetchError(.unreachable, "could not fetch \(target) from \(via): \(error)")
    }
}
