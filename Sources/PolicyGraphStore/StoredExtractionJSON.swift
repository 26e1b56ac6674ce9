import PolicyGraphCore

/// An extraction as the store keeps it (`extractions.data`): compact JSON with
/// sorted keys, byte for byte what ``PolicyStore``'s `JSONEncoder` with
/// `[.sortedKeys]` writes for ``DocumentExtraction``'s `Codable` conformance
/// (`null` where that writes `null`, members left out where it leaves them
/// out), written directly by ``CompactJSONWriter`` without `Encodable`'s
/// containers and boxes; the members are ``ExtractionJSONFields``', as in
/// `extraction.json`.
///
/// ```swift
/// let data = StoredExtractionJSON.encode(extraction)   // {"document":"a.txt","entities":[],…}
/// ```
enum StoredExtractionJSON {
    /// The stored bytes of `extraction`.
    static func encode(_ extraction: DocumentExtraction) -> [UInt8] {
        var json = CompactJSONWriter(capacity: 1024 + 384 * extraction.entities.count + 640 * extraction.targets.count)
        ExtractionJSONFields.document(extraction, to: &json)
        return json.bytes
    }
}
