import GRDB
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// The `target_sources` rows a full write gathers as it writes the edges (``TargetSourceRows``)
/// are those ``TargetRows/fillSources(in:)`` selects from the written tables: same rows, values,
/// types and positions.
@Suite struct TargetSourceRowsTests {
    /// `target_sources`, each value with its SQLite type, in key order.
    static func contents(_ db: Database) throws -> [[String]] {
        let columns = ["target", "position", "document_id", "published", "start", "\"end\"", "rule", "sentence"]
        let select = columns.map { "quote(\($0)), typeof(\($0))" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(select) FROM target_sources ORDER BY target, position").map { row in
            (0..<(2 * columns.count)).map { row[$0] as String }
        }
    }

    /// The rows written by `GraphTables.replace`, and those the select gives from the same tables.
    static func bothRows(of graph: KnowledgeGraph, documents: [(id: String, published: String?)]) throws -> (fast: [[String]], select: [[String]]) {
        let store = try PolicyStore(path: temporaryStorePath("target-sources"))
        return try store.database.write { db in
            for document in documents {
                try db.execute(sql: """
                    INSERT INTO documents (id, content_hash, bytes, published, simhash, shingles) VALUES (?, '', 0, ?, 0, 0)
                    """, arguments: [document.id, document.published])
            }
            try GraphTables.replace(with: graph, in: db, folding: CharacterFolding())
            let fast = try contents(db)
            try db.execute(sql: "DELETE FROM target_sources")
            try TargetRows.fillSources(in: db)
            return (fast, try contents(db))
        }
    }

    /// Targets with several `holds_target` edges (positions run on across edges in id order) or
    /// none, sources without sentence, offsets or rule, sentences of every kind (empty, non-BMP,
    /// combining mark, CR LF), documents unknown to the store, and two document ids that are
    /// equal as `String`s but not as bytes (SQLite tells them apart), each with its own date.
    @Test func gatheredRowsAreTheSelectsRows() throws {
        let company = NodeID(kind: .company, key: "company:宁德时代")
        let agency = NodeID(kind: .government, key: "government:工信部")
        func entity(_ id: NodeID, _ kind: NodeKind) -> Node {
            Node(id: id, kind: kind, label: id.rawValue, aliases: [], ontologyID: nil, parent: nil, firstSeen: nil, lastSeen: nil,
                 documents: [], published: nil, target: nil)
        }
        var nodes = [entity(company, .company), entity(agency, .government)]
        var edges: [Edge] = []
        let composed = "caf\u{E9}.txt", decomposed = "cafe\u{301}.txt"
        let sentences: [String?] = [nil, "", "量产固态电池", "𠀀😀", "cafe\u{301}", "a\r\nb"]
        let documents = ["a.txt", "b.txt", "unknown.txt", composed, decomposed]
        let offsets: [[Int]] = [[], [3], [10, 22], [1, 2, 3, 4]]
        for index in 0..<12 {
            let target = NodeID(kind: .target, key: "target:\(index)")
            let facts = TargetFacts(subject: index % 2 == 0 ? company : agency, relation: .by, year: 2025 + index % 3, month: nil,
                                    endYear: nil, endMonth: nil, action: "量产", topic: "固态电池", value: nil,
                                    modality: index % 3 == 0 ? "goal" : "promise", technology: nil)
            nodes.append(Node(id: target, kind: .target, label: "target \(index)", aliases: [], ontologyID: nil, parent: nil, firstSeen: nil,
                              lastSeen: nil, documents: ["a.txt"], published: nil, target: facts))
            // Target 11 has no edge; targets divisible by 4 are held by both subjects (two edges).
            guard index != 11 else { continue }
            for subject in index % 4 == 0 ? [company, agency] : [facts.subject] {
                let sources = (0..<(1 + index % 4)).map { source in
                    Provenance(document: documents[(index + source) % documents.count], sentence: sentences[(index + source) % sentences.count],
                               offsets: offsets[(index + source) % offsets.count], rule: source == 1 ? nil : "subject.nearest")
                }
                edges.append(Edge(id: EdgeID(type: .holdsTarget, source: subject, target: target), type: .holdsTarget, source: subject,
                                  target: target, sources: sources))
            }
            let about = Provenance(document: "a.txt", sentence: "x", offsets: [1, 2], rule: "r")
            edges.append(Edge(id: EdgeID(type: .about, source: target, target: company), type: .about, source: target, target: company,
                              sources: [about]))
        }
        // A holds_target edge whose target is no target: no row.
        edges.append(Edge(id: EdgeID(type: .holdsTarget, source: agency, target: company), type: .holdsTarget, source: agency,
                          target: company, sources: [Provenance(document: "a.txt", sentence: "y", offsets: [], rule: nil)]))
        let rows = try Self.bothRows(of: KnowledgeGraph(nodes: nodes, edges: edges),
                                     documents: [("a.txt", "2024-01-29"), ("b.txt", nil), (composed, "2025-03"), (decomposed, "2026")])
        #expect(rows.fast.count == 29)
        #expect(rows.fast == rows.select)
        #expect(rows.fast.contains { $0[6] == "'2026'" } && rows.fast.contains { $0[6] == "'2025-03'" })
    }

    @Test func aGraphWithoutTargetsHasNoRows() throws {
        let rows = try Self.bothRows(of: KnowledgeGraph(nodes: [], edges: []), documents: [])
        #expect(rows.fast.isEmpty && rows.select.isEmpty)
    }

    /// The seeds and the dev texts, built as `build` builds them.
    @Test func theSeedsRowsAreTheSelectsRows() throws {
        let graph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(storableDocuments.map(\.extraction))
        let rows = try Self.bothRows(of: graph, documents: storableDocuments.map { ($0.id, $0.extraction.published) })
        #expect(rows.fast.count > 20)
        #expect(rows.fast == rows.select)
    }
}
