import Foundation

/// Fetches the document at a URL for ingestion (``DocumentIngestor``'s seam for URL items):
/// ``URLFetcher`` over HTTP with its SSRF, size, time and robots.txt rules, or a test double.
public protocol DocumentFetcher: Sendable {
    /// The document at `url`, after redirects.
    /// - Throws: why it was not fetched (``FetchError`` for ``URLFetcher``), or `CancellationError`.
    func fetch(_ url: URL) async throws -> FetchedDocument
}
