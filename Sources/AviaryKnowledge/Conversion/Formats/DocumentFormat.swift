/// The formats ``DocumentConverter`` reads, and how a content type or file extension names them.
enum DocumentFormat: Equatable {
    case html, markdown, plainText, csv, json, pdf

    /// What a media type says about the format.
    enum MediaTypeMeaning: Equatable {
        case format(DocumentFormat)
        /// No format in particular (`application/octet-stream`): the file extension decides.
        case unspecific
        /// A format not converted (`image/png`, `application/zip`).
        case unsupported
    }

    /// What the media type `essence` (`text/html`, lowercase) says about the format.
    static func meaning(ofMediaType essence: String) -> MediaTypeMeaning {
        switch essence {
        case "", "application/octet-stream", "binary/octet-stream", "application/binary", "application/unknown":
            return .unspecific
        case "text/html", "application/xhtml+xml": return .format(.html)
        case "text/markdown", "text/x-markdown": return .format(.markdown)
        case "text/plain": return .format(.plainText)
        case "text/csv", "application/csv", "text/comma-separated-values": return .format(.csv)
        case "application/json", "text/json": return .format(.json)
        case "application/pdf", "application/x-pdf": return .format(.pdf)
        default:
            // application/ld+json, application/problem+json, …
            return essence.hasSuffix("+json") ? .format(.json) : .unsupported
        }
    }

    /// The format a file extension (`html`, `.MD`) names.
    static func named(fileExtension: String) -> DocumentFormat? {
        var name = Substring(fileExtension.lowercased())
        if let dot = name.lastIndex(of: ".") { name = name[name.index(after: dot)...] }
        switch name {
        case "html", "htm", "xhtml": return .html
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "txt", "text": return .plainText
        case "csv": return .csv
        case "json": return .json
        case "pdf": return .pdf
        default: return nil
        }
    }

    /// Whether the format is a text format (one a server may label `text/plain`).
    var isText: Bool { self != .pdf }
}
