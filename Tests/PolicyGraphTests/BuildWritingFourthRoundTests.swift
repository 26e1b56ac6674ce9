import Foundation
import GRDB
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// The fourth round of `build`'s writing phase: the edge counts made without a
/// walk, and the store without its two unread per-document indexes (`v4`).
@Suite struct BuildWritingFourthRoundTests {
    /// The built graph of the seeds and the dev texts.
    static func builtGraph() throws -> BuiltGraph {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        return try accumulator.built()
    }

    /// The edges of each type as a walk of the summaries counts them.
    static func walkedCounts(_ graph: some WalkableGraph) throws -> [EdgeType: Int] {
        var counts: [EdgeType: Int] = [:]
        try graph.forEachEdgeSummary { counts[$0.type, default: 0] += 1 }
        return counts
    }

    /// A built graph's edge counts, made from its parts' sizes, are the walk's, also when an
    /// edge of the other part has a mention edge's id (the walk gives only the mention edge).
    @Test func builtGraphsEdgeCountsAreTheWalks() throws {
        let built = try Self.builtGraph()
        #expect(built.mentions.count > 100)
        #expect(built.edgeCounts == (try Self.walkedCounts(built)))
        #expect(built.edgeCounts.values.reduce(0, +) == built.edgeCount)

        // Two other edges with mention ids (one of each end of the id range) and one more of its own.
        var edges = Array(built.graph.edges.values)
        let ids = [built.mentions.id(at: 0), built.mentions.id(at: built.mentions.count - 1)]
        let ends = (NodeID(rawValue: "company_0"), NodeID(rawValue: "document_0"))
        for id in ids { edges.append(Edge(id: id, type: .about, source: ends.0, target: ends.1, sources: [])) }
        edges.append(Edge(id: EdgeID(rawValue: "edge_zz"), type: .about, source: ends.0, target: ends.1, sources: []))
        let overlapping = BuiltGraph(graph: KnowledgeGraph(nodes: Array(built.graph.nodes.values), edges: edges), mentions: built.mentions)
        #expect(overlapping.edgeCounts == (try Self.walkedCounts(overlapping)))
        #expect(overlapping.edgeCounts[.about] == (built.edgeCounts[.about] ?? 0) + 1)
    }

    /// A mention edge id is found among the mention edges; any other id (another edge's, upper
    /// case digits, another length or prefix) is not.
    @Test func mentionEdgeIdsAreFoundByTheirHash() throws {
        let built = try Self.builtGraph()
        for index in 0..<built.mentions.count { #expect(built.mentions.contains(built.mentions.id(at: index))) }
        for edge in built.graph.edges.values { #expect(!built.mentions.contains(edge.id)) }
        let id = built.mentions.id(at: 0).rawValue
        for other in [id.uppercased(), "node_" + id.dropFirst(5), id + "0", String(id.dropLast()), "", "edge_", "edge_" + String(repeating: "g", count: 16)] {
            #expect(!built.mentions.contains(EdgeID(rawValue: other)))
        }
        #expect(!MentionEdges.none.contains(EdgeID(rawValue: id)))
    }

    /// Indexes of the store's tables, by name.
    static func indexes(_ path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return Set(try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") })
    }

    /// A new store has no index on the documents of edge sources and node documents; a `v3`
    /// store (which has them) is read as it is, with the same answers, and opening it for
    /// writing applies `v4`, which drops them.
    @Test func versionFourDropsTheUnreadDocumentIndexes() throws {
        let ontology = sharedExtractor.lexicon.ontology
        let documents = storableDocuments.filter { !$0.id.hasPrefix("dev-") }
        let fresh = temporaryStorePath()
        _ = try StoreBuild.fresh(at: fresh, with: documents, ontology: ontology, settings: .init())
        let dropped: Set<String> = ["edge_sources_document", "node_documents_document"]
        let freshIndexes = try Self.indexes(fresh)
        #expect(freshIndexes.isDisjoint(with: dropped))
        #expect(freshIndexes.isSuperset(of: ["edges_source", "edges_target", "names_key", "targets_query"]))

        // The same store as `v3` left it: the two indexes made, `v4` not applied.
        let old = temporaryStorePath()
        try FileManager.default.copyItem(atPath: fresh, toPath: old)
        let queue = try DatabaseQueue(path: old)
        try queue.write { db in
            try db.execute(sql: """
                CREATE INDEX edge_sources_document ON edge_sources(document_id);
                CREATE INDEX node_documents_document ON node_documents(document_id);
                DELETE FROM grdb_migrations WHERE identifier = 'v4';
                """)
        }
        try queue.close()
        #expect(try Self.indexes(old).isSuperset(of: dropped))

        let reader = try PolicyStore(path: old, readOnly: true)
        #expect(try reader.schemaVersions() == ["v1", "v2", "v3"])
        let current = try PolicyStore(path: fresh, readOnly: true)
        #expect(try reader.graph().jsonData() == current.graph().jsonData())
        #expect(try reader.companies(promising: "固态电池", dueBy: 2030) == current.companies(promising: "固态电池", dueBy: 2030))

        let writer = try PolicyStore(path: old)
        #expect(try writer.schemaVersions() == ["v1", "v2", "v3", "v4"])
        #expect(try Self.indexes(old).isDisjoint(with: dropped))
        #expect(try writer.graph().jsonData() == current.graph().jsonData())
    }
}
