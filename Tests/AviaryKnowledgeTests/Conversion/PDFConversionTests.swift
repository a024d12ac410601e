import AviaryKnowledge
import AviaryTestSupport
import Foundation
import Testing

/// PDFs through `pdftotext`, with the executable lookup injected: stand-in scripts play
/// pdftotext, so the tests do not depend on poppler-utils being installed.
@Suite struct PDFConversionTests {
    /// Runs `test` with a stand-in for pdftotext: a shell script running `script`, in a
    /// temporary directory removed afterwards.
    private func withFakeTool(_ script: String, _ test: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-pdf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tool = directory.appendingPathComponent("pdftotext")
        try ExecutableScript.write("#!/bin/sh\n\(script)\n", to: tool)
        try test(tool)
    }

    private func convert(_ data: Data, with extractor: PDFTextExtractor) throws -> ConvertedDocument {
        try DocumentConverter.convert(data, contentType: "application/pdf", fileExtension: nil, baseURL: nil, pdf: extractor)
    }

    @Test func withoutPdftotextTheErrorSaysWhatToInstall() {
        let extractor = PDFTextExtractor(locateExecutable: { nil })
        let error = conversionError { try convert(Data("%PDF-1.7".utf8), with: extractor) }
        #expect(error?.code == .toolMissing)
        #expect(error?.message == "PDF needs pdftotext (Debian: poppler-utils)")
        let byExtension = conversionError {
            try DocumentConverter.convert(Data("%PDF-1.7".utf8), contentType: nil, fileExtension: "pdf", baseURL: nil, pdf: extractor)
        }
        #expect(byExtension?.code == .toolMissing)
    }

    @Test func theToolsTextIsTheDocument() throws {
        // Arguments: -layout -enc UTF-8 <file> -; the stand-in prints the "PDF" it was given.
        try withFakeTool(#"[ "$1" = "-layout" ] && [ "$5" = "-" ] && exec cat "$4""#) { tool in
            let pdf = Data("Page one   \r\n\n\n\nstill one\u{0C}Page two\n\u{0C}".utf8)
            let document = try convert(pdf, with: PDFTextExtractor(locateExecutable: { tool }))
            #expect(document == ConvertedDocument(title: nil, markdown: "Page one\n\nstill one\n\nPage two"))
        }
    }

    @Test func aFailingToolReportsItsError() throws {
        try withFakeTool("echo \"Syntax Error: Couldn't find trailer dictionary\" >&2; exit 1") { tool in
            let error = conversionError { try convert(Data("%PDF-broken".utf8), with: PDFTextExtractor(locateExecutable: { tool })) }
            #expect(error?.code == .toolFailed)
            #expect(error?.message == "pdftotext failed (exit status 1): Syntax Error: Couldn't find trailer dictionary")
        }
    }

    @Test func aPDFWithoutTextIsReported() throws {
        try withFakeTool("printf '\\f\\n  \\f'") { tool in
            let error = conversionError { try convert(Data("%PDF-scan".utf8), with: PDFTextExtractor(locateExecutable: { tool })) }
            #expect(error?.code == .noText)
        }
    }

    @Test func aHangingToolIsKilledAtTheTimeout() throws {
        try withFakeTool("exec tail -f /dev/null") { tool in
            let extractor = PDFTextExtractor(timeout: .milliseconds(300), locateExecutable: { tool })
            let start = ContinuousClock.now
            let error = conversionError { try convert(Data("%PDF-".utf8), with: extractor) }
            #expect(error?.message == "pdftotext did not finish within 300 ms")
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }

    @Test func endlessOutputIsCutOff() throws {
        try withFakeTool("exec yes 'more text'") { tool in
            let extractor = PDFTextExtractor(maximumOutputBytes: 1 << 20, locateExecutable: { tool })
            let error = conversionError { try convert(Data("%PDF-".utf8), with: extractor) }
            #expect(error?.code == .tooLarge)
            #expect(error?.message == "the PDF's text is over 1048576 bytes")
        }
    }

    @Test func theExecutableIsFoundOnThePath() throws {
        try withFakeTool("exit 0") { tool in
            let directory = tool.deletingLastPathComponent().path
            #expect(PDFTextExtractor.executable(named: "pdftotext", searchPath: "/nonexistent::\(directory)")?.path == tool.path)
            #expect(PDFTextExtractor.executable(named: "pdftotext", searchPath: "/nonexistent") == nil)
            #expect(PDFTextExtractor.executable(named: "pdftotext", searchPath: nil) == nil)
        }
    }
}
