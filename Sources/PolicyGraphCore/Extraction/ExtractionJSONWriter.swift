/// Writes extractions as UTF-8 JSON, byte for byte what `JSONEncoder` writes
/// with `[.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]`, without
/// building an intermediate tree: keys in sorted order, two-space indentation,
/// `"key" : value`, an empty array as `[`, an empty line and `]`, strings
/// escaped as Foundation escapes them (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// `\u00XX` for the other control characters; everything else as is).
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
    static let chunkSize = 1 << 16

    private var buffer: [UInt8] = []
    private var indent = 0
    /// Whether the current object or array has had a member yet, innermost last.
    private var hasMember: [Bool] = []
    private let sink: ([UInt8]) -> Void

    init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// The whole array of extractions, with the final line break `ExtractionJSON` adds.
    mutating func write(_ extractions: [DocumentExtraction]) {
        array(extractions) { writer, extraction in writer.document(extraction) }
        byte(0x0A)
    }

    /// Hands what is left to the sink.
    mutating func flush() {
        if !buffer.isEmpty { sink(buffer); buffer.removeAll(keepingCapacity: true) }
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

    // MARK: JSON

    private mutating func byte(_ value: UInt8) {
        buffer.append(value)
    }

    private mutating func bytes(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    private mutating func newline() {
        byte(0x0A)
        if buffer.count >= Self.chunkSize { flush() }
        for _ in 0..<indent { byte(0x20) }
    }

    /// Starts a member of the current container: the comma and the line break.
    private mutating func member() {
        if hasMember[hasMember.count - 1] { byte(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        newline()
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout ExtractionJSONWriter) -> Void) {
        byte(open)
        indent += 2
        hasMember.append(false)
        body(&self)
        let empty = !hasMember.removeLast()
        indent -= 2
        // An empty container keeps its empty line, as Foundation writes it.
        if empty { byte(0x0A) }
        newline()
        byte(close)
    }

    private mutating func object(_ body: (inout ExtractionJSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    private mutating func array<Element>(_ elements: [Element], _ each: (inout ExtractionJSONWriter, Element) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { w in
            for element in elements {
                w.member()
                each(&w, element)
            }
        }
    }

    private mutating func key(_ name: StaticString) {
        member()
        byte(UInt8(ascii: "\""))
        bytes(name)
        bytes("\" : ")
    }

    private mutating func null() { bytes("null") }

    private mutating func integer(_ value: Int) {
        buffer.append(contentsOf: String(value).utf8)
    }

    private mutating func integers(_ values: [Int]) {
        array(values) { $0.integer($1) }
    }

    private mutating func optional(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    private mutating func optional(_ value: Int?) {
        if let value { integer(value) } else { null() }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func string(_ value: String) {
        byte(UInt8(ascii: "\""))
        var copy = value
        copy.withUTF8 { source in
            var start = 0
            for index in 0..<source.count {
                let code = source[index]
                guard code < 0x20 || code == UInt8(ascii: "\"") || code == UInt8(ascii: "\\") else { continue }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                start = index + 1
                byte(UInt8(ascii: "\\"))
                switch code {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): byte(code)
                case 0x08: byte(UInt8(ascii: "b"))
                case 0x0C: byte(UInt8(ascii: "f"))
                case 0x0A: byte(UInt8(ascii: "n"))
                case 0x0D: byte(UInt8(ascii: "r"))
                case 0x09: byte(UInt8(ascii: "t"))
                default:
                    bytes("u00")
                    byte(Self.hexDigits[Int(code >> 4)])
                    byte(Self.hexDigits[Int(code & 0x0F)])
                }
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<source.count]))
        }
        byte(UInt8(ascii: "\""))
    }
}
