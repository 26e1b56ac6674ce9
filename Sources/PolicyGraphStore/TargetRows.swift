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
    static let insertSQL = """
        INSERT INTO targets (number, id, subject_id, subject_kind, relation, year, month, end_year, end_month, day, end_day,
                             action, topic, topic_key, value, modality, technology_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET subject_id = excluded.subject_id, subject_kind = excluded.subject_kind,
            relation = excluded.relation, year = excluded.year, month = excluded.month, end_year = excluded.end_year,
            end_month = excluded.end_month, day = excluded.day, end_day = excluded.end_day, action = excluded.action,
            topic = excluded.topic, topic_key = excluded.topic_key, value = excluded.value, modality = excluded.modality,
            technology_id = excluded.technology_id
        """

    /// The row of a target (number `nil`: the next free one, or the stored one when the id is stored).
    static func arguments(number: Int?, id: NodeID, facts: TargetFacts, subjectKind: String) -> StatementArguments {
        [number, id.rawValue, facts.subject.rawValue, subjectKind, facts.relation.rawValue, facts.year, facts.month, facts.endYear,
         facts.endMonth, facts.day, facts.endDay, facts.action, facts.topic, KnowledgeGraph.normalize(facts.topic ?? ""), facts.value,
         facts.modality, facts.technology?.rawValue]
    }

    /// Writes every target of `graph` and its sources into the emptied tables (the caller's transaction).
    static func insert(_ graph: KnowledgeGraph, in db: Database) throws {
        struct Entry {
            let node: Node
            let facts: TargetFacts
            let subjectKind: String
        }
        var rows: [Entry] = []
        for node in graph.nodes.values {
            guard let facts = node.target else { continue }
            rows.append(Entry(node: node, facts: facts, subjectKind: graph[facts.subject]?.kind.rawValue ?? ""))
        }
        rows.sort {
            ($0.subjectKind, $0.facts.modality, $0.facts.year, $0.facts.month ?? 0, $0.facts.subject.rawValue, $0.node.id.rawValue)
                < ($1.subjectKind, $1.facts.modality, $1.facts.year, $1.facts.month ?? 0, $1.facts.subject.rawValue, $1.node.id.rawValue)
        }
        var holders: [NodeID: [Edge]] = [:]
        for edge in graph.edges.values where edge.type == .holdsTarget { holders[edge.target, default: []].append(edge) }
        let target = try db.makeStatement(sql: insertSQL)
        let source = try db.makeStatement(sql: """
            INSERT INTO target_sources (target, position, document_id, published, start, "end", rule, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var published: [String: String] = [:]
        for row in try GRDB.Row.fetchAll(db, sql: "SELECT id, published FROM documents WHERE published IS NOT NULL") { published[row[0]] = row[1] }
        for (index, row) in rows.enumerated() {
            let number = index + 1
            try target.execute(arguments: arguments(number: number, id: row.node.id, facts: row.facts, subjectKind: row.subjectKind))
            let sources = (holders[row.node.id] ?? []).sorted { $0.id < $1.id }.flatMap(\.sources)
            for (position, provenance) in sources.enumerated() {
                try source.execute(arguments: [number, position, provenance.document, published[provenance.document], provenance.offsets.first,
                                               provenance.offsets.count > 1 ? provenance.offsets[1] : nil, provenance.rule, provenance.sentence])
            }
        }
    }

    /// Rewrites the sources of the stored targets `ids` from their `holds_target` edges (after the merge changed them).
    static func refreshSources(of ids: some Sequence<NodeID>, in db: Database) throws {
        let delete = try db.makeStatement(sql: "DELETE FROM target_sources WHERE target = (SELECT number FROM targets WHERE id = ?)")
        let insert = try db.makeStatement(sql: """
            INSERT INTO target_sources (target, position, document_id, published, start, "end", rule, sentence)
            SELECT t.number, row_number() OVER (ORDER BY e.id, s.position) - 1, s.document_id, d.published, s.start, s."end", s.rule, x.text
            FROM targets t
            JOIN edges e ON e.target_id = t.id AND e.type = 'holds_target'
            JOIN edge_sources s ON s.edge_id = e.id
            LEFT JOIN sentences x ON x.id = s.sentence_id
            LEFT JOIN documents d ON d.id = s.document_id
            WHERE t.id = ?
            """)
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
