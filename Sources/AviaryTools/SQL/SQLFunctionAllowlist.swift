/// The SQL functions a `sql` tool's query may call: SQLite's core scalar, aggregate, window,
/// date and time, math and JSON functions. Everything else — `load_extension`, `fts3_tokenizer`
/// (which takes a pointer), `readfile`/`writefile`/`edit` of the shell, functions an extension
/// might add — is refused when the statement is prepared, and so are `randomblob` and `zeroblob`,
/// which allocate as many bytes as they are asked for.
enum SQLFunctionAllowlist {
    /// Lowercase function names.
    static let names: Set<String> = [
        // core scalar
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "if", "instr", "length",
        "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote",
        "random", "replace", "round", "rtrim", "sign", "soundex", "sqlite_version", "substr", "substring", "trim",
        "typeof", "unhex", "unicode", "unlikely", "upper", "changes", "total_changes", "last_insert_rowid",
        // aggregate
        "avg", "count", "group_concat", "string_agg", "sum", "total", "median", "percentile", "percentile_cont", "percentile_disc",
        // window
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
        "last_value", "nth_value",
        // date and time
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date", "current_time",
        "current_timestamp",
        // math
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
        "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
        "tanh", "trunc",
        // JSON
        "json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_error_position", "json_extract",
        "jsonb_extract", "->", "->>", "json_insert", "jsonb_insert", "json_object", "jsonb_object", "json_patch",
        "jsonb_patch", "json_pretty", "json_remove", "jsonb_remove", "json_replace", "jsonb_replace", "json_set",
        "jsonb_set", "json_type", "json_valid", "json_quote", "json_group_array", "jsonb_group_array",
        "json_group_object", "jsonb_group_object", "json_each", "json_tree",
    ]

    /// True when a query may call the function.
    static func allows(_ name: String?) -> Bool {
        guard let name else { return false }
        return names.contains(name.lowercased())
    }
}
