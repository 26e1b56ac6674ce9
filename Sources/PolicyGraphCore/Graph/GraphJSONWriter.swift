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
        json.key("offsets"); json.ints(source.offsets)
        if let rule = source.rule { json.key("rule"); json.string(rule) }
        if let sentence = source.sentence { json.key("sentence"); json.string(sentence) }
        json.endObject()
    }

    /// `mention.edge(sentence: sentence)`'s bytes, without the ``Edge`` made.
    static func write(_ mention: SingleMentionEdge, sentence: String?, to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("id"); json.string(mention.id.rawValue)
        json.key("source"); json.string(mention.source.rawValue)
        json.key("sources")
        json.beginArray()
        json.beginObject()
        json.key("document"); json.string(mention.document)
        json.key("offsets")
        json.beginArray()
        for offset in mention.offsets { json.int(offset) }
        json.endArray()
        if let rule = mention.rule { json.key("rule"); json.string(rule) }
        if let sentence { json.key("sentence"); json.string(sentence) }
        json.endObject()
        json.endArray()
        json.key("target"); json.string(mention.target.rawValue)
        json.key("type"); json.string(EdgeType.mentionedIn.rawValue)
        json.endObject()
    }

    static func write(_ node: Node, to json: inout PrettyJSONWriter) {
        NodeJSONFields.node(node, to: &json)
    }
}
