import Synchronization

/// Counts open event streams per key and per tenant and refuses one over ``StreamLimits``.
final class StreamAdmission: Sendable {
    private struct Counts {
        var perKey: [String: Int] = [:]
        var perTenant: [String: Int] = [:]
    }
    private let limits: StreamLimits
    private let counts = Mutex(Counts())

    /// Admission under `limits`.
    init(limits: StreamLimits) { self.limits = limits }

    /// A slot for one stream of `key` in `tenant`; 429 `too_many_streams` when either is at its cap.
    /// The slot is returned when the ticket is released or deallocated.
    func admit(key: String, tenant: String) throws(APIError) -> StreamTicket {
        let refusal: String? = counts.withLock { counts in
            if counts.perKey[key, default: 0] >= limits.maxPerKey {
                return "this key has \(limits.maxPerKey) event streams open, the most allowed; close one first"
            }
            if counts.perTenant[tenant, default: 0] >= limits.maxPerTenant {
                return "this tenant has \(limits.maxPerTenant) event streams open, the most allowed; close one first"
            }
            counts.perKey[key, default: 0] += 1
            counts.perTenant[tenant, default: 0] += 1
            return nil
        }
        if let refusal { throw APIError.tooManyRequests("too_many_streams", refusal, retryAfter: 5) }
        return StreamTicket { [self] in release(key: key, tenant: tenant) }
    }

    private func release(key: String, tenant: String) {
        counts.withLock { counts in
            Self.decrement(&counts.perKey, key)
            Self.decrement(&counts.perTenant, tenant)
        }
    }

    private static func decrement(_ table: inout [String: Int], _ key: String) {
        let n = table[key, default: 0] - 1
        table[key] = n > 0 ? n : nil
    }
}

/// One admitted stream's slot: released once, explicitly or when the last reference goes (a
/// response body that never ran still frees its slot).
final class StreamTicket: Sendable {
    private let onRelease: Mutex<(@Sendable () -> Void)?>

    init(_ onRelease: @escaping @Sendable () -> Void) { self.onRelease = Mutex(onRelease) }

    /// Frees the slot (idempotent).
    func release() {
        let action = onRelease.withLock { value -> (@Sendable () -> Void)? in
            defer { value = nil }
            return value
        }
        action?()
    }

    deinit { release() }
}
