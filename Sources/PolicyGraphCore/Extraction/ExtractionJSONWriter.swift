/// Writes extractions as UTF-8 JSON, byte for byte what `JSONEncoder` writes
/// with `[.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]`, without
/// building an intermediate tree. It knows the extraction's types and their keys
/// in sorted order; the JSON itself (indentation, escaping, chunks) is
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

    /// The whole array of extractions, with the final line break `ExtractionJSON` adds.
    mutating func write(_ extractions: [DocumentExtraction]) {
        array(extractions) { writer, extraction in writer.document(extraction) }
        json.lineBreak()
    }

    /// Hands what is left to the sink.
    mutating func flush() {
        json.finish()
    }

    // MARK: The extraction's types, keys in sorted order

    private mutating func document(_ value: DocumentExtraction) {
        object { w in
            w.key("document"); w.string(value.document)
            w.key("entities"); w.array(value.entities) { $0.entity($1) }
            w.key("issued"); w.array(value.issued) { $0.issued($1) }
            if !value.leftOut.isEmpty { w.key("left_out"); w.array(value.leftOut) { $0.leftOut($1) } }
            w.key("located_in"); w.array(value.located) { $0.located($1) }
            if let note = value.offsetsNote { w.key("offsets_refer_to"); w.string(note) }
            w.key("published"); w.optional(value.published)
            w.key("published_source"); w.optional(value.publishedSource?.rawValue)
            w.key("targets"); w.array(value.targets) { $0.target($1) }
        }
    }

    private mutating func entity(_ value: ExtractedEntity) {
        object { w in
            w.key("aliases"); w.array(value.aliases) { $0.string($1) }
            if let canonical = value.canonical { w.key("canonical"); w.string(canonical) }
            if let id = value.id { w.key("id"); w.string(id) }
            w.key("mentions"); w.integer(value.mentions)
            w.key("name"); w.string(value.name)
            w.key("offsets"); w.integers(value.offsets)
            w.key("rule"); w.string(value.rule)
            if let sentence = value.sentence { w.key("sentence"); w.string(sentence) }
            w.key("type"); w.string(value.type.rawValue)
        }
    }

    private mutating func target(_ value: ExtractedTarget) {
        object { w in
            w.key("action"); w.optional(value.action)
            w.key("action_offsets")
            if let offsets = value.actionOffsets { w.integers(offsets) } else { w.null() }
            w.key("modality"); w.string(value.modality)
            w.key("quote"); w.string(value.quote)
            w.key("rule"); w.string(value.rule)
            w.key("subject"); w.string(value.subject)
            w.key("subject_offsets"); w.integers(value.subjectOffsets)
            w.key("technology"); w.optional(value.technology)
            w.key("time"); w.time(value.time)
            w.key("time_offsets"); w.integers(value.timeOffsets)
            w.key("topic"); w.optional(value.topic)
            w.key("value"); w.optional(value.value)
        }
    }

    private mutating func time(_ value: TargetTime) {
        object { w in
            w.key("day"); w.optional(value.day)
            w.key("end_day"); w.optional(value.end_day)
            w.key("end_month"); w.optional(value.end_month)
            w.key("end_year"); w.optional(value.end_year)
            w.key("month"); w.optional(value.month)
            w.key("relation"); w.string(value.relation)
            w.key("text"); w.optional(value.text)
            w.key("year"); w.optional(value.year)
        }
    }

    private mutating func issued(_ value: IssuedPair) {
        object { w in
            w.key("issuer"); w.string(value.issuer)
            if let offsets = value.issuerOffsets { w.key("issuer_offsets"); w.integers(offsets) }
            w.key("policy"); w.string(value.policy)
            if let offsets = value.policyOffsets { w.key("policy_offsets"); w.integers(offsets) }
            if let rule = value.rule { w.key("rule"); w.string(rule) }
            if let sentence = value.sentence { w.key("sentence"); w.string(sentence) }
            if let offsets = value.verbOffsets { w.key("verb_offsets"); w.integers(offsets) }
        }
    }

    private mutating func located(_ value: LocatedPair) {
        object { w in
            w.key("entity"); w.string(value.entity)
            w.key("offsets"); w.integers(value.offsets)
            w.key("place"); w.string(value.place)
            if let sentence = value.sentence { w.key("sentence"); w.string(sentence) }
        }
    }

    private mutating func leftOut(_ value: LeftOutPart) {
        object { w in
            w.key("excerpt"); w.string(value.excerpt)
            w.key("offsets"); w.integers([value.range.lowerBound, value.range.upperBound])
            w.key("reason"); w.string(value.reason)
        }
    }

    // MARK: JSON, through the one streaming writer

    private mutating func object(_ body: (inout ExtractionJSONWriter) -> Void) {
        json.beginObject()
        body(&self)
        json.endObject()
    }

    private mutating func array<Element>(_ elements: [Element], _ each: (inout ExtractionJSONWriter, Element) -> Void) {
        json.beginArray()
        for element in elements { each(&self, element) }
        json.endArray()
    }

    private mutating func key(_ name: StaticString) { json.key(name) }
    private mutating func null() { json.null() }
    private mutating func integer(_ value: Int) { json.int(value) }
    private mutating func integers(_ values: [Int]) { array(values) { $0.integer($1) } }
    private mutating func optional(_ value: String?) { json.string(value) }
    private mutating func optional(_ value: Int?) { json.int(value) }
    private mutating func string(_ value: String) { json.string(value) }
}
