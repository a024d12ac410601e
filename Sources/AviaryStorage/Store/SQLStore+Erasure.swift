import AviaryCore
import Foundation
import SQLKit

extension SQLStore {
    /// Deletes a run with its child runs (`<run>.…`), journals and events in one transaction.
    public func deleteRun(_ id: RunID, tenant: String) async throws -> Bool {
        let prefix = id.rawValue + "."
        let length = prefix.count
        return try await transaction { db in
            // a run's children carry its id and a dot as prefix (`RunID.child`)
            let found = try await db.raw("""
                DELETE FROM runs WHERE tenant_id = \(bind: tenant) AND id = \(bind: id.rawValue) RETURNING id
                """).first()
            guard found != nil else { return false }
            try await db.raw("""
                DELETE FROM runs WHERE tenant_id = \(bind: tenant) AND substr(id, 1, \(bind: length)) = \(bind: prefix)
                """).run()
            for table in ["run_events", "journal"] {
                try await db.raw("""
                    DELETE FROM \(ident: table) WHERE tenant_id = \(bind: tenant)
                    AND (run_id = \(bind: id.rawValue) OR substr(run_id, 1, \(bind: length)) = \(bind: prefix))
                    """).run()
            }
            return true
        }
    }
}
