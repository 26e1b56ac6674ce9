import Foundation
import GRDB
import Testing
@testable import PolicyGraphStore

/// ``RecordedRows`` replayed into ``BulkInsert``s gives the tables that binding
/// the same values directly gives: the same rows, values and types, in the same
/// order, with the rows of two inserts interleaved as they were recorded.
@Suite struct RecordedRowsTests {
    /// A value of a row: text (or NULL) or integer (or NULL).
    enum Value {
        case text(String?)
        case integer(Int?)
    }

    /// Texts that bind differently from plain ASCII: empty, non-BMP scalars, combining marks, CR LF, NUL.
    static let texts: [String?] = ["", "工业和信息化部", "𠀀😀𝄞", "cafe\u{301}", "caf\u{E9}", "a\r\nb\rc\n", "nul\u{0}inside", nil, "edge_00ff"]
    static let numbers: [Int?] = [0, 1, -1, Int.max, Int.min, nil, 42]

    /// `count` rows, each for table `t` (2 values) or `u` (3 values), in a mixed order.
    static func rows(_ count: Int) -> [(table: UInt8, values: [Value])] {
        (0..<count).map { index in
            let text = texts[index % texts.count], number = numbers[index % numbers.count]
            if index % 3 == 1 { return (1, [.integer(number), .text(text), .text(texts[(index + 4) % texts.count])]) }
            return (0, [.text(text), .integer(number)])
        }
    }

    static func tables(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER)")
        try db.execute(sql: "CREATE TABLE u (a INTEGER, b TEXT, c TEXT)")
    }

    static func inserts(_ db: Database, rowsPerStep: Int) throws -> [BulkInsert] {
        [try BulkInsert(db, into: "INSERT INTO t (a, b)", columns: 2, rowsPerStep: rowsPerStep),
         try BulkInsert(db, into: "INSERT INTO u (a, b, c)", columns: 3, rowsPerStep: rowsPerStep)]
    }

    /// Both tables' rows by rowid, each value with its SQLite type.
    static func contents(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT 't ' || rowid || ' ' || quote(a) || typeof(a) || ' ' || quote(b) || typeof(b) FROM t
            UNION ALL SELECT 'u ' || rowid || ' ' || quote(a) || typeof(a) || ' ' || quote(b) || typeof(b) || ' ' || quote(c) || typeof(c) FROM u
            """)
    }

    static func bind(_ value: Value, into insert: BulkInsert) {
        switch value {
        case .text(let text): insert.text(text)
        case .integer(let number): insert.integer(number)
        }
    }

    static func record(_ value: Value, into rows: RecordedRows) {
        switch value {
        case .text(let text): rows.text(text)
        case .integer(let number): rows.integer(number)
        }
    }

    /// Row counts around the batch sizes, recorded whole or in several pieces (each piece replayed in turn).
    @Test(arguments: [0, 1, 2, 3, 64, 65, 200], [1, 3, 64])
    func replayedRowsAreTheRowsBoundDirectly(count: Int, rowsPerStep: Int) throws {
        let rows = Self.rows(count)
        let expected = try DatabaseQueue().write { db -> [String] in
            try Self.tables(db)
            let inserts = try Self.inserts(db, rowsPerStep: rowsPerStep)
            for row in rows {
                for value in row.values { Self.bind(value, into: inserts[Int(row.table)]) }
                try inserts[Int(row.table)].insert()
            }
            for insert in inserts { try insert.finish() }
            return try Self.contents(db)
        }
        #expect(expected.count == count)
        for piece in [1, 7, max(count, 1)] {
            let replayed = try DatabaseQueue().write { db -> [String] in
                try Self.tables(db)
                let inserts = try Self.inserts(db, rowsPerStep: rowsPerStep)
                for start in stride(from: 0, to: count, by: piece) {
                    let recorded = RecordedRows()
                    for row in rows[start..<min(start + piece, count)] {
                        recorded.row(of: row.table)
                        for value in row.values { Self.record(value, into: recorded) }
                        recorded.endRow()
                    }
                    try recorded.replay(into: inserts)
                }
                for insert in inserts { try insert.finish() }
                return try Self.contents(db)
            }
            #expect(replayed == expected, "pieces of \(piece) rows")
        }
    }

    /// Texts given as bytes are those given as `String`s; no rows record nothing.
    @Test func textsAsBytesAreTheStrings() {
        #expect(RecordedRows().isEmpty)
        for case let text? in Self.texts {
            let fromString = RecordedRows(), fromBytes = RecordedRows()
            fromString.text(text)
            var copy = text
            copy.withUTF8 { fromBytes.text(bytes: UnsafeRawBufferPointer($0)) }
            #expect(fromString.bytes == fromBytes.bytes)
            #expect(fromString.byteCount == 9 + text.utf8.count)
        }
    }

    /// A row whose value fails to bind (too many values) throws at its insert, as a direct binding does.
    @Test func aFailedBindingThrowsAtItsRow() throws {
        try DatabaseQueue().write { db in
            try Self.tables(db)
            let inserts = try Self.inserts(db, rowsPerStep: 1)
            let recorded = RecordedRows()
            recorded.row(of: 0)
            recorded.text("a")
            recorded.integer(1)
            recorded.integer(2)
            recorded.endRow()
            #expect(throws: DatabaseError.self) { try recorded.replay(into: inserts) }
            for insert in inserts { try insert.finish() }
        }
    }
}
