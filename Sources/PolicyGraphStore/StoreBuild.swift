import Foundation
import PolicyGraphCore

/// `build`: every document added to a new store, which then replaces the old
/// one in one rename (a failed build leaves the old store as it was).
public enum StoreBuild {
    /// Builds a fresh store at `path` from `documents`, and returns what the
    /// exports are written from: the stored graph and the stored extractions.
    public static func fresh(at path: String, with documents: [StoredDocument], ontology: Ontology,
                             settings: GraphSettings) throws -> (KnowledgeGraph, [DocumentExtraction]) {
        let temporary = path + ".building-\(getpid())"
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
        do {
            let store = try PolicyStore(path: temporary)
            try store.ingest(documents, ontology: ontology, options: settings)
        } catch {
            // A failed build leaves no half-written store behind.
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(temporary + suffix) }
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StoreError.database(path: path, reason: "cannot replace the store (\(reason))")
        }
        let store = try PolicyStore(path: path, readOnly: true)
        return (try store.graph(), try store.extractions())
    }
}
