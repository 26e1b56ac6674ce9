import Foundation
import GRDB
import GRDBSQLite

/// One INSERT prepared once and run for many rows, its values bound straight
/// through SQLite's C API: the bulk loads of the graph tables (over a million
/// rows at 100 MB of corpus), where GRDB's per-row `StatementArguments` (an
/// array of boxed values, checked and bound one by one) cost more than the
/// insert itself. The values and their types are those GRDB binds, so the
/// rows are the same.
///
/// The statement inserts up to ``rowsPerStep`` rows at once
/// (`INSERT … SELECT * FROM (VALUES (…), (…), …) LIMIT ?`): a row's values are
/// bound into the next free row of the statement, which runs once it is full,
/// and ``finish()`` inserts the rows bound since (the `LIMIT` leaves out the
/// rows not bound this time). One run of the statement opens the table and
/// seeks its end once for all its rows instead of once per row. Rows of two
/// inserts therefore reach their tables in batches, not row by row in the order
/// they were bound across tables (the store checks no foreign key).
///
/// ```swift
/// let edge = try BulkInsert(db, into: "INSERT INTO edges (id, type)", columns: 2)
/// edge.text(id)
/// edge.text("mentioned_in")
/// try edge.insert()
/// // … more rows …
/// try edge.finish()
/// ```
///
/// Texts and blobs are copied into a ``BindArena`` and bound by pointer
/// (`SQLITE_STATIC`): SQLite reads them there when the statement runs instead
/// of copying each into memory it allocates and frees.
///
/// Bind the columns in order, then ``insert()``; ``finish()`` after the last
/// row. Used inside the caller's transaction, on the database's thread, and
/// dropped before the transaction ends.
final class BulkInsert {
    /// The rows one run of the statement inserts at most.
    let rowsPerStep: Int
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    /// The number of values a row has.
    private let columns: Int32
    /// The next parameter to bind (SQLite counts from 1).
    private var parameter: Int32 = 1
    /// The rows bound and not inserted yet.
    private var pending = 0
    /// The first binding that failed, reported by ``insert()``.
    private var failedBinding: (code: Int32, function: String)?

    /// The bytes of the texts and blobs bound since the statement last ran.
    private let arena: BindArena

    /// - Parameters:
    ///   - insert: the statement up to its values: `INSERT [OR IGNORE] INTO table (column, …)`.
    ///   - columns: the number of columns `insert` names.
    ///   - rowsPerStep: the rows one run of the statement inserts at most (at least 1).
    ///   - arenaChunkSize: the bytes of a chunk of the ``BindArena`` (tests make it small).
    init(_ db: Database, into insert: String, columns: Int, rowsPerStep: Int = 64, arenaChunkSize: Int = 64 * 1024) throws {
        precondition(columns > 0 && rowsPerStep > 0)
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let sql = "\(insert) SELECT * FROM (VALUES \(Array(repeating: row, count: rowsPerStep).joined(separator: ", "))) LIMIT ?"
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed", sql: sql) }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw Self.error(code, "sqlite3_prepare_v2", connection: connection, sql: sql)
        }
        self.connection = connection
        self.statement = prepared
        self.sql = sql
        self.columns = Int32(columns)
        self.rowsPerStep = rowsPerStep
        arena = BindArena(chunkSize: arenaChunkSize)
    }

    deinit {
        assert(pending == 0, "BulkInsert dropped with rows not inserted: call finish()")
        sqlite3_finalize(statement)
    }

    /// A C return code as the error GRDB would give, naming the C function.
    private static func error(_ code: Int32, _ function: String, connection: OpaquePointer, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(function): \(String(cString: sqlite3_errmsg(connection)))", sql: sql)
    }

    private func bound(_ code: Int32, _ function: String) {
        // A value beyond the row's columns would land in the next row (or the limit).
        let code = parameter > Int32(pending + 1) * columns ? SQLITE_RANGE : code
        if code != SQLITE_OK, failedBinding == nil { failedBinding = (code, function) }
        parameter += 1
    }

    /// Binds the next parameter to `value` (text), or NULL.
    func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { text(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Binds the next parameter to the text whose UTF-8 bytes are `bytes` (valid UTF-8).
    func text(bytes: UnsafeRawBufferPointer) {
        // No destructor (`SQLITE_STATIC`): SQLite reads the bytes in the arena. The copy's
        // pointer is never null, so an empty copy binds the empty text, not NULL.
        let code = sqlite3_bind_text(statement, parameter, arena.copy(bytes), Int32(clamping: bytes.count), nil)
        bound(code, "sqlite3_bind_text")
    }

    /// Binds the next parameter to `value` (an integer), or NULL.
    func integer(_ value: Int?) {
        guard let value else { return null() }
        bound(sqlite3_bind_int64(statement, parameter, Int64(value)), "sqlite3_bind_int64")
    }

    /// Binds the next parameter to `bytes` (a blob).
    func blob(_ bytes: Data) {
        bytes.withUnsafeBytes { blob(raw: $0) }
    }

    /// Binds the next parameter to `bytes` (a blob).
    func blob(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { blob(raw: $0) }
    }

    /// Binds the next parameter to the blob `raw`, copied into the arena (no destructor: `SQLITE_STATIC`).
    private func blob(raw: UnsafeRawBufferPointer) {
        let code = sqlite3_bind_blob(statement, parameter, arena.copy(raw), Int32(clamping: raw.count), nil)
        bound(code, "sqlite3_bind_blob")
    }

    /// Binds the next parameter to NULL.
    func null() {
        bound(sqlite3_bind_null(statement, parameter), "sqlite3_bind_null")
    }

    /// Ends the row bound so far: the statement runs when it holds ``rowsPerStep`` rows.
    func insert() throws {
        if let failed = failedBinding {
            // The row is left out; the rows bound before it stay.
            parameter = Int32(pending) * columns + 1
            failedBinding = nil
            throw Self.error(failed.code, failed.function, connection: connection, sql: sql)
        }
        pending += 1
        parameter = Int32(pending) * columns + 1
        if pending == rowsPerStep { try step() }
    }

    /// Inserts the rows bound since the statement last ran.
    func finish() throws {
        if pending > 0 { try step() }
    }

    /// Runs the statement for the `pending` rows bound, and makes it ready for the next ones.
    private func step() throws {
        defer { reset() }
        let limit = Int32(rowsPerStep) * columns + 1
        let bound = sqlite3_bind_int64(statement, limit, Int64(pending))
        guard bound == SQLITE_OK else { throw Self.error(bound, "sqlite3_bind_int64", connection: connection, sql: sql) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw Self.error(code, "sqlite3_step", connection: connection, sql: sql) }
    }

    /// Forgets the rows bound (the values stay bound, their bytes in the arena: the next rows overwrite them).
    private func reset() {
        sqlite3_reset(statement)
        arena.reset()
        parameter = 1
        pending = 0
        failedBinding = nil
    }
}
