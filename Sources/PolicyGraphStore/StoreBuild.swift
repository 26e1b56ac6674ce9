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
/// encoded beforehand on a worker thread) and are written at once; the graph
/// is then built from the stored extractions one document at a time
/// (``Fresh/buildGraph(eachExtraction:)``). Memory grows with the graph, not
/// with the text. The store holds the same rows as one built by
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
        var extractions: [DocumentExtraction] = []
        let graph = try build.buildGraph { extractions.append($0) }
        try build.commit()
        return (graph, extractions)
    }

    /// A document ready for the store: its row and its extraction as stored (JSON).
    /// Made where the document was extracted, so that encoding runs in parallel too.
    public struct Prepared: Sendable {
        public let id: String
        public let fingerprint: DocumentFingerprint
        let published: String?
        let publishedSource: String?
        let data: Data

        public init(_ document: StoredDocument) throws {
            id = document.id
            fingerprint = document.fingerprint
            published = document.extraction.published
            publishedSource = document.extraction.publishedSource?.rawValue
            data = try PolicyStore.extractionEncoder.encode(document.extraction)
        }
    }

    /// A store being built from scratch in a temporary file beside `path`:
    /// ``add(_:)`` the documents, ``buildGraph(eachExtraction:)``, then
    /// ``commit()`` (or drop it: the temporary file goes).
    public final class Fresh {
        public let path: String
        /// Where the store is written until ``commit()``.
        public var temporaryPath: String { temporary }
        let temporary: String
        let ontology: Ontology
        let settings: GraphSettings
        private var store: PolicyStore?

        public init(at path: String, ontology: Ontology, settings: GraphSettings) throws {
            self.path = path
            self.ontology = ontology
            self.settings = settings
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
                    let year = row.published.flatMap { Int($0.prefix(4)) }
                    try insert.execute(arguments: [row.id, row.fingerprint.contentHash, row.fingerprint.bytes, row.published, year,
                                                   row.publishedSource, Int64(bitPattern: row.fingerprint.simhash), row.fingerprint.shingles])
                    try insertExtraction.execute(arguments: [row.id, row.data])
                }
                try PolicyStore.storeFolding(db, ontology: ontology)
            }
        }

        /// Builds the graph from the stored extractions and writes its tables.
        /// `eachExtraction` receives every stored extraction in id order (what
        /// `extraction.json` holds), one at a time.
        /// - Returns: the graph, as ``PolicyStore/graph()`` reads it back.
        public func buildGraph(eachExtraction: (DocumentExtraction) throws -> Void = { _ in }) throws -> KnowledgeGraph {
            let store = try current()
            return try store.write { db in
                var items: [NearDuplicates.Item] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT id, simhash, shingles FROM documents ORDER BY id")
                while let row = try rows.next() {
                    items.append(NearDuplicates.Item(id: row[0], simhash: UInt64(bitPattern: row[1]), shingles: row[2]))
                }
                let duplicates = NearDuplicates.canonical(items)
                // The builder takes documents in Swift's order of ids, the file in SQLite's (bytes): nearly always the same.
                let storeOrder = items.map(\.id)
                let builderOrder = storeOrder.sorted()
                var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: ontology))
                var duplicateExtractions: [String: DocumentExtraction] = [:]
                let decoder = JSONDecoder()
                let select = try db.makeStatement(sql: "SELECT data FROM extractions WHERE document_id = ?")
                func extraction(_ id: String) throws -> DocumentExtraction {
                    guard let data = try Data.fetchOne(select, arguments: [id]) else {
                        throw StoreError.database(path: path, reason: "document \(id) has no extraction")
                    }
                    return try decoder.decode(DocumentExtraction.self, from: data)
                }
                let oneOrder = storeOrder == builderOrder
                for id in storeOrder {
                    let value = try extraction(id)
                    try eachExtraction(value)
                    if duplicates[id] != nil {
                        duplicateExtractions[id] = value
                    } else if oneOrder {
                        accumulator.add(value)
                    }
                }
                if !oneOrder {
                    for id in builderOrder where duplicates[id] == nil { accumulator.add(try extraction(id)) }
                }
                var graph = accumulator.graph()
                graph = StoreGraph.linking(duplicates: duplicates, extractions: duplicateExtractions, into: graph)
                if settings.coMentions { graph = StoreGraph.addingCoMentions(to: graph, extractions: []) }
                try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('co_mentions', ?)", arguments: [settings.coMentions ? "1" : "0"])
                try db.execute(sql: "DELETE FROM settings WHERE key = 'needs_rebuild'")
                let update = try db.makeStatement(sql: "UPDATE documents SET duplicate_of = ? WHERE id = ?")
                for (id, original) in duplicates.sorted(by: { $0.key < $1.key }) { try update.execute(arguments: [original, id]) }
                try GraphTables.replace(with: graph, in: db, folding: ontology.folding)
                return graph
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
    /// How extractions are stored: compact JSON with sorted keys.
    static var extractionEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
