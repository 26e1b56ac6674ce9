/// A readable listing of extractions, for `extract --format text`.
public enum ExtractionListing {
    public static func render(_ extractions: [DocumentExtraction]) -> String {
        var output = ""
        for extraction in extractions {
            output += "\(extraction.document)  published \(extraction.published ?? "unknown")\n"
            for type in EntityType.allCases {
                let entities = extraction.entities.filter { $0.type == type }
                guard !entities.isEmpty else { continue }
                output += "  \(type.rawValue) (\(entities.count))\n"
                for entity in entities {
                    var line = "    \(entity.name)"
                    if !entity.aliases.isEmpty { line += " = " + entity.aliases.joined(separator: " = ") }
                    if let canonical = entity.canonical { line += "  → \(canonical)" }
                    line += "  ×\(entity.mentions)  [\(entity.rule)]"
                    output += line + "\n"
                }
            }
            output += "\n"
        }
        return output
    }
}
