import AviaryCore
import Foundation
import Logging
import AviaryStorage
import SQLiteNIO

/// A read-only tool that runs one declared `SELECT` against a SQLite file (see ``SQLToolDefinition``).
///
/// At load (``init(definition:baseDirectory:)``) the definition is checked: a valid name, a JSON
/// Schema object for `parameters`, a single read-only `SELECT`/`WITH … SELECT` statement, and every
/// `:name` in the query declared as a property — except the context parameters (`:$principal`,
/// `:$tenant`, `:$user_id`, `:$session_id`, see ``SQLContextParameter``), which Aviary binds from
/// the run and the model can neither see nor set. At call time arguments are bound by name (a missing
/// argument binds the property's `default`, or `NULL`), the query runs on a read-only connection
/// (see ``ReadOnlySQLiteDatabase``) opened on first use and reused, and rows come back as a JSON
/// array of objects — integers and reals as numbers, text as strings, `NULL` as `null`, blobs as
/// base64 — at most ``maxRows`` of them. With `single: true` the first row object (or `null`) is
/// returned instead.
public struct SQLQueryTool: Tool {
    /// The definition this tool was loaded from.
    public let definition: SQLToolDefinition
    /// The resolved database file; with `{tenant}` in its path, one file per tenant (the
    /// placeholder replaced by the calling run's tenant).
    public let databaseURL: URL
    /// True when each tenant has its own database file (`{tenant}` in `database`).
    public var isPerTenant: Bool { databases.isPerTenant }
    /// Most rows returned per call.
    public var maxRows: Int { Self.rowLimit(definition) }

    private let parameterNames: [String]
    private let executableSQL: String
    private let databases: TenantDatabases

