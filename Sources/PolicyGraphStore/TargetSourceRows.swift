import GRDB
import PolicyGraphCore

/// The rows of `target_sources` of a full write, gathered from the `holds_target` edges as the
/// edges are written and inserted once the graph tables are indexed: the rows
/// ``TargetRows/fillSources(in:)`` selects from the written tables (each target's edges through
/// `edges(target_id, type)`, their sources, sentences and documents, numbered by a window
/// function), without reading those tables back and sorting them again.
///
/// The rows go in in the order the select gives them (target number, edge id, source position),
/// after the same statements as before, so the store file is the same bytes.
///
/// ```swift
/// var sources = TargetSourceRows(numbers: numbers)   // from TargetRows.insert
/// sources.add(edge)                                  // every edge written
/// try sources.insert(in: db)                         // once the indexes are made
/// ```
struct TargetSourceRows: Sendable {
    /// A source of a target's `holds_target` edge, as its `edge_sources` row holds it.
    private struct Source {
        let number: Int
        let edge: EdgeID
        let position: Int
        let source: Provenance
    }

    /// Each target's number (``TargetRows/insert(_:kind:in:)``), by id.
    let numbers: [NodeID: Int]
    private var rows: [Source] = []

    init(numbers: [NodeID: Int]) { self.numbers = numbers }

    /// Keeps the sources of `edge` if it is a numbered target's `holds_target` edge.
    mutating func add(_ edge: Edge) {
        guard edge.type == .holdsTarget, let number = numbers[edge.target] else { return }
        for (position, source) in edge.sources.enumerated() {
            rows.append(Source(number: number, edge: edge.id, position: position, source: source))
        }
    }

    /// Inserts the rows kept into the emptied `target_sources` (the caller's transaction), each
    /// with its document's publication date, positions counted per target.
    func insert(in db: Database) throws {
        var published: [[UInt8]: String?] = [:]
        let documents = try Row.fetchCursor(db, sql: "SELECT id, published FROM documents")
        while let document = try documents.next() {
            published[Array((document[0] as String).utf8)] = document[1] as String?
        }
        // Ids compared by their bytes, as SQLite's BINARY collation does.
        let sorted = rows.sorted { left, right in
            if left.number != right.number { return left.number < right.number }
            if left.edge != right.edge { return left.edge.rawValue.utf8.lexicographicallyPrecedes(right.edge.rawValue.utf8) }
            return left.position < right.position
        }
        let insert = try BulkInsert(db, into: """
            INSERT INTO target_sources (target, position, document_id, published, start, "end", rule, sentence)
            """, columns: 8)
        var position = 0
        for (index, row) in sorted.enumerated() {
            position = index > 0 && sorted[index - 1].number == row.number ? position + 1 : 0
            let offsets = row.source.offsets
            insert.integer(row.number)
            insert.integer(position)
            insert.text(row.source.document)
            insert.text(published[Array(row.source.document.utf8)] ?? nil)
            insert.integer(offsets.first)
            insert.integer(offsets.count > 1 ? offsets[1] : nil)
            insert.text(row.source.rule)
            insert.text(row.source.sentence)
            try insert.insert()
        }
        try insert.finish()
    }
}
