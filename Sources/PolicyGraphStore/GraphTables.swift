import Foundation
import GRDB
import PolicyGraphCore

/// The graph as tables: nodes, names, node_documents, targets, edges and
/// edge_sources (docs/store.md). Each node and edge row also keeps its
/// graph.json form, so the exports written from the store are the same bytes
/// as from the graph itself.
enum GraphTables {
    /// The tables `replace` fills.
    static let tables = ["target_sources", "edge_sources", "sentences", "edges", "targets", "node_documents", "names", "nodes"]

    /// Replaces the graph tables' contents with `graph` (in the caller's transaction).
    ///
    /// The rows are bound straight through SQLite (``BulkInsert``) and the
    /// secondary indexes are made once the tables are full (``DeferredIndexes``).
    static func replace(with graph: some WalkableGraph, in db: Database, folding: CharacterFolding) throws {
        try replace(nodesOf: graph, sentences: nil, in: db, folding: folding) { body in
            try graph.forEachEdge(sentences: true) { try body($0, nil) }
        }
    }

    /// Replaces the graph tables' contents with `graph`, as the generic ``replace(with:in:folding:)``
    /// does, reading a `mentioned_in` source's sentence from the spill only the first time its ref
    /// is met (as bytes, no `String` made): a sentence is the source of several edges.
    static func replace(with graph: BuiltGraph, in db: Database, folding: CharacterFolding) throws {
        try replace(nodesOf: graph, sentences: graph.sentences, in: db, folding: folding) { body in
            try graph.forEachEdge(sentenceRefs: body)
        }
    }

    /// The rows of `graph`'s nodes and of the edges `walk` gives: each edge with its sources'
    /// sentences, or with the ref into `spill` of its one source's sentence.
    private static func replace(nodesOf graph: some WalkableGraph, sentences spill: SentenceSpill?, in db: Database, folding: CharacterFolding,
                                walk: (_ body: (Edge, SentenceRef?) throws -> Void) throws -> Void) throws {
        let indexes = try DeferredIndexes.drop(on: tables, in: db)
        for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let node = try BulkInsert(db, sql: """
            INSERT INTO nodes (id, kind, label, ontology_id, parent, first_seen, last_seen, published, document_count, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let name = try BulkInsert(db, sql: "INSERT OR IGNORE INTO names (node_id, name, key, is_label) VALUES (?, ?, ?, ?)")
        let nodeDocument = try BulkInsert(db, sql: "INSERT OR IGNORE INTO node_documents (node_id, document_id) VALUES (?, ?)")
        for value in graph.nodes.values {
            node.text(value.id.rawValue)
            node.text(value.kind.rawValue)
            node.text(value.label)
            node.text(value.ontologyID)
            node.text(value.parent)
            node.text(value.firstSeen)
            node.text(value.lastSeen)
            node.text(value.published)
            node.integer(value.documents.count)
            node.blob(StoredNodeJSON.bytes(of: value))
            try node.insert()
            if value.kind != .target {
                func insertName(_ text: String, isLabel: Bool) throws {
                    name.text(value.id.rawValue)
                    name.text(text)
                    name.text(LookupKey.key(text, folding: folding))
                    name.integer(isLabel ? 1 : 0)
                    try name.insert()
                }
                try insertName(value.label, isLabel: true)
                for alias in value.aliases where alias != value.label { try insertName(alias, isLabel: false) }
            }
            for document in value.documents {
                nodeDocument.text(value.id.rawValue)
                nodeDocument.text(document)
                try nodeDocument.insert()
            }
        }
        try TargetRows.insert(graph.nodes.values, kind: { graph.nodes[$0]?.kind }, in: db)
        let edge = try BulkInsert(db, sql: "INSERT INTO edges (id, type, source_id, target_id, weight) VALUES (?, ?, ?, ?, ?)")
        let source = try BulkInsert(db, sql: """
            INSERT INTO edge_sources (edge_id, position, document_id, sentence_id, start, "end", more_offsets, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let sentence = try BulkInsert(db, sql: "INSERT INTO sentences (id, text) VALUES (?, ?)")
        // Each distinct sentence once, numbered in order of first use; known by its digest, not its text,
        // so that the texts of a large graph are not all held at once.
        var sentenceIDs: [SentenceDigest: Int] = [:]
        // The number of each spilled sentence already met, by ref (a ref is one document's sentence).
        var refIDs: [SentenceRef: Int] = [:]
        try walk { value, ref in
            edge.text(value.id.rawValue)
            edge.text(value.type.rawValue)
            edge.text(value.source.rawValue)
            edge.text(value.target.rawValue)
            edge.integer(value.sources.count)
            try edge.insert()
            for (position, provenance) in value.sources.enumerated() {
                var sentenceID: Int? = nil
                if let ref, let spill {
                    if let known = refIDs[ref] { sentenceID = known } else {
                        sentenceID = try spill.withBytes(ref) { bytes -> Int? in
                            guard let bytes else { return nil }
                            let digest = SentenceDigest(bytes: bytes)
                            if let known = sentenceIDs[digest] { return known }
                            let new = sentenceIDs.count + 1
                            sentenceIDs[digest] = new
                            sentence.integer(new)
                            sentence.text(bytes: bytes)
                            try sentence.insert()
                            return new
                        }
                        if let sentenceID { refIDs[ref] = sentenceID }
                    }
                } else if let text = provenance.sentence {
                    let digest = SentenceDigest(text)
                    if let known = sentenceIDs[digest] { sentenceID = known } else {
                        sentenceID = sentenceIDs.count + 1
                        sentenceIDs[digest] = sentenceID
                        sentence.integer(sentenceID)
                        sentence.text(text)
                        try sentence.insert()
                    }
                }
                let offsets = provenance.offsets
                source.text(value.id.rawValue)
                source.integer(position)
                source.text(provenance.document)
                source.integer(sentenceID)
                source.integer(offsets.first)
                source.integer(offsets.count > 1 ? offsets[1] : nil)
                source.text(offsets.count > 2 ? String(decoding: try encoder.encode(Array(offsets.dropFirst(2))), as: UTF8.self) : nil)
                source.text(provenance.rule)
                try source.insert()
            }
        }
        try indexes.create(in: db)
        try TargetRows.fillSources(in: db)
    }

    /// A sentence's length and two 64-bit hashes of it (FNV-1a, and a variant
    /// with another basis, prime and increment): two different sentences share
    /// a digest only if both hashes collide at once.
    struct SentenceDigest: Hashable {
        let first: UInt64
        let second: UInt64
        let length: Int

        init(_ text: String) {
            var text = text
            self = text.withUTF8 { Self(bytes: UnsafeRawBufferPointer($0)) }
        }

        /// The digest of the text whose UTF-8 bytes are `bytes`.
        init(bytes: UnsafeRawBufferPointer) {
            var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second ^ UInt64(byte)) &* 0x0000_0001_0000_0193 &+ 0x9e37_79b9_7f4a_7c15
            }
            (self.first, self.second, length) = (first, second, bytes.count)
        }
    }

