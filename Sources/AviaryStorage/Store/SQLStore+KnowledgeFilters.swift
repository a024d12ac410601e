import AviaryCore
import SQLKit

/// Metadata filters as SQL over `c.metadata` (a chunk's JSON metadata): `json_extract` and
/// `json_type` on SQLite, `jsonb` containment and `->>` on PostgreSQL. Field names and values are
/// bound, never spliced; range comparisons only match values of the same JSON type.
extension SQLStore {
    func filterSQL(_ filters: [KnowledgeFilter]) -> SQLQueryString {
        var sql = SQLQueryString("")
        for f in filters { sql += " AND " + condition(f) }
        return sql
    }

    private func condition(_ f: KnowledgeFilter) -> SQLQueryString {
        switch dialect.engine {
        case .sqlite:
            let path = "$.\"\(f.field)\""
            let value: SQLQueryString = "json_extract(c.metadata, \(bind: path))"
            switch f.operation {
            case .equal(let v): return "\(value) = \(sqliteBind(v))"
            case .notEqual(let v): return "(\(value) IS NULL OR \(value) <> \(sqliteBind(v)))"
            case .oneOf(let vs):
                var list = SQLQueryString("")
                for (i, v) in vs.enumerated() { list += (i == 0 ? "" : ", ") + sqliteBind(v) }
                return "\(value) IN (\(list))"
            case .greater(let v): return sqliteRange(path, value, ">", v)
            case .atLeast(let v): return sqliteRange(path, value, ">=", v)
            case .less(let v): return sqliteRange(path, value, "<", v)
            case .atMost(let v): return sqliteRange(path, value, "<=", v)
            }
        case .postgres:
            let contains: (JSONValue) -> SQLQueryString = { v in
                "(c.metadata::jsonb @> \(bind: JSONValue.object([f.field: v]).jsonString)::jsonb)"
            }
            switch f.operation {
            case .equal(let v): return contains(v)
            case .notEqual(let v): return "NOT \(contains(v))"
            case .oneOf(let vs):
                var any = SQLQueryString("")
                for (i, v) in vs.enumerated() { any += (i == 0 ? "" : " OR ") + contains(v) }
                return "(\(any))"
            case .greater(let v): return postgresRange(f.field, ">", v)
            case .atLeast(let v): return postgresRange(f.field, ">=", v)
            case .less(let v): return postgresRange(f.field, "<", v)
            case .atMost(let v): return postgresRange(f.field, "<=", v)
            }
        }
    }

    private func sqliteBind(_ v: JSONValue) -> SQLQueryString {
        switch v {
        case .bool(let b): "\(bind: b ? 1 : 0)"
        case .number(let n): "\(bind: n)"
        default: "\(bind: v.stringValue ?? v.jsonString)"
        }
    }

    private func sqliteRange(_ path: String, _ value: SQLQueryString, _ op: String, _ v: JSONValue) -> SQLQueryString {
        if let n = v.numberValue {
            return "(json_type(c.metadata, \(bind: path)) IN ('integer', 'real') AND \(value) \(unsafeRaw: op) \(bind: n))"
        }
        return "(json_type(c.metadata, \(bind: path)) = 'text' AND \(value) \(unsafeRaw: op) \(bind: v.stringValue ?? ""))"
    }

    private func postgresRange(_ field: String, _ op: String, _ v: JSONValue) -> SQLQueryString {
        if let n = v.numberValue {
            return """
                (CASE WHEN jsonb_typeof(c.metadata::jsonb -> \(bind: field)) = 'number'
                 THEN (c.metadata::jsonb ->> \(bind: field))::double precision END) \(unsafeRaw: op) \(bind: n)
                """
        }
        return """
            (CASE WHEN jsonb_typeof(c.metadata::jsonb -> \(bind: field)) = 'string' THEN c.metadata::jsonb ->> \(bind: field) END) \
            \(unsafeRaw: op) \(bind: v.stringValue ?? "")
            """
    }
}

extension SQLStore {
    public func metadataFields(tenant: String, namespace: String) async throws -> Set<String> {
        var fields = Set<String>()
        let rows = try await reader.raw("""
            SELECT DISTINCT metadata FROM kb_documents WHERE tenant_id = \(bind: tenant) AND namespace = \(bind: namespace)
            """).all()
        for row in rows {
            let metadata = try parseJSON(try row.decode(column: "metadata", as: String.self), "document metadata")
            fields.formUnion(metadata?.objectValue?.keys ?? [:].keys)
        }
        return fields
    }
}
