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
        var json = CompactJSONWriter(capacity: 256, escapingSlashes: false)
        json.beginObject()
        json.key("aliases"); json.strings(node.aliases)
        json.key("documents"); json.strings(node.documents)
        if let firstSeen = node.firstSeen { json.key("first_seen"); json.string(firstSeen) }
        json.key("id"); json.string(node.id.rawValue)
        json.key("kind"); json.string(node.kind.rawValue)
        json.key("label"); json.string(node.label)
        if let lastSeen = node.lastSeen { json.key("last_seen"); json.string(lastSeen) }
        if let ontologyID = node.ontologyID { json.key("ontology_id"); json.string(ontologyID) }
        if let parent = node.parent { json.key("parent"); json.string(parent) }
        if let published = node.published { json.key("published"); json.string(published) }
        if let target = node.target { json.key("target"); facts(target, &json) }
        json.endObject()
        return json.bytes
    }

    private static func facts(_ facts: TargetFacts, _ json: inout CompactJSONWriter) {
        json.beginObject()
        if let action = facts.action { json.key("action"); json.string(action) }
        if let day = facts.day { json.key("day"); json.int(day) }
        if let endDay = facts.endDay { json.key("end_day"); json.int(endDay) }
        if let endMonth = facts.endMonth { json.key("end_month"); json.int(endMonth) }
        if let endYear = facts.endYear { json.key("end_year"); json.int(endYear) }
        json.key("modality"); json.string(facts.modality)
        if let month = facts.month { json.key("month"); json.int(month) }
        json.key("relation"); json.string(facts.relation.rawValue)
        json.key("subject"); json.string(facts.subject.rawValue)
        if let technology = facts.technology { json.key("technology"); json.string(technology.rawValue) }
        if let topic = facts.topic { json.key("topic"); json.string(topic) }
        if let value = facts.value { json.key("value"); json.string(value) }
        json.key("year"); json.int(facts.year)
        json.endObject()
    }
}
