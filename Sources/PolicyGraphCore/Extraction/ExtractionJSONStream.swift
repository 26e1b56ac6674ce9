import Foundation

/// `extraction.json` written one document at a time: the same bytes as
/// ``ExtractionJSON/encode(_:)`` of all of them, with one extraction in memory.
///
/// Each document is encoded as a one-element array by ``ExtractionJSON``, and
/// its element is spliced into the whole array, so the two can never disagree.
///
/// ```swift
/// let stream = try ExtractionJSONStream(path: "Outputs/extraction.json")
/// for extraction in extractions { try stream.append(extraction) }
/// try stream.finish()
/// ```
public final class ExtractionJSONStream {
    private let file: StreamedFile
    private var count = 0

    public init(path: String) throws {
        file = try StreamedFile(path: path)
    }

    /// Adds the next document's extraction.
    public func append(_ extraction: DocumentExtraction) throws {
        try append(element: try Self.element(of: extraction))
    }

    /// Adds the next document's extraction as ``element(of:)`` encoded it (on any thread).
    public func append(element: Data) throws {
        try file.write(Array((count == 0 ? "[\n" : ",\n").utf8))
        try file.write(element)
        count += 1
    }

    /// The extraction as an element of the whole array: indented, without separator
    /// (a slice of the one-element array it was encoded as, not a copy of it).
    public static func element(of extraction: DocumentExtraction) throws -> Data {
        let single = try ExtractionJSON.encode([extraction])
        // "[\n" + element + "\n]\n": the element, indented as in the whole array.
        let (opening, closing) = ("[\n".utf8.count, "\n]\n".utf8.count)
        guard single.count > opening + closing, single.starts(with: Array("[\n".utf8)), single.suffix(closing).elementsEqual("\n]\n".utf8) else {
            throw StreamedFileError(path: "extraction.json", reason: "the extraction of \(extraction.document) did not encode as a JSON array element")
        }
        return single[(single.startIndex + opening)..<(single.endIndex - closing)]
    }

    /// Closes the array and the file.
    public func finish() throws {
        if count == 0 {
            try file.write(try ExtractionJSON.encode([]))
        } else {
            try file.write(Array("\n]\n".utf8))
        }
        try file.finish()
    }
}
