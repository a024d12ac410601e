import AviaryCore
import Foundation

/// Converts a document to Markdown for a knowledge base, by its content type or file extension:
///
/// - HTML (`text/html`, `.html`, `.htm`): ``HTMLToMarkdown``.
/// - Markdown (`text/markdown`, `.md`, `.markdown`): as it is; the title is its first `# ` heading.
/// - Plain text (`text/plain`, `.txt`): as it is.
/// - CSV (`text/csv`, `.csv`): Markdown tables of at most 50 rows, each repeating the header row.
/// - JSON (`application/json`, `+json`, `.json`): pretty-printed in a `json` code block.
/// - PDF (`application/pdf`, `.pdf`): its text from `pdftotext -layout` (see ``PDFTextExtractor``).
///
/// The content type decides, except that `application/octet-stream` (or none) leaves it to the
/// extension, and `text/plain` yields to a more specific text extension (`.md`, `.csv`), as
/// servers label those `text/plain`. Text is decoded as UTF-8 (or UTF-16 after a byte order
/// mark), falling back to ISO-8859-1; HTML also honours the content type's `charset`.
public enum DocumentConverter {
    /// The largest text document accepted (PDFs are bounded by their text instead).
    public static let maximumTextBytes = 64 << 20

    /// Converts `data`.
    ///
    /// - Parameters:
    ///   - contentType: the Content-Type (`text/html; charset=utf-8`), if known.
    ///   - fileExtension: the file's extension (`md`, `.csv`) or name, if known.
    ///   - baseURL: where the document came from; an HTML page's relative links resolve against it.
    ///   - pdf: how PDFs become text.
    /// - Throws: ``DocumentConversionError``: an unsupported type, empty or binary content,
    ///   invalid JSON or CSV, a page with no text, a missing or failing `pdftotext`.
    public static func convert(_ data: Data, contentType: String?, fileExtension: String?, baseURL: URL?,
                               pdf: PDFTextExtractor = .pdftotext) throws(DocumentConversionError) -> ConvertedDocument {
        let mediaType = contentType.map(MediaType.init)
        switch try format(of: mediaType, fileExtension: fileExtension) {
        case .html:
            return try HTMLToMarkdown.convert(data, baseURL: baseURL, encoding: mediaType?.charset)
        case .pdf:
            guard !data.isEmpty else { throw DocumentConversionError(.emptyInput, "the PDF is empty") }
            let text = try pdf.text(of: data)
            guard !text.isEmpty else {
                throw DocumentConversionError(.noText, "the PDF has no text layer (a scanned PDF needs OCR first)")
            }
            return ConvertedDocument(title: nil, markdown: text)
        case .markdown:
            let text = try decodeText(data)
            return ConvertedDocument(title: MarkdownTitle.firstHeading(in: text), markdown: text)
        case .plainText:
            return ConvertedDocument(title: nil, markdown: try decodeText(data))
        case .csv:
            return ConvertedDocument(title: nil, markdown: try csvTables(try decodeText(data)))
        case .json:
            return ConvertedDocument(title: nil, markdown: try prettyJSON(try decodeText(data)))
        }
    }

    /// The format the content type names, the extension when it names none.
    static func format(of mediaType: MediaType?, fileExtension: String?) throws(DocumentConversionError) -> DocumentFormat {
        let fromExtension = fileExtension.flatMap(DocumentFormat.named(fileExtension:))
        switch DocumentFormat.meaning(ofMediaType: mediaType?.essence ?? "") {
        case .format(.plainText):
            if let fromExtension, fromExtension.isText { return fromExtension }
            return .plainText
        case .format(let format):
            return format
        case .unspecific:
            if let fromExtension { return fromExtension }
            let named = [mediaType?.essence, fileExtension].compactMap { $0 }.filter { !$0.isEmpty }
            let type = named.isEmpty ? "of unknown type (no content type or file extension)" : named.joined(separator: ", ")
            throw unsupported(type)
        case .unsupported:
            throw unsupported(mediaType?.essence ?? "")
        }
    }

    private static func unsupported(_ type: String) -> DocumentConversionError {
        DocumentConversionError(.unsupportedType, "unsupported document type \(type): Aviary converts HTML, Markdown, plain text, CSV, JSON and PDF")
    }

    /// The text of a text document: size, emptiness and binary content checked, decoded, line
    /// endings made `\n`, leading blank lines and trailing whitespace removed.
    static func decodeText(_ data: Data) throws(DocumentConversionError) -> String {
        guard data.count <= maximumTextBytes else {
            throw DocumentConversionError(.tooLarge, "the document is \(data.count) bytes; at most \(maximumTextBytes) are accepted")
        }
        if let reason = BinarySniffer.binaryReason(data) { throw DocumentConversionError(.binaryContent, reason) }
        var text = TextDecoding.decode(data).replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        while let last = text.last, last.isWhitespace { text.removeLast() }
        while let newline = text.firstIndex(of: "\n"), text[..<newline].allSatisfy(\.isWhitespace) {
            text.removeSubrange(...newline)
        }
        guard !text.isEmpty, !text.allSatisfy(\.isWhitespace) else {
            throw DocumentConversionError(.emptyInput, "the document is empty")
        }
        return text
    }

    static func csvTables(_ text: String) throws(DocumentConversionError) -> String {
        let records = try CSVParser.records(in: text)
        guard let header = records.first else { throw DocumentConversionError(.emptyInput, "the CSV has no rows") }
        return MarkdownTable(header: header, rows: Array(records.dropFirst())).render()
    }

    static func prettyJSON(_ text: String) throws(DocumentConversionError) -> String {
        let bytes = Array(text.utf8)
        do {
            _ = try JSONValue(parsing: bytes)
        } catch {
            throw DocumentConversionError(.invalidJSON, error.description)
        }
        return MarkdownEscaping.fencedCode(JSONPrettyPrinter.format(bytes), language: "json")
    }
}
