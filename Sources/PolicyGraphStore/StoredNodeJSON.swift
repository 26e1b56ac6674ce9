import PolicyGraphCore

/// A node's `data` column: the bytes `JSONEncoder` gives for it with
/// `.sortedKeys` and `.withoutEscapingSlashes` (compact, keys sorted, absent
/// optionals left out), appended directly instead of through the encoder's
/// tree of boxed values. Tested against the encoder on every node of the seeds
/// and the dev texts, and on strings of every kind the escaping changes.
///
/// ```swift
/// StoredNodeJSON.bytes(of: node)   // {"aliases":[],"documents":["a.txt"],"id":"company_…",…}
/// ```
enum StoredNodeJSON {
    static func bytes(of node: Node) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(256)
        json.append(UInt8(ascii: "{"))
        key("aliases", first: true, &json); strings(node.aliases, &json)
        key("documents", &json); strings(node.documents, &json)
        if let firstSeen = node.firstSeen { key("first_seen", &json); string(firstSeen, &json) }
        key("id", &json); string(node.id.rawValue, &json)
        key("kind", &json); string(node.kind.rawValue, &json)
        key("label", &json); string(node.label, &json)
        if let lastSeen = node.lastSeen { key("last_seen", &json); string(lastSeen, &json) }
        if let ontologyID = node.ontologyID { key("ontology_id", &json); string(ontologyID, &json) }
        if let parent = node.parent { key("parent", &json); string(parent, &json) }
        if let published = node.published { key("published", &json); string(published, &json) }
        if let target = node.target { key("target", &json); facts(target, &json) }
        json.append(UInt8(ascii: "}"))
        return json
    }

    private static func facts(_ facts: TargetFacts, _ json: inout [UInt8]) {
        json.append(UInt8(ascii: "{"))
        var first = true
        func field(_ name: StaticString) {
            key(name, first: first, &json)
            first = false
        }
        if let action = facts.action { field("action"); string(action, &json) }
        if let day = facts.day { field("day"); int(day, &json) }
        if let endDay = facts.endDay { field("end_day"); int(endDay, &json) }
        if let endMonth = facts.endMonth { field("end_month"); int(endMonth, &json) }
        if let endYear = facts.endYear { field("end_year"); int(endYear, &json) }
        field("modality"); string(facts.modality, &json)
        if let month = facts.month { field("month"); int(month, &json) }
        field("relation"); string(facts.relation.rawValue, &json)
        field("subject"); string(facts.subject.rawValue, &json)
        if let technology = facts.technology { field("technology"); string(technology.rawValue, &json) }
        if let topic = facts.topic { field("topic"); string(topic, &json) }
        if let value = facts.value { field("value"); string(value, &json) }
        field("year"); int(facts.year, &json)
        json.append(UInt8(ascii: "}"))
    }

    private static func key(_ name: StaticString, first: Bool = false, _ json: inout [UInt8]) {
        if !first { json.append(UInt8(ascii: ",")) }
        json.append(UInt8(ascii: "\""))
        json.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        json.append(contentsOf: "\":".utf8)
    }

    private static func int(_ value: Int, _ json: inout [UInt8]) {
        json.append(contentsOf: String(value).utf8)
    }

    private static func strings(_ values: [String], _ json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            string(value, &json)
        }
        json.append(UInt8(ascii: "]"))
    }

    /// The escapes of `JSONEncoder`: quote and backslash, the short forms of five controls,
    /// `\u00xx` for the other C0 controls; everything else (slashes included) as it is.
    static func string(_ value: String, _ json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): json.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): json.append(contentsOf: "\\\\".utf8)
            case 0x08: json.append(contentsOf: "\\b".utf8)
            case 0x0C: json.append(contentsOf: "\\f".utf8)
            case 0x0A: json.append(contentsOf: "\\n".utf8)
            case 0x0D: json.append(contentsOf: "\\r".utf8)
            case 0x09: json.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                json.append(contentsOf: "\\u00".utf8)
                json.append(hexDigit(byte >> 4))
                json.append(hexDigit(byte & 0xF))
            default: json.append(byte)
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
