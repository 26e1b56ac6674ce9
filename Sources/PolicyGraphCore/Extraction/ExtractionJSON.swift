import Foundation

/// Encodes extractions as the pretty-printed, key-ordered JSON of FORMAT.md.
public enum ExtractionJSON {
    public static func encode(_ extractions: [DocumentExtraction]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        var data = try encoder.encode(extractions)
        data.append(0x0A)
        return data
    }
}
