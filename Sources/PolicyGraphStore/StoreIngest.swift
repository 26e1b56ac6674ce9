import Foundation
import GRDB
import PolicyGraphCore

/// A document to put in the store: its id (the path as given), its text's
/// fingerprint and its extraction.
public struct StoredDocument: Sendable {
    public let id: String
    public let fingerprint: DocumentFingerprint
    public let extraction: DocumentExtraction

    public init(id: String, fingerprint: DocumentFingerprint, extraction: DocumentExtraction) {
        self.id = id
        self.fingerprint = fingerprint
        self.extraction = extraction
    }
}

/// What an `add` or a `remove` changed.
public struct IngestReport: Equatable, Sendable {
    public var added: [String] = []
    public var replaced: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// Document → the document it duplicates, after the change.
    public var duplicates: [String: String] = [:]
    /// How the graph tables followed the change.
    public var graph: GraphUpdate = .unchanged
    public init() {}
}

/// How an add or a remove updated the graph tables.
public enum GraphUpdate: Equatable, Sendable {
    /// Nothing to do (no document changed).
    case unchanged
    /// Only the rows the new documents name were read and written (``IncrementalMerge``).
    case merged
    /// Rebuilt from every stored extraction, with the reason the merge could not be used.
    case rebuilt(reason: String)
}

/// How the graph is built from the stored extractions.
public struct GraphSettings: Sendable, Equatable {
    /// Entities named in one sentence get weighted `co_mentioned` edges.
    public var coMentions: Bool
    public init(coMentions: Bool = false) { self.coMentions = coMentions }
}

