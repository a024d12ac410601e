/// Chunking options that make no sense, refused by ``ChunkingOptions/init(maxTokens:overlapTokens:)``.
public enum ChunkingOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `maxTokens` is below ``ChunkingOptions/minimumMaxTokens``.
    case maxTokensTooSmall(Int)
    /// `overlapTokens` is negative.
    case negativeOverlap(Int)
    /// `overlapTokens` is not less than `maxTokens`: no chunk could hold anything new.
    case overlapNotLessThanMax(overlapTokens: Int, maxTokens: Int)

    public var description: String {
        switch self {
        case .maxTokensTooSmall(let value):
            "maxTokens must be at least \(ChunkingOptions.minimumMaxTokens), got \(value)"
        case .negativeOverlap(let value):
            "overlapTokens must not be negative, got \(value)"
        case .overlapNotLessThanMax(let overlap, let max):
            "overlapTokens (\(overlap)) must be less than maxTokens (\(max))"
        }
    }
}
