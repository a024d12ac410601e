/// How large chunks are and how much consecutive chunks of one section share.
///
/// Budgets are in estimated tokens (``TokenEstimator``). `maxTokens` caps every chunk's whole text, the
/// overlap included; `overlapTokens` is how much of the previous chunk's prose a chunk repeats when a
/// section runs over more than one chunk.
public struct ChunkingOptions: Sendable, Hashable {
    /// The smallest `maxTokens` accepted: below it a fence or a table header leaves no room for content.
    public static let minimumMaxTokens = 16

    /// 400 tokens a chunk, 50 of them overlap.
    public static let standard = ChunkingOptions(checkedMaxTokens: 400, overlapTokens: 50)

    /// The most estimated tokens in a chunk's text, overlap included.
    public let maxTokens: Int
    /// About how many tokens of the previous chunk's prose a chunk of the same section starts with (at most this many).
    public let overlapTokens: Int

    /// Creates options, refusing `maxTokens` below ``minimumMaxTokens``, a negative overlap, or an overlap
    /// that is not less than `maxTokens`.
    public init(maxTokens: Int = 400, overlapTokens: Int = 50) throws(ChunkingOptionsError) {
        guard maxTokens >= Self.minimumMaxTokens else { throw .maxTokensTooSmall(maxTokens) }
        guard overlapTokens >= 0 else { throw .negativeOverlap(overlapTokens) }
        guard overlapTokens < maxTokens else {
            throw .overlapNotLessThanMax(overlapTokens: overlapTokens, maxTokens: maxTokens)
        }
        self.init(checkedMaxTokens: maxTokens, overlapTokens: overlapTokens)
    }

    private init(checkedMaxTokens maxTokens: Int, overlapTokens: Int) {
        self.maxTokens = maxTokens
        self.overlapTokens = overlapTokens
    }
}