    /// Loads and checks a definition; `database` is resolved against `baseDirectory`.
    ///
    /// - Throws: ``SQLToolError/invalidDefinition(_:)`` naming the tool and the problem.
    public init(definition: SQLToolDefinition, baseDirectory: URL) throws {
        let name = definition.name
        func invalid(_ problem: String) -> SQLToolError {
            .invalidDefinition("sql tool '\(name)': \(problem)")
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-".unicodeScalars)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw SQLToolError.invalidDefinition("sql tool '\(name)': the name must be non-empty and use only letters, digits, '_', '.' and '-'")
        }
        guard !definition.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw invalid("the description is empty; the model needs it to know when to call the tool")
        }
        if let kind = definition.kind, kind != "sql" { throw invalid("kind must be 'sql', got '\(kind)'") }
        guard !definition.database.isEmpty else { throw invalid("'database' is empty") }
        if let maxRows = definition.maxRows, maxRows < 1 { throw invalid("max_rows must be at least 1, got \(maxRows)") }
        let properties = try Self.checkedProperties(of: definition.parameters, invalid: invalid)
        let statement: SQLReadOnlyStatement
        do {
            statement = try SQLReadOnlyStatement(definition.query)
        } catch {
            throw invalid(error.message)
        }
        for name in properties.keys where name.hasPrefix("$") {
            throw invalid("parameter '\(name)': names starting with '$' are context parameters (\(SQLContextParameter.names)), filled by Aviary, not by the model")
        }
        for parameter in statement.parameterNames {
            if parameter.hasPrefix("$") {
                guard SQLContextParameter(rawValue: parameter) != nil else {
                    throw invalid("the query uses ':\(parameter)', which is not a context parameter; known: \(SQLContextParameter.names)")
                }
            } else if properties[parameter] == nil {
                throw invalid("the query uses ':\(parameter)', which is not a property of 'parameters'")
            }
        }
        self.init(definition: definition, baseDirectory: baseDirectory, parameterNames: statement.parameterNames,
                  executableSQL: "SELECT * FROM (\n\(statement.text)\n) LIMIT \(Self.rowLimit(definition) + 1)")
    }

    /// Skips every load-time check and the row-limit wrapper, running `query` verbatim.
    ///
    /// Test seam only: it lets tests prove that the connection itself refuses to write.
    init(unvalidated definition: SQLToolDefinition, baseDirectory: URL) {
        let names = (try? SQLTokenizer.tokenize(definition.query))?
            .filter { $0.kind == .namedParameter }.map { String($0.text.dropFirst()) } ?? []
        var distinct: [String] = []
        for name in names where !distinct.contains(name) { distinct.append(name) }
        self.init(definition: definition, baseDirectory: baseDirectory, parameterNames: distinct, executableSQL: definition.query)
    }

    private init(definition: SQLToolDefinition, baseDirectory: URL, parameterNames: [String], executableSQL: String) {
        self.definition = definition
        let url = definition.database.hasPrefix("/")
            ? URL(fileURLWithPath: definition.database)
            : baseDirectory.appendingPathComponent(definition.database)
        self.databaseURL = url.standardizedFileURL
        self.parameterNames = parameterNames
        self.executableSQL = executableSQL
        self.databases = TenantDatabases(template: databaseURL.path)
    }

    /// The definition's name, description and parameters schema.
    public var spec: ToolSpec {
        ToolSpec(name: definition.name, description: definition.description, parameters: definition.parameters)
    }

    /// Read-only: idempotent and safe.
    public var policy: ToolPolicy { .readOnly }

    /// Runs the query with the arguments bound by name.
    public func call(arguments: JSONValue, context: ToolContext) async throws -> ToolOutput {
        let args = try ToolArguments(arguments)
        let properties = definition.parameters["properties"]?.objectValue ?? [:]
        for required in definition.parameters["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        where (args.members[required] ?? .null).isNull && properties[required]?["default"] == nil {
            throw ToolError.invalidArguments("missing required argument '\(required)'")
        }
        if let smuggled = args.members.keys.sorted().first(where: { $0.hasPrefix("$") }) {
            throw ToolError.invalidArguments("argument '\(smuggled)' is not accepted: Aviary fills \(SQLContextParameter.names) from the caller")
        }
        let binds = parameterNames.map { name -> SQLiteData in
            if let parameter = SQLContextParameter(rawValue: name) { return parameter.value(in: context).map { .text($0) } ?? .null }
            // Careful: JSONValue is ExpressibleByNilLiteral, so a bare `nil` here would mean `.null`.
            if let given = args.members[name], !given.isNull { return Self.bind(given) }
            return Self.bind(properties[name]?["default"] ?? .null)
        }
        let database = try await databases.database(forTenant: context.tenant)
        let rows: [ReadOnlySQLiteDatabase.Row]
        do {
            rows = try await database.query(executableSQL, binds)
        } catch let error as ToolError {
            throw ToolError.notFound("sql tool '\(definition.name)': \(error.message)")
        } catch let error as ReadOnlySQLiteFile.Failure where error.interrupted {
            throw ToolError.timeout("sql tool '\(definition.name)': \(error.message)")
        } catch let error as ReadOnlySQLiteFile.Failure {
            throw ToolError.failed("sql tool '\(definition.name)' failed: \(error.message)")
        }
        let jsonColumns = Set(definition.jsonColumns ?? [])
        let limit = Self.rowLimit(definition)
        if rows.count > limit {
            context.logger.debug("sql tool result truncated", metadata: ["tool": "\(definition.name)", "max_rows": "\(limit)"])
        }
        let objects = rows.prefix(limit).map { Self.object(from: $0, jsonColumns: jsonColumns) }
        if definition.single == true { return ToolOutput(objects.first ?? .null) }
        return ToolOutput(.array(objects))
    }

    /// Closes the database connection (it reopens on the next call).
    public func close() async {
        await databases.closeAll()
    }

    // MARK: - Helpers

    private static func rowLimit(_ definition: SQLToolDefinition) -> Int {
        definition.single == true ? 1 : max(1, definition.maxRows ?? SQLToolDefinition.defaultMaxRows)
    }

    /// The `properties` of a parameters schema, after checking the schema's shape.
    private static func checkedProperties(of schema: JSONValue, invalid: (String) -> SQLToolError) throws -> [String: JSONValue] {
        guard let object = schema.objectValue else { throw invalid("'parameters' must be a JSON Schema object") }
        if let type = object["type"], type != "object" {
            throw invalid("'parameters' must have type 'object', got \(type.jsonString)")
        }
        guard let properties = object["properties"].map({ $0.objectValue }) ?? [:] else {
            throw invalid("'parameters.properties' must be an object")
        }
        for required in object["required"]?.arrayValue ?? [] {
            guard let name = required.stringValue, properties[name] != nil else {
                throw invalid("'parameters.required' lists \(required.jsonString), which is not a property")
            }
        }
        return properties
    }

    /// The SQLite value bound for a JSON argument.
    static func bind(_ value: JSONValue) -> SQLiteData {
        switch value {
        case .null: return .null
        case .bool(let b): return .integer(b ? 1 : 0)
        case .number(let n):
            if n.rounded() == n, abs(n) < 9.0e15 { return .integer(SQLiteInt64(n)) }
            return .float(n)
        case .string(let s): return .text(s)
        case .array, .object: return .text(value.jsonString)
        }
    }

    /// A row as a JSON object keyed by column name.
    static func object(from row: ReadOnlySQLiteDatabase.Row, jsonColumns: Set<String>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (name, data) in zip(row.columns, row.values) {
            switch data {
            case .null: object[name] = .null
            case .integer(let i): object[name] = .number(Double(i))
            case .float(let d): object[name] = d.isFinite ? .number(d) : .null
            case .text(let s):
                if jsonColumns.contains(name), let parsed = try? JSONValue(parsing: s) {
                    object[name] = parsed
                } else {
                    object[name] = .string(s)
                }
            case .blob(let buffer): object[name] = .string(Data(buffer.readableBytesView).base64EncodedString())
            }
        }
        return .object(object)
    }
}
