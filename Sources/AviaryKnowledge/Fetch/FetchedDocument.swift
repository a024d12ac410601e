import Foundation

/// A fetched document: its bytes, its content type and the URL it came from after redirects
/// (the base its relative links resolve against).
public struct FetchedDocument: Sendable, Hashable {
    /// The final URL, after redirects.
    public var url: URL
    /// The response's Content-Type (`text/html; charset=utf-8`), if it had one.
    public var contentType: String?
    /// The body.
    public var data: Data

    /// Creates a document.
    public init(url: URL, contentType: String?, data: Data) {
        self.url = url
        self.contentType = contentType
        self.data = data
    }

    /// The final URL's file extension (`pdf`), or nil when its path has none.
    public var fileExtension: String? {
        let ext = url.pathExtension
        return ext.isEmpty ? nil : ext
    }
}
