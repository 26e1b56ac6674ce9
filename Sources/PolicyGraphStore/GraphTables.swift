import Foundation
import GRDB
import PolicyGraphCore

/// The graph as tables: nodes, names, node_documents, targets, edges and
/// edge_sources (docs/store.md). Each node and edge row also keeps its
/// graph.json form, so the exports written from the store are the same bytes
/// as from the graph itself.
enum GraphTables {
    /// The bytes of edge rows a batch holds before it is handed to the inserting thread (``RowPipe``).
    static let rowBatchBytes = 256 * 1024

    /// The tables `replace` fills.
    static let tables = ["target_sources", "edge_sources", "sentences", "edges", "targets", "node_documents", "names", "nodes"]

    /// Replaces the graph tables' contents with `graph` (in the caller's transaction).
    ///
    /// The rows are bound straight through SQLite (``BulkInsert``) and the
    /// secondary indexes are made once the tables are full (``DeferredIndexes``).
    static func replace(with graph: some WalkableGraph, in db: Database, folding: CharacterFolding) throws {
        try replace(nodesOf: graph, sentences: nil, in: db, folding: folding, sideThread: false, batchBytes: rowBatchBytes) { _, whole in
            try graph.forEachEdge(sentences: true, whole)
        }
    }

    /// Replaces the graph tables' contents with `graph`, as the generic ``replace(with:in:folding:)``
    /// does, its `mentioned_in` edges of one source written from their parts (no ``Edge`` made), a
    /// sentence read from the spill only the first time its ref is met (as bytes, no `String` made):
    /// a sentence is the source of several edges.
    ///
    /// - Parameters:
    ///   - sideThread: whether the edge rows are made on a thread of their own while this one
    ///     inserts them (``RowPipe``); the tables and the file are the same bytes either way.
    ///   - batchBytes: the bytes of edge rows handed over at a time (tests make it small).
    static func replace(with graph: BuiltGraph, in db: Database, folding: CharacterFolding, sideThread: Bool = false,
                        batchBytes: Int = rowBatchBytes) throws {
        try replace(nodesOf: graph, sentences: graph.sentences, in: db, folding: folding, sideThread: sideThread,
                    batchBytes: batchBytes) { single, whole in
            try graph.forEachEdge(singleMention: single, whole: whole)
        }
    }

    /// The rows of `graph`'s nodes and of the edges `walk` gives: each edge whole with its sources'
    /// sentences, or a `mentioned_in` edge of one source as its parts, its sentence a ref into `spill`.
    private static func replace(nodesOf graph: some WalkableGraph, sentences spill: SentenceSpill?, in db: Database, folding: CharacterFolding,
                                sideThread: Bool, batchBytes: Int,
                                walk: @escaping @Sendable (_ single: (SingleMentionEdge) throws -> Void, _ whole: (Edge) throws -> Void) throws -> Void) throws {
        let indexes = try DeferredIndexes.drop(on: tables, in: db)
        for table in tables { try db.execute(sql: "DELETE FROM \(table)") }
        let node = try BulkInsert(db, into: """
            INSERT INTO nodes (id, kind, label, ontology_id, parent, first_seen, last_seen, published, document_count, data)
            """, columns: 10)
        let name = try BulkInsert(db, into: "INSERT OR IGNORE INTO names (node_id, name, key, is_label)", columns: 4)
        let nodeDocument = try BulkInsert(db, into: "INSERT OR IGNORE INTO node_documents (node_id, document_id)", columns: 2)
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
        for insert in [node, name, nodeDocument] { try insert.finish() }
        let numbered = TargetSourceRows(numbers: try TargetRows.insert(graph.nodes.values, kind: { graph.nodes[$0]?.kind }, in: db))
        let inserts = try EdgeRows.inserts(db)
        let targetSources = try RowPipe.run(sideThread: sideThread, produce: { emit in
            try EdgeRows.record(walk, spill: spill, targetSources: numbered, batchBytes: batchBytes, emit: emit)
        }, consume: { batch in
            try batch.replay(into: inserts)
        })
        for insert in inserts { try insert.finish() }
        try indexes.create(in: db)
        try targetSources.insert(in: db)
    }

    /// The rows of `edges`, `edge_sources` and `sentences`, each distinct sentence once,
    /// numbered in order of first use, recorded (``RecordedRows``) for the inserts of ``inserts(_:)``.
    private struct EdgeRows {
        /// The inserts' indexes in ``inserts(_:)``.
        static let edge: UInt8 = 0, source: UInt8 = 1, sentence: UInt8 = 2
        var recorded = RecordedRows()
        let encoder = JSONEncoder()
        /// Each distinct sentence's number, known by its digest, not its text, so that the texts
        /// of a large graph are not all held at once.
        var sentenceIDs: [SentenceDigest: Int] = [:]
        /// The number of each spilled sentence already met, by ref (a ref is one document's sentence).
        var refIDs: [SentenceRef: Int] = [:]

