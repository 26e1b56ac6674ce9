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
/// ```swift
/// let edge = try BulkInsert(db, sql: "INSERT INTO edges (id, type) VALUES (?, ?)")
/// edge.text(id)
/// edge.text("mentioned_in")
/// try edge.insert()
/// ```
///
/// Bind the columns in order, then ``insert()``. Used inside the caller's
/// transaction, on the database's thread, and dropped before the transaction ends.
final class BulkInsert {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    /// The next parameter to bind (SQLite counts from 1).
    private var parameter: Int32 = 1
    /// The first binding that failed, reported by ``insert()``.
    private var failedBinding: (code: Int32, function: String)?

    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed", sql: sql) }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &prepared, nil)
        guard code == SQLITE_OK, let prepared else {
            throw Self.error(code, "sqlite3_prepare_v2", connection: connection, sql: sql)
        }
        self.connection = connection
        self.statement = prepared
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

    /// A C return code as the error GRDB would give, naming the C function.
    private static func error(_ code: Int32, _ function: String, connection: OpaquePointer, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(function): \(String(cString: sqlite3_errmsg(connection)))", sql: sql)
    }

    private func bound(_ code: Int32, _ function: String) {
        if code != SQLITE_OK, failedBinding == nil { failedBinding = (code, function) }
        parameter += 1
    }

    /// Binds the next parameter to `value` (text), or NULL.
    func text(_ value: String?) {
        guard var value else { return null() }
        let code = value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                // A null pointer would bind NULL, not the empty text.
                guard let start = characters.baseAddress, !characters.isEmpty else {
                    return sqlite3_bind_text(statement, parameter, "", 0, Self.transient)
                }
                return sqlite3_bind_text(statement, parameter, start, Int32(clamping: characters.count), Self.transient)
            }
        }
        bound(code, "sqlite3_bind_text")
    }

    /// Binds the next parameter to the text whose UTF-8 bytes are `bytes` (valid UTF-8).
    func text(bytes: UnsafeRawBufferPointer) {
        let code = bytes.withMemoryRebound(to: CChar.self) { characters in
            guard let start = characters.baseAddress, !characters.isEmpty else {
                return sqlite3_bind_text(statement, parameter, "", 0, Self.transient)
            }
            return sqlite3_bind_text(statement, parameter, start, Int32(clamping: characters.count), Self.transient)
        }
        bound(code, "sqlite3_bind_text")
    }

    /// Binds the next parameter to `value` (an integer), or NULL.
    func integer(_ value: Int?) {
        guard let value else { return null() }
        bound(sqlite3_bind_int64(statement, parameter, Int64(value)), "sqlite3_bind_int64")
    }

    /// Binds the next parameter to `bytes` (a blob).
    func blob(_ bytes: Data) {
        let code = bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob(statement, parameter, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(clamping: raw.count), Self.transient)
        }
        bound(code, "sqlite3_bind_blob")
    }

    /// Binds the next parameter to `bytes` (a blob).
    func blob(_ bytes: [UInt8]) {
        let code = bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob(statement, parameter, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(clamping: raw.count), Self.transient)
        }
        bound(code, "sqlite3_bind_blob")
    }

    /// Binds the next parameter to NULL.
    func null() {
        bound(sqlite3_bind_null(statement, parameter), "sqlite3_bind_null")
    }

    /// Inserts the row bound so far, and makes the statement ready for the next one.
    func insert() throws {
        defer {
            sqlite3_reset(statement)
            parameter = 1
            failedBinding = nil
        }
        if let failedBinding { throw Self.error(failedBinding.code, failedBinding.function, connection: connection, sql: sql) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw Self.error(code, "sqlite3_step", connection: connection, sql: sql) }
    }
}
