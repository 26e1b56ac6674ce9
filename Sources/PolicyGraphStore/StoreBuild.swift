import Foundation
import GRDB
import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `build`: every document added to a new store, which then replaces the old
/// one in one rename (a failed build leaves the old store as it was).
///
/// The documents stream in (``Fresh/add(_:)``, in input order, each one
/// prepared beforehand on a worker thread) and are written at once. While
/// they come in id order, which is how folders are read, each is also merged
/// into the graph and written to `extraction.json` there and then; otherwise,
/// or when near-duplicates turn up, the graph is built afterwards from the
/// stored extractions, one document at a time (``Fresh/buildGraph()``). The
/// graph and the files are the same either way, and memory grows with the
/// graph, not with the text. The store holds the same rows as one built by
/// ``PolicyStore/ingest(_:ontology:options:rebuild:)``.
public enum StoreBuild {
    /// Builds a fresh store at `path` from `documents`, and returns what the
    /// exports are written from: the stored graph and the stored extractions.
    public static func fresh(at path: String, with documents: [StoredDocument], ontology: Ontology,
                             settings: GraphSettings) throws -> (KnowledgeGraph, [DocumentExtraction]) {
        let build = try Fresh(at: path, ontology: ontology, settings: settings)
        try build.add { add in
            for document in documents { try add(try Prepared(document)) }
        }
        let graph = try build.buildGraph()
        try build.writeGraph(graph)
        try build.commit()
        return (try graph.materialized(), try PolicyStore(path: path, readOnly: true).extractions())
    }

    /// A document ready for the store: its row, its extraction as stored
    /// (JSON) and as `extraction.json` shows it. Made where the document was
    /// extracted, so that the encoding runs in parallel too.
    public struct Prepared: Sendable {
        public let id: String
        public let fingerprint: DocumentFingerprint
        let extraction: DocumentExtraction
        let data: Data
        let element: Data

        public init(_ document: StoredDocument) throws {
            id = document.id
            fingerprint = document.fingerprint
            extraction = document.extraction
            data = Data(StoredExtractionJSON.encode(document.extraction))
            element = try ExtractionJSONStream.element(of: document.extraction)
        }
    }

    /// A store being built from scratch in a temporary file beside `path`:
    /// ``add(_:)`` the documents, ``buildGraph()``, ``writeGraph(_:)``, then
    /// ``commit()`` (or drop it: the temporary file goes).
    ///
    /// Used by one thread at a time (`build` hands it from the reading thread
    /// to an export thread once the graph is built).
    public final class Fresh: @unchecked Sendable {
        public let path: String
        /// Where the store is written until ``commit()``.
        public var temporaryPath: String { temporary }
        let temporary: String
        let ontology: Ontology
        let settings: GraphSettings
        private var store: PolicyStore?
        /// Where `extraction.json` goes, if anywhere.
        private let extractionPath: String?
        /// The graph and `extraction.json` so far, while the documents come in id order.
        private var accumulator: GraphAccumulator?
        private var extractionFile: ExtractionJSONStream?
        private var lastID: String?
        /// Document → the document it duplicates, once the graph is built.
        private var duplicates: [String: String] = [:]
        /// The bytes of edge rows handed between ``writeGraph(_:sideThread:)``'s threads at a time (tests make it small).
        var rowBatchBytes = GraphTables.rowBatchBytes

        /// - Parameter extractionJSON: where to write `extraction.json` (every stored extraction, in id order), if anywhere.
        public init(at path: String, ontology: Ontology, settings: GraphSettings, extractionJSON: String? = nil) throws {
            self.path = path
            self.ontology = ontology
            self.settings = settings
            extractionPath = extractionJSON
            temporary = path + ".building-\(getpid())"
            Self.unlinkFiles(temporary)
            do {
                let store = try PolicyStore(path: temporary)
                // The file is renamed into place only when complete and is synced then:
                // no journal on disk, no sync per transaction.
                try store.database.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                }
                self.store = store
                accumulator = try newAccumulator()
                extractionFile = try extractionJSON.map { try ExtractionJSONStream(path: $0) }
            } catch {
                Self.unlinkFiles(temporary)
                throw error
            }
        }

        deinit {
            // Never committed: a failed build leaves no half-written store behind.
            if store != nil {
                store = nil
                Self.unlinkFiles(temporary)
            }
        }

        /// A graph accumulator whose mention sentences go to a scratch file beside the store.
        private func newAccumulator() throws -> GraphAccumulator {
            GraphAccumulator(builder: GraphBuilder(ontology: ontology), sentences: try SentenceSpill(scratchFile: temporary + "-sentences"))
        }

        static func unlinkFiles(_ path: String) {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
        }

        private func current() throws -> PolicyStore {
            guard let store else { throw StoreError.database(path: path, reason: "the build was already committed") }
            return store
        }

