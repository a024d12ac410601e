import AviaryCore

/// A read-only SQL tool declared in data (YAML or JSON) instead of Swift code.
///
/// ```yaml
/// kind: sql
/// name: get_recent_operations
/// description: Recent transfers of a customer, newest first.
/// database: ../data/support.db          # relative to the file's folder
/// parameters:
///   type: object
///   properties:
///     user_id: {type: string}
///     limit: {type: integer, default: 5}
///   required: [user_id]
///   additionalProperties: false
/// query: |
///   SELECT * FROM transfers WHERE user_id = :user_id ORDER BY created_at DESC LIMIT :limit
/// max_rows: 50
/// ```
///
/// Keys are snake_case (`max_rows`, `json_columns`). ``SQLQueryTool`` checks a definition when it
/// is loaded.
public struct SQLToolDefinition: Codable, Sendable, Hashable {
    /// The parameters schema used when a definition has none: an object with no properties.
    public static let emptyParameters: JSONValue = ["type": "object", "properties": [:], "additionalProperties": false]
    /// Rows returned at most when ``maxRows`` is not set.
    public static let defaultMaxRows = 100

    /// Tool kind, read by project loaders (`sql`); optional here.
    public var kind: String?
    /// Tool name the model calls (`[a-zA-Z0-9_.-]+`).
    public var name: String
    /// What the tool does, for the model.
    public var description: String
    /// Path of the SQLite database file, relative to the definition's base directory (or absolute).
    public var database: String
    /// JSON Schema of the arguments; every `:name` in ``query`` must be one of its properties.
    /// A property's `default` is bound when the argument is missing; otherwise `NULL` is bound.
    public var parameters: JSONValue
    /// One read-only `SELECT` or `WITH … SELECT` statement using `:name` parameters.
    public var query: String
    /// Return the first row as an object (or `null` when there is none) instead of an array.
    public var single: Bool?
    /// Most rows returned (default ``defaultMaxRows``).
    public var maxRows: Int?
    /// Columns whose text holds JSON (for example from `json_group_array`), returned as nested JSON
    /// instead of strings.
    public var jsonColumns: [String]?

    /// Creates a definition.
    public init(
        kind: String? = "sql", name: String, description: String, database: String,
        parameters: JSONValue = SQLToolDefinition.emptyParameters, query: String, single: Bool? = nil,
        maxRows: Int? = nil, jsonColumns: [String]? = nil
    ) {
        self.kind = kind
        self.name = name
        self.description = description
        self.database = database
        self.parameters = parameters
        self.query = query
        self.single = single
        self.maxRows = maxRows
        self.jsonColumns = jsonColumns
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, description, database, parameters, query, single
        case maxRows = "max_rows"
        case jsonColumns = "json_columns"
    }

    /// Decodes a definition; a missing `parameters` means ``emptyParameters``.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        database = try c.decode(String.self, forKey: .database)
        parameters = try c.decodeIfPresent(JSONValue.self, forKey: .parameters) ?? Self.emptyParameters
        query = try c.decode(String.self, forKey: .query)
        single = try c.decodeIfPresent(Bool.self, forKey: .single)
        maxRows = try c.decodeIfPresent(Int.self, forKey: .maxRows)
        jsonColumns = try c.decodeIfPresent([String].self, forKey: .jsonColumns)
    }
}
