import GRDB

/// The secondary indexes of some tables, dropped while the tables are loaded
/// in bulk and created again afterwards from their own SQL: SQLite then builds
/// each index from one sorted pass over the table instead of inserting every
/// row into it at a random place (the edges' two indexes took half the time of
/// loading the edges). The indexes are the same, by name and definition; only
/// where they lie in the file differs. Primary keys and UNIQUE constraints
/// (SQLite's automatic indexes) stay.
///
/// ```swift
/// let indexes = try DeferredIndexes.drop(on: ["edges", "edge_sources"], in: db)
/// // … insert the rows …
/// try indexes.create(in: db)
/// ```
struct DeferredIndexes {
    /// Each dropped index's `CREATE INDEX` statement, by index name.
    private let statements: [String]

    /// Drops the indexes of `tables` that have SQL of their own (in the caller's transaction).
    static func drop(on tables: [String], in db: Database) throws -> DeferredIndexes {
        let placeholders = Array(repeating: "?", count: tables.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(placeholders)) ORDER BY name
            """, arguments: StatementArguments(tables))
        for row in rows {
            let name: String = row[0]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
        }
        return DeferredIndexes(statements: rows.map { $0[1] })
    }

    /// Creates the dropped indexes again, in name order.
    func create(in db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }
}
