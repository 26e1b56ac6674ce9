import Foundation

/// Reads one input file into a document. The core reads text, HTML and
/// Markdown (``PlainTextReader``); `PolicyGraphInput` adds the article of a web
/// page, PDF and Word files.
public protocol DocumentReading: Sendable {
    /// The document in `file`, or an error that names the file.
    func read(_ file: InputFile) throws -> SourceDocument
}

/// Reads text files as they are.
public struct PlainTextReader: DocumentReading {
    /// The encoding of every file (`--encoding`); detected per file when nil.
    public var encoding: SourceEncoding?

    public init(encoding: SourceEncoding? = nil) { self.encoding = encoding }

    public func read(_ file: InputFile) throws -> SourceDocument {
        try SourceDocument(reading: file.path, name: file.id, encoding: encoding)
    }
}

/// What a run read and left aside.
public struct InputReport: Sendable, Equatable {
    /// Documents read.
    public var documents = 0
    /// Inputs that could not be read (each reported through `onError`).
    public var failures = 0
    /// Files under input folders that were not read, by reason.
    public var skipped: [SkipReason: Int] = [:]
    /// A few of the skipped files, for the report.
    public var skippedExamples: [SkipReason: [String]] = [:]

    public init() {}

    mutating func skip(_ path: String, because reason: SkipReason) {
        skipped[reason, default: 0] += 1
        if skippedExamples[reason, default: []].count < 3 { skippedExamples[reason, default: []].append(path) }
    }

    mutating func merge(_ listing: InputListing) {
        for (reason, paths) in listing.skipped { for path in paths { skip(path, because: reason) } }
    }

    /// One line: `skipped 12 files: 9 not a document type (a.jpg, b.csv …), 3 empty (…)`; `nil` when none.
    public var skippedSummary: String? {
        let total = skipped.values.reduce(0, +)
        guard total > 0 else { return nil }
        let parts = SkipReason.allCases.compactMap { reason -> String? in
            guard let count = skipped[reason] else { return nil }
            let examples = skippedExamples[reason] ?? []
            let more = count > examples.count ? " …" : ""
            return "\(count) \(reason.rawValue) (\(examples.joined(separator: ", "))\(more))"
        }
        return "skipped \(total) file\(total == 1 ? "" : "s"): \(parts.joined(separator: ", "))"
    }
}

/// The documents named by input paths (files, folders read recursively, or
/// a list of files), each with the record of a metadata file in its folder
/// when there is one.
///
/// ```swift
/// let inputs = InputCollection(paths: ["corpus"])
/// let report = inputs.collect(onError: { print($0) }) { document, metadata in … }
/// ```
public struct InputCollection: Sendable {
    public let paths: [String]
    /// Turns each file into a document.
    public var reader: any DocumentReading
    /// Files named directly keep their relative path as their id (`--files-from`
    /// lists), rather than their base name.
    public var idsKeepListedPaths = false
    /// Receives each document's decoding warnings (`file:line:column: …`).
    public var onWarning: @Sendable (String) -> Void = { _ in }

    public init(paths: [String], reader: any DocumentReading = PlainTextReader()) {
        self.paths = paths
        self.reader = reader
    }

    /// The paths listed in a `--files-from` list: one a line; blank lines and
    /// lines starting with `#` are ignored.
    public static func paths(inList text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Calls `body` with each readable document and its metadata, in order;
    /// documents that cannot be read go to `onError` and the rest still follow.
    /// Returns how many inputs failed.
    @discardableResult
    public func read(onError: (any Error) -> Void, each body: (SourceDocument, DocumentMetadata?) throws -> Void) rethrows -> Int {
        try collect(onError: onError, each: body).failures
    }

    /// Like ``read(onError:each:)``, and returns the whole report: documents,
    /// failures and the files skipped under folders, by reason.
    @discardableResult
    public func collect(onError: (any Error) -> Void, each body: (SourceDocument, DocumentMetadata?) throws -> Void) rethrows -> InputReport {
        var report = InputReport()
        var metadataByFolder: [String: [String: DocumentMetadata]] = [:]
        for input in paths {
            let listing: InputListing
            do { listing = try InputListing(root: input, keepRelativePath: idsKeepListedPaths) } catch { report.failures += 1; onError(error); continue }
            report.merge(listing)
            for file in listing.files {
                let folder = PathNames.folder(file.path)
                if metadataByFolder[folder] == nil {
                    do { metadataByFolder[folder] = try MetadataFile.load(folder: folder.isEmpty ? "." : folder) } catch {
                        report.failures += 1
                        onError(error)
                        metadataByFolder[folder] = [:]
                    }
                }
                let document: SourceDocument
                do {
                    document = try reader.read(file)
                } catch let error as DocumentError where file.inFolder {
                    // Under a folder, a binary file is not a document: count it.
                    if case .binary = error { report.skip(file.path, because: .binary); continue }
                    report.failures += 1
                    onError(error)
                    continue
                } catch {
                    report.failures += 1
                    onError(error)
                    continue
                }
                report.documents += 1
                document.text.warnings.forEach(onWarning)
                try body(document, metadataByFolder[folder]?[PathNames.lastComponent(file.path)])
            }
        }
        return report
    }

    /// Extracts every readable document.
    public func extract(with extractor: Extractor, published: String? = nil, onError: (any Error) -> Void) -> (extractions: [DocumentExtraction], failures: Int) {
        let (extractions, report) = extractReporting(with: extractor, published: published, onError: onError)
        return (extractions, report.failures)
    }

    /// Extracts every readable document, with the report.
    public func extractReporting(with extractor: Extractor, published: String? = nil,
                                 onError: (any Error) -> Void) -> (extractions: [DocumentExtraction], report: InputReport) {
        var extractions: [DocumentExtraction] = []
        let report = collect(onError: onError) { document, metadata in
            extractions.append(extractor.extract(document, published: published, metadata: metadata))
        }
        return (extractions, report)
    }
}