        init() {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        /// The inserts of `edges`, `edge_sources` and `sentences`, in the order of the indexes above.
        static func inserts(_ db: Database) throws -> [BulkInsert] {
            [try BulkInsert(db, into: "INSERT INTO edges (id, type, source_id, target_id, weight)", columns: 5),
             try BulkInsert(db, into: """
                INSERT INTO edge_sources (edge_id, position, document_id, sentence_id, start, "end", more_offsets, rule)
                """, columns: 8),
             try BulkInsert(db, into: "INSERT INTO sentences (id, text)", columns: 2)]
        }

        /// Records the rows of the edges `walk` gives, in batches handed to `emit` (the last one
        /// too), and returns `targetSources` with the sources of every edge given whole.
        static func record(_ walk: (_ single: (SingleMentionEdge) throws -> Void, _ whole: (Edge) throws -> Void) throws -> Void,
                           spill: SentenceSpill?, targetSources: TargetSourceRows, batchBytes: Int,
                           emit: (RecordedRows) throws -> Void) throws -> TargetSourceRows {
            var targetSources = targetSources
            var rows = EdgeRows()
            rows.recorded = RecordedRows(capacity: batchBytes + 4096)
            // `emit` is called only while `walk` runs (the walk's callbacks are not kept).
            try withoutActuallyEscaping(emit) { emit in
                func handOn() throws {
                    guard rows.recorded.byteCount >= batchBytes else { return }
                    try emit(rows.recorded)
                    rows.recorded = RecordedRows(capacity: batchBytes + 4096)
                }
                try walk({ mention in
                    rows.edge(id: mention.id, type: .mentionedIn, source: mention.source, target: mention.target, weight: 1)
                    let sentenceID = try spill.flatMap { try rows.sentenceID(of: mention.sentence, in: $0) }
                    try rows.source(edge: mention.id, position: 0, document: mention.document, sentenceID: sentenceID,
                                    offsets: mention.offsets, rule: mention.rule)
                    try handOn()
                }, { value in
                    targetSources.add(value)
                    rows.edge(id: value.id, type: value.type, source: value.source, target: value.target, weight: value.sources.count)
                    for (position, provenance) in value.sources.enumerated() {
                        let sentenceID = provenance.sentence.map { rows.sentenceID(of: $0) }
                        try rows.source(edge: value.id, position: position, document: provenance.document, sentenceID: sentenceID,
                                        offsets: provenance.offsets[...], rule: provenance.rule)
                    }
                    try handOn()
                })
            }
            if !rows.recorded.isEmpty { try emit(rows.recorded) }
            return targetSources
        }

        /// Records an edge's row.
        mutating func edge(id: EdgeID, type: EdgeType, source: NodeID, target: NodeID, weight: Int) {
            recorded.row(of: Self.edge)
            recorded.text(id.rawValue)
            recorded.text(type.rawValue)
            recorded.text(source.rawValue)
            recorded.text(target.rawValue)
            recorded.integer(weight)
            recorded.endRow()
        }

        /// Records an edge source's row.
        mutating func source(edge id: EdgeID, position: Int, document: String, sentenceID: Int?, offsets: ArraySlice<Int>, rule: String?) throws {
            let more = offsets.count > 2 ? String(decoding: try encoder.encode(Array(offsets.dropFirst(2))), as: UTF8.self) : nil
            recorded.row(of: Self.source)
            recorded.text(id.rawValue)
            recorded.integer(position)
            recorded.text(document)
            recorded.integer(sentenceID)
            recorded.integer(offsets.first)
            recorded.integer(offsets.count > 1 ? offsets[offsets.startIndex + 1] : nil)
            recorded.text(more)
            recorded.text(rule)
            recorded.endRow()
        }

        /// The number of a spilled sentence, its row recorded the first time its text is met.
        mutating func sentenceID(of ref: SentenceRef, in spill: SentenceSpill) throws -> Int? {
            if let known = refIDs[ref] { return known }
            let found = try spill.withBytes(ref) { bytes -> Int? in
                guard let bytes else { return nil }
                return sentenceID(digest: SentenceDigest(bytes: bytes)) { $0.text(bytes: bytes) }
            }
            if let found { refIDs[ref] = found }
            return found
        }

        /// The number of a sentence given as text, its row recorded the first time it is met.
        mutating func sentenceID(of text: String) -> Int {
            sentenceID(digest: SentenceDigest(text)) { $0.text(text) }
        }

        /// The number of the sentence of `digest`; the first time, a new one, its row recorded with the text `record` gives.
        private mutating func sentenceID(digest: SentenceDigest, record: (RecordedRows) -> Void) -> Int {
            if let known = sentenceIDs[digest] { return known }
            let new = sentenceIDs.count + 1
            sentenceIDs[digest] = new
            recorded.row(of: Self.sentence)
            recorded.integer(new)
            record(recorded)
            recorded.endRow()
            return new
        }
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
