import Foundation
import GRDB
import PolicyGraphCore

/// The embedded store: one SQLite file holding the documents with their
/// extractions, and the knowledge graph built from them as indexed tables.
///
/// ```swift
/// let store = try PolicyStore(path: "Outputs/policygraph.sqlite")
/// try store.ingest([StoredDocument(id: "a.txt", text: bytes, extraction: extraction)], ontology: ontology)
/// let answer = try store.companies(promising: "固态电池", dueBy: 2027)
/// ```
///
/// Writers open it read-write (created and migrated when needed); queries open
/// it read-only and never load the whole graph.
public final class PolicyStore: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Where the store is unless `--store` says otherwise.
    public static let defaultPath = "Outputs/policygraph.sqlite"

    /// Opens (and for writing, creates or migrates) the store at `path`.
    /// - Throws: ``StoreError`` when the file is missing (read-only), not a store, or newer than this tool.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if readOnly, !exists { throw StoreError.missing(path: path) }
        if !readOnly {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = false
        configuration.label = "policygraph"
        configuration.prepareDatabase { db in
            // Queries jump between tables by id: map the file instead of reading it page by page,
            // and give writers a page cache that holds the indexes they update.
            try db.execute(sql: "PRAGMA mmap_size = 4294967296")
            if !readOnly { try db.execute(sql: "PRAGMA cache_size = -262144") }
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try database.inDatabase { db in try Self.checkSchema(db, path: path, readOnly: readOnly, new: !exists) }
            if !readOnly { try StoreSchema.migrator.migrate(database) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw StoreError.notAStore(path: path) }
            throw StoreError.database(path: path, error)
        }
    }

    /// Refuses files that are not stores, and stores newer than this tool.
    static func checkSchema(_ db: Database, path: String, readOnly: Bool, new: Bool) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if applicationID != StoreSchema.applicationID {
            // A fresh, empty file becomes a store; anything else is refused.
            if tables.isEmpty, !readOnly { return }
            throw StoreError.notAStore(path: path)
        }
        let known = Set(StoreSchema.migrator.migrations)
        let applied = tables.contains("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw StoreError.newerStore(path: path, unknownVersions: unknown) }
        if readOnly, !known.subtracting(applied).isSubset(of: StoreSchema.notNeededForReading) {
            // Older store opened for reading: say so rather than fail on a missing column.
            throw StoreError.database(path: path, reason: "made by an older policygraph (schema \(applied.sorted().joined(separator: ", "))); run `policygraph add` once to migrate it")
        }
    }

    /// Runs `body` in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch let error as DatabaseError {
            throw StoreError.database(path: path, error)
        }
    }

    /// Runs `body` in one write transaction: all or nothing.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch let error as DatabaseError {
            throw StoreError.database(path: path, error)
        }
    }

    /// The schema versions applied, oldest first.
    public func schemaVersions() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    /// The stored documents' ids and content hashes.
    public func contentHashes() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, content_hash FROM documents") { result[row[0]] = row[1] }
            return result
        }
    }

    /// The ids of the stored documents, sorted.
    public func documentIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") }
    }
}
