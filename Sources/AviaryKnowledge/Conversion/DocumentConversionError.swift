/// Why a document could not be converted to Markdown.
public struct DocumentConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is, for callers that react to some of them (`code == .noText`).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable machine-readable name (`empty_input`, `unsupported_type`, …).
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The input is empty or only whitespace.
        public static let emptyInput = Code("empty_input")
        /// The input is binary (an image, an archive, NUL bytes) where text was expected.
        public static let binaryContent = Code("binary_content")
        /// Nothing readable is left once scripts, styles, navigation and the like are removed.
        public static let noText = Code("no_text")
        /// The content type or file extension is not one Aviary converts.
        public static let unsupportedType = Code("unsupported_type")
        /// The input is larger than the converter accepts.
        public static let tooLarge = Code("too_large")
        /// A JSON document that does not parse.
        public static let invalidJSON = Code("invalid_json")
        /// A CSV document that does not parse (an unterminated quoted field).
        public static let invalidCSV = Code("invalid_csv")
        /// The external tool a format needs (`pdftotext`) is not installed.
        public static let toolMissing = Code("tool_missing")
        /// The external tool failed, ran too long or wrote too much.
        public static let toolFailed = Code("tool_failed")

        public var description: String { name }
    }

    /// What kind of failure it is.
    public let code: Code
    /// A human-readable explanation.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.name): \(message)" }
}
