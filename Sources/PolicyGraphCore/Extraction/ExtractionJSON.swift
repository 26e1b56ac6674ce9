import Foundation

/// Encodes extractions as the pretty-printed, key-ordered JSON of FORMAT.md.
///
/// The bytes are those of `JSONEncoder` with `[.prettyPrinted,
/// .withoutEscapingSlashes, .sortedKeys]` and a final line break, written by
/// ``ExtractionJSONWriter`` in one pass over the values.
public enum ExtractionJSON {
    /// The whole JSON document in memory.
    public static func encode(_ extractions: [DocumentExtraction]) throws -> Data {
        var data = Data()
        write(extractions) { data.append(contentsOf: $0) }
        return data
    }

    /// Streams the JSON document to `sink` in chunks of about 64 KB.
    ///
    /// ```swift
    /// ExtractionJSON.write(extractions) { FileHandle.standardOutput.write(Data($0)) }
    /// ```
    public static func write(_ extractions: [DocumentExtraction], to sink: @escaping ([UInt8]) -> Void) {
        var writer = ExtractionJSONWriter(sink: sink)
        writer.write(extractions)
        writer.flush()
    }

    /// Streams the JSON document to `sink` in chunks of about 64 KB, each handed over in
    /// place: the bytes are valid only while `sink` runs, and no array is made for them.
    ///
    /// ```swift
    /// ExtractionJSON.writeInPlace(extractions) { try? FileHandle.standardOutput.write(contentsOf: $0) }
    /// ```
    public static func writeInPlace(_ extractions: [DocumentExtraction], to sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        var writer = ExtractionJSONWriter(chunksInPlace: sink)
        writer.write(extractions)
        writer.flush()
    }
}
