import SQLiteKit
import SQLKit

/// A row read by ``DirectSQLiteDatabase``, decoded on demand.
struct DirectSQLiteRow: SQLRow {
    /// The column names of a result, shared by its rows.
    final class Layout: Sendable {
        let columns: [String]
        let index: [String: Int]

        init(columns: [String]) {
            self.columns = columns
            index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let layout: Layout
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { layout.columns }

    func contains(column: String) -> Bool { layout.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = layout.index[column] else { return true }
        return values[offset] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = layout.index[column] else {
            throw DecodingError.keyNotFound(SQLiteColumnKey(column), .init(codingPath: [], debugDescription: "no column '\(column)'"))
        }
        let value = values[offset]
        if D.self == String.self, case .text(let text) = value { return text as! D }
        if D.self == Int.self, case .integer(let number) = value { return number as! D }
        return try decoder.decode(D.self, from: value)
    }
}

/// A column name as a coding key, for decoding errors.
private struct SQLiteColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
