/// Writes extractions as UTF-8 JSON, byte for byte what `JSONEncoder` writes
/// with `[.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]`, without
/// building an intermediate tree. What each extraction holds is
/// ``ExtractionJSONFields``'; the JSON itself (indentation, escaping, chunks) is
/// ``PrettyJSONWriter``'s, which every streamed answer of the project uses.
///
/// The bytes go to `sink` in chunks of about ``chunkSize`` bytes, so that a
/// large output is never held whole.
///
/// ```swift
/// var writer = ExtractionJSONWriter { chunk in FileHandle.standardOutput.write(Data(chunk)) }
/// writer.write(extractions)
/// writer.flush()
/// ```
struct ExtractionJSONWriter {
    /// Bytes gathered before they are handed to the sink.
    static let chunkSize = PrettyJSONWriter.chunkSize

    private var json: PrettyJSONWriter

    init(sink: @escaping ([UInt8]) -> Void) {
        json = PrettyJSONWriter(sink: sink)
    }

    /// A writer that hands each chunk over in place (``PrettyJSONWriter/handingChunksInPlace(to:)``).
    init(chunksInPlace sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        json = PrettyJSONWriter.handingChunksInPlace(to: sink)
    }

    /// The whole array of extractions, with the final line break `ExtractionJSON` adds.
    mutating func write(_ extractions: [DocumentExtraction]) {
        json.beginArray()
        for extraction in extractions { ExtractionJSONFields.document(extraction, to: &json) }
        json.endArray()
        json.lineBreak()
    }

    /// Hands what is left to the sink.
    mutating func flush() {
        json.finish()
    }
}
