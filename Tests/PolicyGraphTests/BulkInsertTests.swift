import Foundation
import GRDB
import Testing
@testable import PolicyGraphStore

/// ``BulkInsert`` inserts several rows per run of its statement: the table it
/// fills holds the rows, values and types that one GRDB insert per row gives,
/// in the same order, whatever the number of rows against the batch size.
@Suite struct BulkInsertTests {
    /// A row of the test table: text, integer, blob and text, any of them NULL.
    struct Row: Sendable {
        let text: String?
        let number: Int?
        let bytes: [UInt8]?
        let other: String?
    }

    /// Texts that bind differently from plain ASCII: empty, non-BMP scalars, combining marks, CR LF, NUL.
    static let texts: [String?] = ["", "工业和信息化部", "𠀀😀𝄞", "cafe\u{301}", "caf\u{E9}", "a\r\nb\rc\n", "nul\u{0}inside", nil, "edge_00ff"]

    /// `count` rows cycling through the texts, numbers (negative, zero, extremes) and blobs.
    static func rows(_ count: Int) -> [Row] {
        let numbers: [Int?] = [0, 1, -1, Int.max, Int.min, nil, 42]
        let blobs: [[UInt8]?] = [[], [0], [0xFF, 0x00, 0x7F], nil, Array("{\"a\":1}".utf8)]
        return (0..<count).map { index in
            Row(text: texts[index % texts.count], number: numbers[index % numbers.count],
                bytes: blobs[index % blobs.count], other: texts[(index + 3) % texts.count])
        }
    }

    /// The table's rows in insertion order, each value with its SQLite type.
    static func contents(_ db: Database) throws -> [[String]] {
        try GRDB.Row.fetchAll(db, sql: """
            SELECT quote(a), typeof(a), quote(b), typeof(b), quote(c), typeof(c), quote(d), typeof(d) FROM t ORDER BY rowid
            """).map { row in (0..<8).map { row[$0] as String } }
    }

    /// The table's contents after one GRDB insert per row: what ``BulkInsert`` must give.
    static func insertedOneByOne(_ rows: [Row]) throws -> [[String]] {
        try DatabaseQueue().write { db -> [[String]] in
            try table(db)
            for row in rows {
                try db.execute(sql: "INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)",
                               arguments: [row.text, row.number, row.bytes.map { Data($0) }, row.other])
            }
            return try contents(db)
        }
    }

    static func table(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER, c BLOB, d TEXT)")
    }

    /// Row counts below, at and above the batch size (and several batches), with batch sizes from 1 up.
    @Test(arguments: [0, 1, 2, 3, 63, 64, 65, 129, 200], [1, 2, 3, 64])
    func batchesHoldTheRowsOneInsertPerRowGives(count: Int, rowsPerStep: Int) throws {
        let rows = Self.rows(count)
        let expected = try Self.insertedOneByOne(rows)
        let written = try DatabaseQueue().write { db -> [[String]] in
            try Self.table(db)
            let insert = try BulkInsert(db, into: "INSERT INTO t (a, b, c, d)", columns: 4, rowsPerStep: rowsPerStep)
            for row in rows {
                insert.text(row.text)
                insert.integer(row.number)
                if let bytes = row.bytes { insert.blob(bytes) } else { insert.null() }
                if let other = row.other {
                    var copy = other
                    copy.withUTF8 { insert.text(bytes: UnsafeRawBufferPointer($0)) }
                } else {
                    insert.null()
                }
                try insert.insert()
            }
            try insert.finish()
            try insert.finish() // nothing left: inserts nothing more
            return try Self.contents(db)
        }
        #expect(written.count == count)
        #expect(written == expected)
    }

    /// Texts and blobs bound by pointer into the arena: with chunks smaller than a value, a value
    /// filling a chunk exactly, and values longer than a chunk (a chunk of their own), every
    /// batch holds the values bound for it, not bytes of an earlier batch's.
    @Test(arguments: [1, 3, 8, 4096], [1, 2, 64])
    func valuesBoundFromTheArenaAreTheValuesGiven(chunkSize: Int, rowsPerStep: Int) throws {
        let long = String(repeating: "国务院办公厅𠀀e\u{301}\r\n", count: 40)
        let texts: [String?] = Self.texts + [long, "12345678", "1234567", "x", "", long + "!"]
        let rows = (0..<150).map { index in
            Row(text: texts[index % texts.count], number: index,
                bytes: index % 4 == 0 ? nil : Array((texts[(index * 7) % texts.count] ?? "").utf8), other: texts[(index + 5) % texts.count])
        }
        let expected = try Self.insertedOneByOne(rows)
        let written = try DatabaseQueue().write { db -> [[String]] in
            try Self.table(db)
            let insert = try BulkInsert(db, into: "INSERT INTO t (a, b, c, d)", columns: 4, rowsPerStep: rowsPerStep, arenaChunkSize: chunkSize)
            for row in rows {
                insert.text(row.text)
                insert.integer(row.number)
                if let bytes = row.bytes { insert.blob(Data(bytes)) } else { insert.null() }
                insert.text(row.other)
                try insert.insert()
            }
            try insert.finish()
            return try Self.contents(db)
        }
        #expect(written == expected)
    }

    /// `INSERT OR IGNORE` keeps the first of two rows with one key, within a batch and across batches.
    @Test(arguments: [1, 2, 4, 64])
    func ignoredDuplicatesKeepTheFirstRow(rowsPerStep: Int) throws {
        let keys = ["a", "b", "a", "c", "b", "d", "a", "e", "c"]
        let kept = try DatabaseQueue().write { db -> [[String]] in
            try db.execute(sql: "CREATE TABLE k (key TEXT PRIMARY KEY NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID")
            let insert = try BulkInsert(db, into: "INSERT OR IGNORE INTO k (key, position)", columns: 2, rowsPerStep: rowsPerStep)
            for (position, key) in keys.enumerated() {
                insert.text(key)
                insert.integer(position)
                try insert.insert()
            }
            try insert.finish()
            return try GRDB.Row.fetchAll(db, sql: "SELECT key, position FROM k ORDER BY key").map { [$0[0] as String, String($0[1] as Int)] }
        }
        #expect(kept == [["a", "0"], ["b", "1"], ["c", "3"], ["d", "5"], ["e", "7"]])
    }

    /// A row with more values than columns is refused (it would run into the next row), and a
    /// constraint broken by a row of a batch is reported when the batch runs.
    @Test func misboundRowsAndBrokenConstraintsThrow() throws {
        try DatabaseQueue().write { db in
            try Self.table(db)
            let insert = try BulkInsert(db, into: "INSERT INTO t (a, b, c, d)", columns: 4, rowsPerStep: 3)
            for _ in 0..<4 { insert.integer(1) }
            try insert.insert()
            for _ in 0..<5 { insert.integer(2) }
            #expect(throws: DatabaseError.self) { try insert.insert() }
            // The refused row is left out; the rows before and after it go in.
            for _ in 0..<4 { insert.integer(3) }
            try insert.insert()
            try insert.finish()
            #expect(try Int.fetchAll(db, sql: "SELECT b FROM t ORDER BY rowid") == [1, 3])

            try db.execute(sql: "CREATE TABLE n (value TEXT NOT NULL)")
            let notNull = try BulkInsert(db, into: "INSERT INTO n (value)", columns: 1, rowsPerStep: 3)
            notNull.text("x")
            try notNull.insert()
            notNull.null()
            try notNull.insert()
            #expect(throws: DatabaseError.self) { try notNull.finish() }
        }
    }
}
