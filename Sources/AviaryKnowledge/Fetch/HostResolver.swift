#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOPosix

/// Resolves host names for the fetcher, which vets every address before it connects (the seam
/// tests use to make a name resolve where they need it).
public protocol HostResolver: Sendable {
    /// Every address `host` resolves to, IPv4 and IPv6, in the resolver's order.
    /// - Throws: ``FetchError`` (`unreachable`) when the name does not resolve.
    func addresses(of host: String) async throws(FetchError) -> [IPAddress]
}

/// The system's resolver (`getaddrinfo`, so `/etc/hosts` and the configured DNS servers apply),
/// called on NIO's blocking thread pool, never on an event loop.
public struct SystemHostResolver: HostResolver {
    /// Creates the resolver.
    public init() {}

    public func addresses(of host: String) async throws(FetchError) -> [IPAddress] {
        let outcome: Result<[IPAddress], FetchError>
        do {
            outcome = try await NIOThreadPool.singleton.runIfActive { Self.resolve(host) }
        } catch {
            throw FetchError(.unreachable, "could not resolve \(host): \(error)")
        }
        let addresses = try outcome.get()
        guard !addresses.isEmpty else { throw FetchError(.unreachable, "\(host) has no addresses") }
        return addresses
    }

    private static func resolve(_ host: String) -> Result<[IPAddress], FetchError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            return .failure(FetchError(.unreachable, "could not resolve \(host): \(String(cString: gai_strerror(status)))"))
        }
        defer { freeaddrinfo(list) }
        var found: [IPAddress] = []
        var next = list
        while let info = next?.pointee {
            next = info.ai_next
            guard let socketAddress = info.ai_addr else { continue }
            switch info.ai_family {
            case AF_INET:
                let v4 = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
                found.append(.v4(v4))
            case AF_INET6:
                let bytes = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                }
                found.append(.v6(bytes.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }))
            default:
                continue
            }
        }
        var unique: [IPAddress] = []
        for address in found where !unique.contains(address) { unique.append(address) }
        return .success(unique)
    }
}
