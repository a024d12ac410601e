import Foundation

/// Extracts the text of PDFs with poppler's `pdftotext` (Debian: `poppler-utils`), run as a
/// child process with a time limit and a cap on its output.
public struct PDFTextExtractor: Sendable {
    /// Finds the `pdftotext` executable; nil when it is not installed.
    public var locateExecutable: @Sendable () -> URL?
    /// How long `pdftotext` may run.
    public var timeout: Duration
    /// The most text accepted from one PDF.
    public var maximumOutputBytes: Int

    /// Creates an extractor; by default `pdftotext` is looked up on `PATH`.
    public init(timeout: Duration = .seconds(60), maximumOutputBytes: Int = 64 << 20,
                locateExecutable: @escaping @Sendable () -> URL? = { PDFTextExtractor.executable(named: "pdftotext") }) {
        self.locateExecutable = locateExecutable
        self.timeout = timeout
        self.maximumOutputBytes = maximumOutputBytes
    }

    /// `pdftotext` from `PATH`, with the default limits.
    public static let pdftotext = PDFTextExtractor()

    /// The executable file `name` in the first directory of `searchPath` (a `PATH` value) that has one.
    public static func executable(named name: String,
                                  searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for directory in (searchPath ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The text of `pdf`, page layout kept (`pdftotext -layout`), pages separated by a blank line.
    ///
    /// The PDF is handed over in a private temporary file rather than through standard input:
    /// feeding a pipe while draining two others would need a writer thread and SIGPIPE handling.
    func text(of pdf: Data) throws(DocumentConversionError) -> String {
        guard let executable = locateExecutable() else {
            throw DocumentConversionError(.toolMissing, "PDF needs pdftotext (Debian: poppler-utils)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aviary-\(UUID().uuidString).pdf")
        guard FileManager.default.createFile(atPath: file.path, contents: pdf, attributes: [.posixPermissions: 0o600]) else {
            throw DocumentConversionError(.toolFailed, "could not write the PDF to a temporary file for pdftotext")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let outcome: ChildProcessRunner.Outcome
        do {
            outcome = try ChildProcessRunner.run(executable, arguments: ["-layout", "-enc", "UTF-8", file.path, "-"],
                                                 timeout: timeout, maximumOutputBytes: maximumOutputBytes)
        } catch {
            throw DocumentConversionError(.toolFailed, "could not run \(executable.path): \(error)")
        }
        switch outcome {
        case .timedOut:
            throw DocumentConversionError(.toolFailed, "pdftotext did not finish within \(Self.describe(timeout))")
        case .outputTooLarge:
            throw DocumentConversionError(.tooLarge, "the PDF's text is over \(maximumOutputBytes) bytes")
        case .exited(let status, _, let errorOutput) where status != 0:
            let detail = String(decoding: errorOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = detail.isEmpty ? "" : ": " + String(detail.suffix(500))
            throw DocumentConversionError(.toolFailed, "pdftotext failed (exit status \(status))\(reason)")
        case .exited(_, let output, _):
            return Self.normalized(String(decoding: output, as: UTF8.self))
        }
    }

    /// Page breaks as blank lines, trailing spaces (layout padding) gone, blank lines collapsed.
    static func normalized(_ raw: String) -> String {
        let text = raw.replacing("\r\n", with: "\n").replacing("\u{0C}", with: "\n\n")
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingTrailingWhitespace()
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.wholeMilliseconds
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
