import AviaryCore

/// The `setup` of `tests/test_cases.json`: knowledge bases to ingest before any case runs, so
/// cases that search them (`rag_search`) find the same documents on every machine. Ingesting is
/// idempotent: unchanged documents are skipped.
public struct SessionTestSetup: Sendable, Hashable {
    /// One knowledge base to fill from project files.
    public struct Ingest: Sendable, Hashable {
        /// The namespace.
        public var namespace: String
        /// Files and folders relative to the project (folders are walked as by `aviary ingest`).
        public var paths: [String]
        /// Metadata every document and chunk carries. Default `{}`.
        public var metadata: JSONValue

        /// Creates an ingestion step.
        public init(namespace: String, paths: [String], metadata: JSONValue = .object([:])) {
            self.namespace = namespace
            self.paths = paths
            self.metadata = metadata
        }
    }

    /// The knowledge bases to ingest, in order.
    public var ingest: [Ingest]

    /// Creates a setup (default: nothing to do).
    public init(ingest: [Ingest] = []) {
        self.ingest = ingest
    }

    /// Reads a `setup` object.
    init(_ value: JSONValue, path: String) throws(SessionTestError) {
        let reader = try JSONObjectReader(value, path: path, known: ["ingest"], fail: SessionTestError.invalidFile)
        var steps: [Ingest] = []
        for (i, entry) in (try reader.array("ingest") ?? []).enumerated() {
            let step = try JSONObjectReader(entry, path: "\(path).ingest[\(i)]", known: ["namespace", "paths", "metadata"],
                                            fail: SessionTestError.invalidFile)
            guard let paths = try step.strings("paths"), !paths.isEmpty else { throw step.error("paths", "required: files or folders of the project") }
            for (j, p) in paths.enumerated() where p.hasPrefix("/") || p.split(separator: "/").contains("..") {
                throw step.error("paths[\(j)]", "'\(p)' must be relative to the project and stay inside it")
            }
            steps.append(Ingest(namespace: try step.requiredString("namespace"), paths: paths,
                                metadata: try step.object("metadata") ?? .object([:])))
        }
        self.init(ingest: steps)
    }
}
