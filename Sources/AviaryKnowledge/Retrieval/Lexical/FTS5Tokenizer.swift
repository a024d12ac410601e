import Foundation
import Synchronization
import VaporCSQLite

/// SQLite FTS5's own tokenizer (`porter unicode61 remove_diacritics 2`, the one the store's
/// full-text table declares), run in process: the in-memory lexical index finds exactly the terms
/// the store's full-text search finds. It owns a private in-memory SQLite connection, the source
/// of FTS5's API; calls are serialised (FTS5 tokenizers keep per-instance buffers).
public final class FTS5Tokenizer: LexicalTokenizer, @unchecked Sendable {
    private let db: OpaquePointer
    private let tokenizer: OpaquePointer
    private let module: fts5_tokenizer
    private let lock = Mutex(())

    /// The arguments of the store's `tokenize=` option.
    public static let arguments = ["porter", "unicode61", "remove_diacritics", "2"]

    /// Opens the tokenizer; throws when this SQLite has no FTS5.
    public init() throws(KnowledgeSearchError) {
        sqlite_nio_sqlite3_initialize()
        var db: OpaquePointer?
        guard sqlite_nio_sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            if let db { sqlite_nio_sqlite3_close_v2(db) }
            throw KnowledgeSearchError("cannot open an in-memory SQLite connection for the FTS5 tokenizer")
        }
        guard let api = Self.api(db) else {
            sqlite_nio_sqlite3_close_v2(db)
            throw KnowledgeSearchError("this SQLite has no FTS5")
        }
        var module = fts5_tokenizer()
        var userData: UnsafeMutableRawPointer?
        guard api.pointee.xFindTokenizer(api, Self.arguments[0], &userData, &module) == SQLITE_OK, let create = module.xCreate else {
            sqlite_nio_sqlite3_close_v2(db)
            throw KnowledgeSearchError("FTS5 has no '\(Self.arguments[0])' tokenizer")
        }
        var tokenizer: OpaquePointer?
        let rest = Self.arguments.dropFirst().map { strdup($0) }
        defer { rest.forEach { free($0) } }
        var argv = rest.map { UnsafePointer<CChar>($0) }
        let created = argv.withUnsafeMutableBufferPointer { create(userData, $0.baseAddress, Int32($0.count), &tokenizer) }
        guard created == SQLITE_OK, let tokenizer else {
            sqlite_nio_sqlite3_close_v2(db)
            throw KnowledgeSearchError("cannot create FTS5's tokenizer (\(created))")
        }
        self.db = db
        self.tokenizer = tokenizer
        self.module = module
    }

    deinit {
        module.xDelete?(tokenizer)
        sqlite_nio_sqlite3_close_v2(db)
    }

    public func terms(in text: String, query: Bool) -> [String] {
        final class Sink { var terms: [String] = [] }
        let sink = Sink()
        var text = text
        lock.withLock { _ in
            text.withUTF8 { bytes in
                let context = Unmanaged.passUnretained(sink).toOpaque()
                _ = module.xTokenize?(tokenizer, context, query ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT,
                                        bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                        Int32(bytes.count)) { context, _, token, length, _, _ in
                    guard let context, let token, length > 0 else { return SQLITE_OK }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    sink.terms.append(String(decoding: UnsafeRawBufferPointer(start: token, count: Int(length)), as: UTF8.self))
                    return SQLITE_OK
                }
            }
        }
        return sink.terms
    }

    /// FTS5's API object of `db` (`SELECT fts5(?1)` with a bound pointer, as FTS5 documents).
    private static func api(_ db: OpaquePointer) -> UnsafeMutablePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK, let statement else { return nil }
        defer { sqlite_nio_sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        // SQLite keeps the type string and compares it during the step: it must be static
        let type: StaticString = "fts5_api_ptr"
        return withUnsafeMutablePointer(to: &api) { slot in
            sqlite_nio_sqlite3_bind_pointer(statement, 1, slot, UnsafeRawPointer(type.utf8Start).assumingMemoryBound(to: CChar.self), nil)
            _ = sqlite_nio_sqlite3_step(statement)
            return slot.pointee
        }
    }
}