        /// Writes the documents that `fill` hands to `add`, in one transaction.
        /// A document id met twice keeps its last row.
        public func add(_ fill: (_ add: (Prepared) throws -> Void) throws -> Void) throws {
            let store = try current()
            try store.write { db in
                let insert = try db.makeStatement(sql: """
                    INSERT OR REPLACE INTO documents (id, content_hash, bytes, published, published_year, published_source, simhash, shingles)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertExtraction = try db.makeStatement(sql: "INSERT OR REPLACE INTO extractions (document_id, data) VALUES (?, ?)")
                try fill { row in
                    let published = row.extraction.published
                    let year = published.flatMap { Int($0.prefix(4)) }
                    try insert.execute(arguments: [row.id, row.fingerprint.contentHash, row.fingerprint.bytes, published, year,
                                                   row.extraction.publishedSource?.rawValue, Int64(bitPattern: row.fingerprint.simhash),
                                                   row.fingerprint.shingles])
                    try insertExtraction.execute(arguments: [row.id, row.data])
                    try merge(row)
                }
                try PolicyStore.storeFolding(db, ontology: ontology)
            }
        }

        /// Merges `row` into the graph and `extraction.json` at once while the
        /// ids come in order (both Swift's and SQLite's), or drops both for the
        /// pass over the store.
        private func merge(_ row: Prepared) throws {
            guard accumulator != nil else { return }
            if let last = lastID, !(last < row.id && last.utf8.lexicographicallyPrecedes(row.id.utf8)) {
                accumulator = nil
                extractionFile = nil
                return
            }
            lastID = row.id
            accumulator?.add(row.extraction)
            try extractionFile?.append(element: row.element)
        }

        /// Builds the graph of the stored documents (near-duplicates linked to
        /// their original, their facts counted once) and finishes `extraction.json`.
        /// Its `mentioned_in` edges stay compact, their sentences in a scratch file.
        public func buildGraph() throws -> BuiltGraph {
            let store = try current()
            return try store.read { db in
                var items: [NearDuplicates.Item] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT id, simhash, shingles FROM documents ORDER BY id")
                while let row = try rows.next() {
                    items.append(NearDuplicates.Item(id: row[0], simhash: UInt64(bitPattern: row[1]), shingles: row[2]))
                }
                let duplicates = NearDuplicates.canonical(items)
                self.duplicates = duplicates
                let decoder = JSONDecoder()
                let select = try db.makeStatement(sql: "SELECT data FROM extractions WHERE document_id = ?")
                func extraction(_ id: String) throws -> DocumentExtraction {
                    guard let data = try Data.fetchOne(select, arguments: [id]) else {
                        throw StoreError.database(path: path, reason: "document \(id) has no extraction")
                    }
                    return try decoder.decode(DocumentExtraction.self, from: data)
                }
                // extraction.json, unless it was written as the documents came.
                if extractionFile == nil, let extractionPath {
                    let file = try ExtractionJSONStream(path: extractionPath)
                    for item in items { try file.append(try extraction(item.id)) }
                    extractionFile = file
                }
                try extractionFile?.finish()
                extractionFile = nil
                // The graph, unless it was built as the documents came: originals only, in the builder's order.
                if accumulator == nil || !duplicates.isEmpty {
                    accumulator = nil
                    var fresh = try newAccumulator()
                    for id in items.map(\.id).sorted() where duplicates[id] == nil { fresh.add(try extraction(id)) }
                    accumulator = fresh
                }
                guard var graph = try accumulator.take()?.built() else { throw StoreError.database(path: path, reason: "the graph was built already") }
                var duplicateExtractions: [String: DocumentExtraction] = [:]
                for id in duplicates.keys { duplicateExtractions[id] = try extraction(id) }
                graph.graph = StoreGraph.linking(duplicates: duplicates, extractions: duplicateExtractions, into: graph.graph)
                // Co-mentions read every mention's sentence: that graph is held whole.
                if settings.coMentions { graph = BuiltGraph(graph: StoreGraph.addingCoMentions(to: try graph.materialized(), extractions: [])) }
                return graph
            }
        }

        /// Writes `graph` (from ``buildGraph()``) into the store's graph tables.
        /// - Parameter sideThread: whether the edge rows are made on a thread of their own beside
        ///   the one that inserts them (``RowPipe``); the store is the same bytes either way.
        public func writeGraph(_ graph: BuiltGraph, sideThread: Bool = false) throws {
            let store = try current()
            try store.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('co_mentions', ?)", arguments: [settings.coMentions ? "1" : "0"])
                try db.execute(sql: "DELETE FROM settings WHERE key = 'needs_rebuild'")
                let update = try db.makeStatement(sql: "UPDATE documents SET duplicate_of = ? WHERE id = ?")
                for (id, original) in duplicates.sorted(by: { $0.key < $1.key }) { try update.execute(arguments: [original, id]) }
                try GraphTables.replace(with: graph, in: db, folding: ontology.folding, sideThread: sideThread, batchBytes: rowBatchBytes)
            }
        }

        /// Syncs the store to disk and renames it over `path`.
        public func commit() throws {
            _ = try current()
            store = nil // closes the database
            let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                Self.unlinkFiles(temporary)
                throw StoreError.database(path: path, reason: "cannot replace the store (\(reason))")
            }
        }
    }
}

extension PolicyStore {
    /// How extractions are stored: compact JSON with sorted keys. ``StoredExtractionJSON``
    /// writes these bytes directly; this encoder is the reference it is tested against.
    static var extractionEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
