import AviaryCore
import AviaryKnowledge
import AviaryRuntime
import AviaryStorage
import Foundation
import Synchronization

extension AviaryApplication {
    /// Ingests local files and folders, and web pages, into a namespace as one job (a run of
    /// ``IngestProgram``), printing each item's result through `progress` as it lands
    /// (`aviary ingest`). Folders are walked for the formats the converter reads; `http(s)://`
    /// arguments are fetched by the rules of `knowledge.fetch` (after the files, in the order given).
    public static func ingest(_ configuration: AviaryConfiguration, paths: [String], namespace: String, metadata: JSONValue = .object([:]),
                              options: Options = Options(), onEmbedded: @escaping @Sendable (Int) -> Void = { _ in },
                              progress: @escaping @Sendable (Int, Int, IngestItemResult) -> Void) async throws -> RunRecord {
        let urls = paths.filter(KnowledgeFiles.isURL)
        let locals = paths.filter { !KnowledgeFiles.isURL($0) }
        let files = locals.isEmpty ? [] : try KnowledgeFiles.expand(locals)
        let items = try files.map { IngestItem(origin: .file(path: $0.path), source: $0.path, metadata: metadata).json }
            + urls.map { IngestItem(origin: .url(try KnowledgeFiles.fetchable($0)), source: $0, metadata: metadata).json }
        let input = try IngestProgram.input(namespace: namespace, items: items)
        // ingestion calls no model: the embedded one is neither installed nor started for it
        var options = options
        options.startLocalModel = false
        return try await with(configuration, options: options) { app in
            var request = RunRequest(agent: IngestProgram.programName, input: input, tenant: configuration.tenant, principal: "local")
            request.runID = RunID.random()
            let runID = request.runID!
            let reported = ReportedItems()
            let embedded = ReportedItems()
            let report: @Sendable (RunRecord?) async -> Void = { finished in
                var outputs: [(Int, JSONValue?)] = []
                if let finished {
                    outputs = (finished.output?["items"]?.arrayValue ?? []).enumerated().map { ($0.offset, $0.element) }
                } else {
                    let journal = (try? await app.store.loadJournal(runID, tenant: configuration.tenant)) ?? []
                    outputs = journal.filter { $0.key.hasPrefix("item/") && $0.state == .completed }
                        .compactMap { step in Int(step.key.dropFirst(5)).map { ($0, step.output) } }
                    if let vectors = IngestJobReport.embeddingProgress(journal)?.embedded, embedded.advance(to: vectors) { onEmbedded(vectors) }
                }
                for (i, output) in outputs.sorted(by: { $0.0 < $1.0 }) where reported.claim(i) {
                    if let result = output.flatMap(IngestItemResult.init(json:)) { progress(i + 1, items.count, result) }
                }
            }
            // item results as the journal records them, while the job runs here
            return try await withThrowingTaskGroup(of: RunRecord?.self) { group in
                group.addTask {
                    while !Task.isCancelled {
                        await report(nil)
                        try? await Task.sleep(for: .milliseconds(250))
                    }
                    return nil
                }
                let finished = try await app.runtime.run(request)
                group.cancelAll()
                await report(finished)
                return finished
            }
        }
    }

    /// The tenant's knowledge bases (`aviary kb list`), or one namespace's documents.
    public static func knowledgeBases(_ configuration: AviaryConfiguration) async throws -> [KnowledgeNamespace] {
        try await withStore(configuration) { try await $0.namespaces(tenant: configuration.tenant) }
    }

    /// A namespace's documents (`aviary kb list NAMESPACE`).
    public static func knowledgeDocuments(_ configuration: AviaryConfiguration, namespace: String) async throws -> [KnowledgeDocumentRecord] {
        try await withStore(configuration) { try await $0.documents(tenant: configuration.tenant, namespace: namespace, limit: 10_000) }
    }

    /// The best chunks for a question (`aviary kb query`), as the query API returns them.
    public static func queryKnowledge(_ configuration: AviaryConfiguration, question: String, namespace: String, topK: Int,
                                      options: Options = Options()) async throws -> JSONValue {
        var options = options
        // no agent runs: the embedded model starts only for an LLM judge that uses it
        options.startLocalModel = options.startLocalModel && configuration.judgesWithLocalModel
        return try await with(configuration, options: options) { app in
            try await app.knowledgeSearch.retrieve(question, namespace: namespace, tenant: configuration.tenant, topK: topK)
                .json(query: question, namespace: namespace)
        }
    }

    /// Deletes a namespace, or one of its documents by source (`aviary kb delete`); returns how many documents went.
    public static func deleteKnowledge(_ configuration: AviaryConfiguration, namespace: String, source: String?) async throws -> Int {
        try await withStore(configuration) { store in
            guard let source else { return try await store.deleteNamespace(namespace, tenant: configuration.tenant) }
            guard let doc = try await store.loadDocument(tenant: configuration.tenant, namespace: namespace, source: source) else { return 0 }
            return try await store.deleteDocument(doc.id, tenant: configuration.tenant) ? 1 : 0
        }
    }
}

/// The item results already printed, in order.
final class ReportedItems: Sendable {
    private let next = Mutex(0)
    /// True once for each index, in order: an index past the next one waits for the ones before it.
    func claim(_ index: Int) -> Bool { next.withLock { if $0 == index { $0 += 1; return true } else { return false } } }
    /// True when `value` is above the last value passed (which it becomes).
    func advance(to value: Int) -> Bool { next.withLock { if value > $0 { $0 = value; return true } else { return false } } }
}

/// The files `aviary ingest` takes from its arguments: files as given, folders walked for the
/// formats the converter reads (hidden files and folders skipped), sorted.
enum KnowledgeFiles {
    static let extensions: Set<String> = ["md", "markdown", "txt", "html", "htm", "csv", "json", "pdf"]

    /// Whether an argument is a URL (`scheme://…`) rather than a path.
    static func isURL(_ argument: String) -> Bool {
        guard let range = argument.range(of: "://"), let first = argument.first, first.isASCII, first.isLetter else { return false }
        return argument[..<range.lowerBound].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// The URL an argument names, refused before the job starts when it is not an http(s) URL
    /// the fetcher could read (the addresses are checked when the item runs).
    static func fetchable(_ argument: String) throws -> URL {
        guard let url = URL(string: argument) else { throw ConfigurationError("\(argument): not a URL") }
        do { _ = try FetchTarget(url) } catch { throw ConfigurationError("\(argument): \(error.message)") }
        return url
    }

    static func expand(_ paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw ConfigurationError("\(path): no such file or folder")
            }
            guard isDirectory.boolValue else { files.append(url); continue }
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            while let next = walker?.nextObject() as? URL {
                if extensions.contains(next.pathExtension.lowercased()) { files.append(next.standardizedFileURL) }
            }
        }
        guard !files.isEmpty else { throw ConfigurationError("no documents to ingest in \(paths.joined(separator: ", ")) (formats: \(extensions.sorted().joined(separator: ", ")))") }
        return files.sorted { $0.path < $1.path }
    }
}
