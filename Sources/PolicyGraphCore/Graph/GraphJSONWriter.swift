/// The members of `graph.json`'s nodes and edges written through a
/// ``PrettyJSONWriter``: the bytes `JSONEncoder` gives for their `Codable`
/// forms (keys sorted, absent optionals left out), without the encoder's cost
/// per value. ``WalkableGraph/writeJSON(to:)`` uses it; the golden and
/// streaming tests compare it with ``KnowledgeGraph/jsonData()``.
enum GraphJSONWriter {
    static func write(_ edge: Edge, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("id"); json.string(edge.id.rawValue)
        json.key("source"); json.string(edge.source.rawValue)
        json.key("sources")
        json.beginArray()
        for source in edge.sources { write(source, to: &json) }
        json.endArray()
        json.key("target"); json.string(edge.target.rawValue)
        json.key("type"); json.string(edge.type.rawValue)
        json.endObject()
    }

    static func write(_ source: Provenance, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("document"); json.string(source.document)
        json.key("offsets"); ints(source.offsets, to: &json)
        if let rule = source.rule { json.key("rule"); json.string(rule) }
        if let sentence = source.sentence { json.key("sentence"); json.string(sentence) }
        json.endObject()
    }

    static func write(_ node: Node, to json: inout PrettyJSONWriter) {
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
        if let target = node.target { json.key("target"); write(target, to: &json) }
        json.endObject()
    }

    static func write(_ facts: TargetFacts, to json: inout PrettyJSONWriter) {
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

    static func ints(_ values: [Int], to json: inout PrettyJSONWriter) {
        json.beginArray()
        for value in values { json.int(value) }
        json.endArray()
    }
}
