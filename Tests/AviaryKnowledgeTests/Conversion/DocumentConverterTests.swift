import AviaryKnowledge
import Foundation
import Testing

/// Choosing the format by content type and extension; Markdown, text and decoding.
@Suite struct DocumentConverterTests {
    private func convert(_ text: String, type: String? = nil, ext: String? = nil) throws -> ConvertedDocument {
        try DocumentConverter.convert(Data(text.utf8), contentType: type, fileExtension: ext, baseURL: URL(string: "https://site.example/docs/"))
    }

    @Test func htmlByContentTypeOrExtension() throws {
        let html = "<title>T</title><p><a href=\"a\">A</a></p>"
        let byType = try convert(html, type: "text/html; charset=utf-8")
        #expect(byType == ConvertedDocument(title: "T", markdown: "[A](https://site.example/docs/a)"))
        #expect(try convert(html, ext: "htm") == byType)
        #expect(try convert(html, type: "application/octet-stream", ext: ".HTML") == byType)
    }

    @Test func theContentTypesCharsetReachesTheHTMLParser() throws {
        let bytes = Data("<p>".utf8) + Data([0xA4]) + Data("</p>".utf8)
        let document = try DocumentConverter.convert(bytes, contentType: "text/html; charset=\"ISO-8859-15\"", fileExtension: nil, baseURL: nil)
        #expect(document.markdown == "€")
    }

    @Test func markdownIsKeptAndTitledByItsFirstHeading() throws {
        let text = """
            ---
            # yaml comment
            tags: [a]
            ---
            Intro line.

            ```sh
            # not a title
            ```

            ## Sub
            # Real Title ##
            """
        let document = try convert(text + "\r\n\r\n", type: "text/markdown")
        #expect(document.title == "Real Title")
        #expect(document.markdown == text)
        #expect(try convert("No heading\n## Only level two", ext: "md").title == nil)
    }

    @Test func plainTextIsKeptAsItIs() throws {
        let document = try convert("\n\n  Indented first line\r\nsecond *line*  \n\n", type: "text/plain")
        #expect(document == ConvertedDocument(title: nil, markdown: "  Indented first line\nsecond *line*"))
    }

    @Test func textPlainYieldsToAMoreSpecificTextExtension() throws {
        #expect(try convert("a,b\n1,2", type: "text/plain", ext: "csv").markdown == "| a | b |\n| --- | --- |\n| 1 | 2 |")
        #expect(try convert("# T", type: "text/plain", ext: "md").title == "T")
        #expect(try convert("a,b", type: "text/plain", ext: "pdf").markdown == "a,b")
    }

    @Test func latin1TextIsDecoded() throws {
        let bytes = Data("na".utf8) + Data([0xEF]) + Data("ve ".utf8) + Data([0x93]) + Data("quoted".utf8) + Data([0x94, 0x80])
        let document = try DocumentConverter.convert(bytes, contentType: "text/plain", fileExtension: nil, baseURL: nil)
        #expect(document.markdown == "naïve “quoted”€")
    }

    @Test func aUTF8ByteOrderMarkIsDropped() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("# Title".utf8)
        #expect(try DocumentConverter.convert(bytes, contentType: nil, fileExtension: "md", baseURL: nil).markdown == "# Title")
    }

    @Test func binaryPosingAsTextIsRefused() {
        var bytes = Data("looks like text".utf8)
        bytes.append(contentsOf: [0, 1, 2, 0])
        for type in ["text/plain", "text/markdown", "text/csv", "application/json", "text/html"] {
            let error = conversionError { try DocumentConverter.convert(bytes, contentType: type, fileExtension: nil, baseURL: nil) }
            #expect(error?.code == .binaryContent, "\(type)")
        }
        let zip = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])
        let error = conversionError { try DocumentConverter.convert(zip, contentType: "text/plain", fileExtension: nil, baseURL: nil) }
        #expect(error?.message == "the content is a ZIP archive (or an Office document), not text")
    }

    @Test func unsupportedTypesAreNamed() {
        let png = conversionError { try DocumentConverter.convert(Data([0x89, 0x50]), contentType: "image/png", fileExtension: "png", baseURL: nil) }
        #expect(png?.code == .unsupportedType)
        #expect(png?.message == "unsupported document type image/png: Aviary converts HTML, Markdown, plain text, CSV, JSON and PDF")
        let zip = conversionError { try DocumentConverter.convert(Data([1]), contentType: "application/zip", fileExtension: nil, baseURL: nil) }
        #expect(zip?.message.hasPrefix("unsupported document type application/zip") == true)
        let octets = conversionError { try DocumentConverter.convert(Data([1]), contentType: "application/octet-stream", fileExtension: "bin", baseURL: nil) }
        #expect(octets?.message.hasPrefix("unsupported document type application/octet-stream, bin:") == true)
        let unknown = conversionError { try DocumentConverter.convert(Data([1]), contentType: nil, fileExtension: nil, baseURL: nil) }
        #expect(unknown?.message.hasPrefix("unsupported document type of unknown type") == true)
    }

    @Test func emptyTextIsRefused() {
        for type in ["text/plain", "text/markdown", "text/csv", "application/json"] {
            let error = conversionError { try DocumentConverter.convert(Data(" \n\r\n\t".utf8), contentType: type, fileExtension: nil, baseURL: nil) }
            #expect(error?.code == .emptyInput, "\(type)")
        }
        let pdf = conversionError { try DocumentConverter.convert(Data(), contentType: "application/pdf", fileExtension: nil, baseURL: nil) }
        #expect(pdf?.code == .emptyInput)
    }
}
