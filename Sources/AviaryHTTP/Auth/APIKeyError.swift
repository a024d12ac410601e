/// Why an API key cannot be created.
public enum APIKeyError: Error, Equatable, CustomStringConvertible {
    /// The requested expiry is not in the future.
    case expiryInThePast

    public var description: String {
        switch self {
        case .expiryInThePast: "a key's expiry must be in the future"
        }
    }
}