extension PolicyStore {
    /// Puts documents in the store (new ones added, changed ones replaced,
    /// unchanged ones left as they are), then rebuilds the graph tables.
    ///
    /// The graph depends only on the set of stored documents, never on the
    /// order or the steps in which they came.
    @discardableResult
    public func ingest(_ documents: [StoredDocument], ontology: Ontology, options: GraphSettings = .init(), rebuild: Bool = true) throws -> IngestReport {
        var report = IngestReport()
        let known = try contentHashes()
        let stored = try storedOptions()
        let pending = try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'needs_rebuild'") != nil }
        var written: [StoredDocument] = []
        try write { db in
            let insert = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO documents (id, content_hash, bytes, published, published_year, published_source, simhash, shingles)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertExtraction = try db.makeStatement(sql: "INSERT OR REPLACE INTO extractions (document_id, data) VALUES (?, ?)")
            for document in documents {
                switch known[document.id] {
                case document.fingerprint.contentHash?: report.unchanged.append(document.id); continue
                case nil: report.added.append(document.id)
                default: report.replaced.append(document.id)
                }
                let extraction = document.extraction
                let year = extraction.published.flatMap { Int($0.prefix(4)) }
                try insert.execute(arguments: [document.id, document.fingerprint.contentHash, document.fingerprint.bytes,
                                               extraction.published, year, extraction.publishedSource?.rawValue,
                                               Int64(bitPattern: document.fingerprint.simhash), document.fingerprint.shingles])
                try insertExtraction.execute(arguments: [document.id, Data(StoredExtractionJSON.encode(extraction))])
                written.append(document)
            }
            try Self.storeFolding(db, ontology: ontology)
            // Until the graph tables follow, the store says they must be rebuilt (a crash in between is mended by the next add).
            if !written.isEmpty { try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('needs_rebuild', '1')") }
        }
        guard rebuild || options != stored || pending else { return report }
        let reason: IncrementalMerge.NotLocal?
        if known.isEmpty { reason = .init(reason: "a new store") }
        else if pending { reason = .init(reason: "the store asked for a rebuild") }
        else if options != stored { reason = .init(reason: "other graph settings") }
        else if !report.replaced.isEmpty { reason = .init(reason: "changed documents replace their facts") }
        else if let last = known.keys.max(), let first = written.map(\.id).min(), first <= last {
            reason = .init(reason: "\(first) sorts before \(last), a stored document")
        } else { reason = nil }
        let merged = try reason.map { Result.failure($0) } ?? mergeIncrementally(written, ontology: ontology, options: options)
        switch merged {
        case .success(let duplicates):
            report.duplicates = duplicates
            report.graph = .merged
        case .failure(let notLocal):
            report.duplicates = try rebuildGraph(ontology: ontology, options: options)
            report.graph = .rebuilt(reason: notLocal.reason)
        }
        return report
    }

    /// Merges documents that sort after every stored one into the graph tables, touching only
    /// the rows they name. Returns the near-duplicates after the change, or (nothing written) why it is not local.
    func mergeIncrementally(_ documents: [StoredDocument], ontology: Ontology,
                            options: GraphSettings) throws -> Result<[String: String], IncrementalMerge.NotLocal> {
        do {
            return .success(try write { db in
                var merge = IncrementalMerge(db: db, ontology: ontology, settings: options)
                try merge.append(documents)
                try merge.save()
                try db.execute(sql: "DELETE FROM settings WHERE key = 'needs_rebuild'")
                var duplicates: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL") { duplicates[row[0]] = row[1] }
                return duplicates
            })
        } catch let error as IncrementalMerge.NotLocal {
            return .failure(error)
        }
    }

    /// Takes documents back: their rows go, and the graph is rebuilt without
    /// them, so every fact that only they supported goes too.
    /// - Throws: ``StoreError/unknownDocument(_:suggestions:)`` when an id is not stored (nothing is removed then).
    @discardableResult
    public func remove(_ ids: [String], ontology: Ontology, options: GraphSettings = .init()) throws -> IngestReport {
        let stored = Set(try documentIDs())
        for id in ids where !stored.contains(id) {
            let suggestions = NameSuggestions.closest(to: id, among: Array(stored), limit: 3)
            throw StoreError.unknownDocument(id, suggestions: suggestions)
        }
        var report = IngestReport()
        try write { db in
            for id in Set(ids).sorted() {
                try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM extractions WHERE document_id = ?", arguments: [id])
                report.removed.append(id)
            }
        }
        report.duplicates = try rebuildGraph(ontology: ontology, options: options)
        return report
    }

    /// Rebuilds the graph tables from the stored extractions: near-duplicates
    /// are linked to their original and their facts count once.
    /// Returns document → the document it duplicates.
    @discardableResult
    func rebuildGraph(ontology: Ontology, options: GraphSettings) throws -> [String: String] {
        let decoder = JSONDecoder()
        var items: [NearDuplicates.Item] = []
        var extractions: [String: DocumentExtraction] = [:]
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.simhash, d.shingles, x.data FROM documents d JOIN extractions x ON x.document_id = d.id ORDER BY d.id
                """)
            while let row = try rows.next() {
                let id: String = row[0]
                items.append(NearDuplicates.Item(id: id, simhash: UInt64(bitPattern: row[1]), shingles: row[2]))
                let data: Data = row[3]
                extractions[id] = try decoder.decode(DocumentExtraction.self, from: data)
            }
        }
        let duplicates = NearDuplicates.canonical(items)
        let originals = items.map(\.id).filter { duplicates[$0] == nil }.compactMap { extractions[$0] }
        var graph = GraphBuilder(ontology: ontology).build(originals)
        graph = StoreGraph.linking(duplicates: duplicates, extractions: extractions, into: graph)
        if options.coMentions { graph = StoreGraph.addingCoMentions(to: graph, extractions: originals) }
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('co_mentions', ?)", arguments: [options.coMentions ? "1" : "0"])
            try db.execute(sql: "DELETE FROM settings WHERE key = 'needs_rebuild'")
            try db.execute(sql: "UPDATE documents SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
            let update = try db.makeStatement(sql: "UPDATE documents SET duplicate_of = ? WHERE id = ?")
            for (id, original) in duplicates.sorted(by: { $0.key < $1.key }) { try update.execute(arguments: [original, id]) }
            try GraphTables.replace(with: graph, in: db, folding: ontology.folding)
        }
        return duplicates
    }

    /// The graph options the store was last built with (`--co-mentions` sticks).
    public func storedOptions() throws -> GraphSettings {
        try read { db in GraphSettings(coMentions: try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'co_mentions'") == "1") }
    }

    /// The folding table: every CJK character the ontology folds, and its simplified form.
    static func storeFolding(_ db: Database, ontology: Ontology) throws {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM folding") == 0 else { return }
        let insert = try db.makeStatement(sql: "INSERT OR REPLACE INTO folding (\"from\", \"to\") VALUES (?, ?)")
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF5E]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(Character(scalar))
                let folded = ontology.folding.fold(text)
                if folded != text { try insert.execute(arguments: [text, folded]) }
            }
        }
    }
}