    /// The whole graph, for the exports (queries never call this).
    static func load(_ db: Database) throws -> KnowledgeGraph {
        let decoder = JSONDecoder()
        var nodes: [Node] = []
        let nodeRows = try Data.fetchCursor(db, sql: "SELECT data FROM nodes ORDER BY id")
        while let data = try nodeRows.next() { nodes.append(try decoder.decode(Node.self, from: data)) }
        // Edges and their sources, both in edge id order: one merge pass.
        var edges: [Edge] = []
        let edgeRows = try Row.fetchCursor(db, sql: "SELECT id, type, source_id, target_id FROM edges ORDER BY id")
        let sourceRows = try Row.fetchCursor(db, sql: """
            SELECT s.edge_id, s.document_id, t.text, s.start, s."end", s.more_offsets, s.rule
            FROM edge_sources s LEFT JOIN sentences t ON t.id = s.sentence_id ORDER BY s.edge_id, s.position
            """)
        var pending = try sourceRows.next()
        while let row = try edgeRows.next() {
            let id: String = row[0]
            guard let type = EdgeType(rawValue: row[1]) else { continue }
            var sources: [Provenance] = []
            while let source = pending, (source[0] as String) == id {
                var offsets = [source[3], source[4]].compactMap { $0 as Int? }
                if let more: String = source[5] { offsets += try decoder.decode([Int].self, from: Data(more.utf8)) }
                sources.append(Provenance(document: source[1], sentence: source[2], offsets: offsets, rule: source[6]))
                pending = try sourceRows.next()
            }
            edges.append(Edge(id: EdgeID(rawValue: id), type: type, source: NodeID(rawValue: row[2]), target: NodeID(rawValue: row[3]), sources: sources))
        }
        return KnowledgeGraph(nodes: nodes, edges: edges)
    }
}

extension PolicyStore {
    /// The whole graph as stored: what the exports are written from.
    public func graph() throws -> KnowledgeGraph {
        try read { db in try GraphTables.load(db) }
    }

    /// The stored extractions, by document id: what `extraction.json` is written from.
    public func extractions() throws -> [DocumentExtraction] {
        let decoder = JSONDecoder()
        return try read { db in
            try Data.fetchAll(db, sql: "SELECT data FROM extractions ORDER BY document_id").map { try decoder.decode(DocumentExtraction.self, from: $0) }
        }
    }
}
