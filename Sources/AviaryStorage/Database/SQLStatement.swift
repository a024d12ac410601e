import SQLKit
import SQLiteKit

/// SQL text with `?` where each bind goes, and the binds as plain values: the store's hot writes
/// (a journal step, a run's events, a run row).
///
/// On SQLite the text and values go to the connection as they are, skipping SQLKit's general
/// serializer (an existential per fragment, a dynamic cast per bind) on the hottest path there. On
/// PostgreSQL it serialises like any `SQLExpression`, each `?` becoming the dialect's placeholder,
/// so the text must not contain `?` anywhere else (no string literals with `?`, no `?` operators).
struct SQLStatement: SQLExpression, Sendable {
    /// A bind value.
    enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case real(Double)
        case null
        /// A NULL in a `DOUBLE PRECISION` column (PostgreSQL types a bind by its Swift type).
        case nullReal

        /// `text`, or `null` for nil.
        static func text(_ value: String?) -> Value { value.map(Value.text) ?? .null }
        /// `real`, or a NULL typed as a number for nil.
        static func real(_ value: Double?) -> Value { value.map(Value.real) ?? .nullReal }

        var sqlite: SQLiteData {
            switch self {
            case .text(let text): .text(text)
            case .integer(let number): .integer(number)
            case .real(let number): .float(number)
            case .null, .nullReal: .null
            }
        }

        /// The value as SQLKit binds it (what `\(bind:)` of the same Swift value would bind).
        var encodable: any Encodable & Sendable {
            switch self {
            case .text(let text): text
            case .integer(let number): number
            case .real(let number): number
            case .null: String?.none
            case .nullReal: Double?.none
            }
        }
    }

    /// The text, `?` for each bind.
    var sql: String
    /// The binds, in the order of the `?`s.
    var values: [Value]

    init(_ sql: String, _ values: [Value] = []) {
        self.sql = sql
        self.values = values
    }

    func serialize(to serializer: inout SQLSerializer) {
        var next = values.makeIterator()
        let utf8 = sql.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "?") {
                serializer.write(String(sql[start..<index]))
                serializer.write(bind: next.next()?.encodable ?? String?.none)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        serializer.write(String(sql[start..<utf8.endIndex]))
    }

    /// One statement after the other (`WITH … AS (a) b` on PostgreSQL).
    static func + (lhs: SQLStatement, rhs: SQLStatement) -> SQLStatement {
        SQLStatement(lhs.sql + rhs.sql, lhs.values + rhs.values)
    }

    static func + (lhs: String, rhs: SQLStatement) -> SQLStatement { SQLStatement(lhs) + rhs }
    static func + (lhs: SQLStatement, rhs: String) -> SQLStatement { lhs + SQLStatement(rhs) }
}
