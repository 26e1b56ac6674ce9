import Foundation

/// The documents named by input paths (files, or folders of them), each with
/// the record of a metadata file in its folder when there is one.
public struct InputCollection: Sendable {
    public let paths: [String]
    /// The encoding of every input (`--encoding`); detected per file when nil.
    public let encoding: SourceEncoding?
    /// Receives each document's decoding warnings (`file:line:column: …`).
    public let onWarning: @Sendable (String) -> Void

    public init(paths: [String], encoding: SourceEncoding? = nil, onWarning: @escaping @Sendable (String) -> Void = { _ in }) {
        self.paths = paths
        self.encoding = encoding
        self.onWarning = onWarning
    }

    /// Calls `body` with each readable document and its metadata, in order;
    /// documents that cannot be read go to `onError` and the rest still follow.
    /// Returns how many inputs failed.
    @discardableResult
    public func read(onError: (any Error) -> Void, each body: (SourceDocument, DocumentMetadata?) throws -> Void) rethrows -> Int {
        var failures = 0
        var metadataByFolder: [String: [String: DocumentMetadata]] = [:]
        for input in paths {
            let files: [String]
            do { files = try SourceDocument.files(in: [input]) } catch { failures += 1; onError(error); continue }
            for path in files {
                let folder = (path as NSString).deletingLastPathComponent
                if metadataByFolder[folder] == nil {
                    do { metadataByFolder[folder] = try MetadataFile.load(folder: folder.isEmpty ? "." : folder) } catch {
                        failures += 1
                        onError(error)
                        metadataByFolder[folder] = [:]
                    }
                }
                let document: SourceDocument
                do { document = try SourceDocument(reading: path, encoding: encoding) } catch { failures += 1; onError(error); continue }
                document.text.warnings.forEach(onWarning)
                try body(document, metadataByFolder[folder]?[document.name])
            }
        }
        return failures
    }

    /// Extracts every readable document.
    public func extract(with extractor: Extractor, published: String? = nil, onError: (any Error) -> Void) -> (extractions: [DocumentExtraction], failures: Int) {
        var extractions: [DocumentExtraction] = []
        let failures = read(onError: onError) { document, metadata in
            extractions.append(extractor.extract(document, published: published, metadata: metadata))
        }
        return (extractions, failures)
    }
}
