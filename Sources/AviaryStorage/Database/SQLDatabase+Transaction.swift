import SQLKit

extension SQLDatabase {
    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back
    /// when it throws (the original error is rethrown). `body` must use the database it receives.
    ///
    /// Relies on `withSession` handing out a connection of its own, as the SQLite and PostgreSQL
    /// databases of ``SQLiteStorage`` and ``PostgresStorage`` do.
    func withTransaction<T: Sendable>(_ dialect: StoreDialect,
                                      _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withSession { db in
            try await db.raw(dialect.begin).run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
