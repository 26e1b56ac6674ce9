import Foundation
import PolicyGraphCore

extension PolicyStore {
    /// Reads files and folders, extracts only the documents that are new or
    /// changed (by content hash) and puts them in the store.
    ///
    /// ```swift
    /// try store.add(paths: ["news/2026-05"], extractor: try Extractor())
    /// ```
    /// - Parameter reader: how files become documents (`PolicyGraphInput`'s `DocumentReader` reads web pages' articles, PDF and Word).
    /// - Returns: what changed, and how many inputs could not be read (reported to `onError`).
    public func add(paths: [String], extractor: Extractor, options: GraphSettings = .init(), reader: any DocumentReading = PlainTextReader(),
                    onError: (any Error) -> Void) throws -> (IngestReport, failures: Int) {
        let known = try contentHashes()
        var documents: [StoredDocument] = []
        var unchanged: [String] = []
        var seen: Set<String> = []
        let failures = InputCollection(paths: paths, reader: reader).read(onError: onError) { document, metadata in
            guard seen.insert(document.name).inserted else { return }
            let fingerprint = DocumentFingerprint(text: document.text.bytes)
            if known[document.name] == fingerprint.contentHash {
                unchanged.append(document.name)
                return
            }
            documents.append(StoredDocument(id: document.name, fingerprint: fingerprint, extraction: extractor.extract(document, metadata: metadata)))
        }
        var report = try ingest(documents, ontology: extractor.lexicon.ontology, options: options, rebuild: !documents.isEmpty)
        report.unchanged = (report.unchanged + unchanged).sorted()
        return (report, failures)
    }
}
