import Foundation
import GRDB
import PolicyGraphCore

/// The result of an ad-hoc query: column names and typed values.
public struct SQLResult: Sendable, Equatable {
    /// A cell: SQLite's storage classes.
    public enum Value: Sendable, Equatable {
        case null, integer(Int64), real(Double), text(String), blob(Data)

        /// The cell as table or CSV text.
        public var text: String {
            switch self {
            case .null: return ""
            case let .integer(value): return String(value)
            case let .real(value): return String(value)
            case let .text(value): return value
            case let .blob(value): return value.base64EncodedString()
            }
        }

        /// The cell as a JSON value: numbers stay numbers.
        public var json: Any {
            switch self {
            case .null: return NSNull()
            case let .integer(value): return NSNumber(value: value)
            case let .real(value): return NSNumber(value: value)
            case let .text(value): return value
            case let .blob(value): return value.base64EncodedString()
            }
        }
    }

    public let columns: [String]
    public let rows: [[Value]]

    /// The result as a table of text (for table and CSV output).
    public var table: PolicyGraphCore.Table { PolicyGraphCore.Table(columns: columns, rows: rows.map { $0.map(\.text) }) }

    /// The result as JSON: an array of objects, keys sorted, numbers as numbers.
    public func jsonData() throws -> Data {
        let records = rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.json))) }
        return try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}

extension PolicyStore {
    /// Runs one SQL statement on the store, read-only (the store must have been
    /// opened with `readOnly: true`, and SQLite is told so too): a statement that
    /// writes is refused with ``StoreError/sql(statement:reason:)``.
    ///
    /// ```swift
    /// try store.query("SELECT kind, count(*) FROM nodes GROUP BY kind")
    /// ```
    public func query(_ sql: String) throws -> SQLResult {
        do {
            return try database.read { db in
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else { throw StoreError.sql(statement: sql, reason: "only statements that read are allowed") }
                let columns = statement.columnNames
                var rows: [[SQLResult.Value]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append(row.databaseValues.map { value in
                        switch value.storage {
                        case .null: return .null
                        case let .int64(number): return .integer(number)
                        case let .double(number): return .real(number)
                        case let .string(text): return .text(text)
                        case let .blob(data): return .blob(data)
                        }
                    })
                }
                return SQLResult(columns: columns, rows: rows)
            }
        } catch let error as DatabaseError {
            throw StoreError.sql(statement: sql, reason: error.message ?? "\(error)")
        }
    }
}
