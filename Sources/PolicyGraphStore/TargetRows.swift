import GRDB
import PolicyGraphCore

/// The `targets` and `target_sources` tables: each target under an integer
/// number, with its sources (those of its `holds_target` edge) beside it,
/// sentence and publication date included, so that the grouped answers read
/// one range of `target_sources` per target and no edge, sentence or document row.
///
/// A full write numbers the targets in the order the target queries read
/// them (subject kind, modality, year, month, subject, id), so one answer's
/// rows lie close together in the file; the merge gives new targets the next
/// numbers and keeps the numbers of the targets it updates.
enum TargetRows {
    /// The columns of a target's row, in the order ``values(number:id:facts:subjectKind:)`` gives them.
    static let columns = """
        number, id, subject_id, subject_kind, relation, year, month, end_year, end_month, day, end_day,
        action, topic, topic_key, value, modality, technology_id
        """
    static let insertSQL = """
        INSERT INTO targets (\(columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET subject_id = excluded.subject_id, subject_kind = excluded.subject_kind,
            relation = excluded.relation, year = excluded.year, month = excluded.month, end_year = excluded.end_year,
            end_month = excluded.end_month, day = excluded.day, end_day = excluded.end_day, action = excluded.action,
            topic = excluded.topic, topic_key = excluded.topic_key, value = excluded.value, modality = excluded.modality,
            technology_id = excluded.technology_id
        """

    /// A value of a target's row: text or integer, either of them NULL.
    enum Value: Equatable {
        case text(String?)
        case integer(Int?)
    }

    /// The row of a target, in the order of ``columns`` (number `nil`: the next free one, or the
    /// stored one when the id is stored).
    static func values(number: Int?, id: NodeID, facts: TargetFacts, subjectKind: String) -> [Value] {
        [.integer(number), .text(id.rawValue), .text(facts.subject.rawValue), .text(subjectKind), .text(facts.relation.rawValue),
         .integer(facts.year), .integer(facts.month), .integer(facts.endYear), .integer(facts.endMonth), .integer(facts.day),
         .integer(facts.endDay), .text(facts.action), .text(facts.topic), .text(KnowledgeGraph.normalize(facts.topic ?? "")),
         .text(facts.value), .text(facts.modality), .text(facts.technology?.rawValue)]
    }

    /// The row of a target as GRDB binds it (``insertSQL``).
    static func arguments(number: Int?, id: NodeID, facts: TargetFacts, subjectKind: String) -> StatementArguments {
        StatementArguments(values(number: number, id: id, facts: facts, subjectKind: subjectKind).map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case let .text(text): text
            case let .integer(integer): integer
            }
        })
    }

    /// A target to number.
    private struct Entry {
        let id: NodeID
        let facts: TargetFacts
        let subjectKind: String
    }

    /// Writes the targets among `nodes` into the emptied `targets` table (the caller's transaction);
    /// ``TargetSourceRows`` adds their sources once the edges are written.
    /// - Parameter kind: the kind of a node (a target's subject), by id.
    /// - Returns: each target's number, by id.
    @discardableResult
    static func insert(_ nodes: some Sequence<Node>, kind: (NodeID) -> NodeKind?, in db: Database) throws -> [NodeID: Int] {
        var entries: [Entry] = []
        for node in nodes {
            guard let facts = node.target else { continue }
            entries.append(Entry(id: node.id, facts: facts, subjectKind: kind(facts.subject)?.rawValue ?? ""))
        }
        let order = TargetOrder.indices(of: entries.map { entry in
            TargetOrder.Key(subjectKind: entry.subjectKind, modality: entry.facts.modality, year: entry.facts.year,
                            month: entry.facts.month ?? 0, subject: entry.facts.subject.rawValue, id: entry.id.rawValue)
        })
        // The table is empty: no row conflicts, so a plain insert gives the rows the upsert would.
        let target = try BulkInsert(db, into: "INSERT INTO targets (\(columns))", columns: 17)
        var numbers: [NodeID: Int] = [:]
        numbers.reserveCapacity(entries.count)
        for (index, entry) in order.map({ entries[$0] }).enumerated() {
            numbers[entry.id] = index + 1
            for value in values(number: index + 1, id: entry.id, facts: entry.facts, subjectKind: entry.subjectKind) {
                switch value {
                case let .text(text): target.text(text)
                case let .integer(integer): target.integer(integer)
                }
            }
            try target.insert()
        }
        try target.finish()
        return numbers
    }

    /// The sources of a target's `holds_target` edge(s), in edge id then source order, with the
    /// sentence's text and the document's publication date (the select that fills `target_sources`).
    /// `CROSS JOIN` keeps the targets the outer loop: each finds its edges in `edges(target_id, type)`
    /// instead of SQLite scanning that whole index for the `holds_target` ones (a few percent of the
    /// edges). The rows come out in window order (target, edge id, position) either way.
    private static func sourcesSQL(where condition: String) -> String {
        """
        INSERT INTO target_sources (target, position, document_id, published, start, "end", rule, sentence)
        SELECT t.number, row_number() OVER (PARTITION BY t.number ORDER BY e.id, s.position) - 1,
               s.document_id, d.published, s.start, s."end", s.rule, x.text
        FROM targets t
        CROSS JOIN edges e ON e.target_id = t.id AND e.type = 'holds_target'
        JOIN edge_sources s ON s.edge_id = e.id
        LEFT JOIN sentences x ON x.id = s.sentence_id
        LEFT JOIN documents d ON d.id = s.document_id
        \(condition)
        """
    }

    /// Fills the emptied `target_sources` from the written targets, edges and sources: one statement
    /// (a full write gathers the same rows as it writes the edges, ``TargetSourceRows``; the tests
    /// compare the two).
    static func fillSources(in db: Database) throws {
        try db.execute(sql: sourcesSQL(where: ""))
    }

    /// Rewrites the sources of the stored targets `ids` from their `holds_target` edges (after the merge changed them).
    static func refreshSources(of ids: some Sequence<NodeID>, in db: Database) throws {
        let delete = try db.makeStatement(sql: "DELETE FROM target_sources WHERE target = (SELECT number FROM targets WHERE id = ?)")
        let insert = try db.makeStatement(sql: sourcesSQL(where: "WHERE t.id = ?"))
        for id in ids {
            try delete.execute(arguments: [id.rawValue])
            try insert.execute(arguments: [id.rawValue])
        }
    }

    /// Deletes a target's row and its sources.
    static func delete(_ id: NodeID, in db: Database) throws {
        try db.execute(sql: "DELETE FROM target_sources WHERE target = (SELECT number FROM targets WHERE id = ?)", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM targets WHERE id = ?", arguments: [id.rawValue])
    }
}
