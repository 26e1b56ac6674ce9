/// What a node's JSON holds, written once for every layout: the members of
/// ``Node`` and its ``TargetFacts``, keys sorted, absent optionals left out,
/// as `JSONEncoder` writes their `Codable` forms. `graph.json` writes it
/// through a ``PrettyJSONWriter``, the store's `nodes.data` through a
/// ``CompactJSONWriter`` (slashes as they are); tests compare both with the encoder.
///
/// ```swift
/// var json = CompactJSONWriter(escapingSlashes: false)
/// NodeJSONFields.node(node, to: &json)   // {"aliases":[],"documents":["a.txt"],"id":"company_…",…}
/// ```
public enum NodeJSONFields {
    @inlinable
    public static func node<W: JSONWriting>(_ node: Node, to json: inout W) {
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
        if let target = node.target { json.key("target"); facts(target, to: &json) }
        json.endObject()
    }

    @inlinable
    public static func facts<W: JSONWriting>(_ facts: TargetFacts, to json: inout W) {
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
