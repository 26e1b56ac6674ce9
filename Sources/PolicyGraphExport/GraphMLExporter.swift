import PolicyGraphCore

/// Writes a graph as GraphML (http://graphml.graphdrawing.org) through
/// libxml2's streaming writer: every attribute declared as a `<key>` with its
/// type, `label` on every node and edge for Gephi, a `weight` per edge (its
/// number of sources), ASCII ids.
public struct GraphMLExporter: Sendable {
    public init() {}

    struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
    }

    static let nodeKeys: [Key] = [
        Key(id: "label", domain: "node", name: "label", type: "string"),
        Key(id: "kind", domain: "node", name: "kind", type: "string"),
        Key(id: "aliases", domain: "node", name: "aliases", type: "string"),
        Key(id: "ontology_id", domain: "node", name: "ontology_id", type: "string"),
        Key(id: "parent", domain: "node", name: "parent", type: "string"),
        Key(id: "first_seen", domain: "node", name: "first_seen", type: "string"),
        Key(id: "last_seen", domain: "node", name: "last_seen", type: "string"),
        Key(id: "documents", domain: "node", name: "documents", type: "string"),
        Key(id: "published", domain: "node", name: "published", type: "string"),
        Key(id: "relation", domain: "node", name: "relation", type: "string"),
        Key(id: "year", domain: "node", name: "year", type: "int"),
        Key(id: "month", domain: "node", name: "month", type: "int"),
        Key(id: "end_year", domain: "node", name: "end_year", type: "int"),
        Key(id: "end_month", domain: "node", name: "end_month", type: "int"),
        Key(id: "action", domain: "node", name: "action", type: "string"),
        Key(id: "topic", domain: "node", name: "topic", type: "string"),
        Key(id: "value", domain: "node", name: "value", type: "string"),
        Key(id: "modality", domain: "node", name: "modality", type: "string"),
    ]
    static let edgeKeys: [Key] = [
        Key(id: "edge_label", domain: "edge", name: "label", type: "string"),
        Key(id: "edge_type", domain: "edge", name: "type", type: "string"),
        Key(id: "weight", domain: "edge", name: "weight", type: "double"),
        Key(id: "edge_sources", domain: "edge", name: "sources", type: "string"),
    ]

    /// Writes `graph` to `path` (atomically: a temporary file renamed into place), as bytes.
    public func write(_ graph: some WalkableGraph, to path: String) throws {
        try XMLFile.write(to: path) { try write(graph, into: &$0) }
    }

    /// The same file written through libxml2's writer (the reference of the tests).
    func writeThroughLibxml2(_ graph: some WalkableGraph, to path: String) throws {
        try XMLFile.writeThroughLibxml2(to: path) { try write(graph, into: &$0) }
    }

    func write<Sink: XMLSink & ~Copyable>(_ graph: some WalkableGraph, into xml: inout Sink) throws {
        try xml.startDocument()
        try xml.start("graphml")
        try xml.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try xml.attribute("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        for key in Self.nodeKeys + Self.edgeKeys {
            try xml.start("key")
            try xml.attribute("id", key.id)
            try xml.attribute("for", key.domain)
            try xml.attribute("attr.name", key.name)
            try xml.attribute("attr.type", key.type)
            try xml.end("key")
        }
        try xml.start("graph")
        try xml.attribute("id", "policygraph")
        try xml.attribute("edgedefault", "directed")
        for node in graph.nodes.values { try Self.write(node, into: &xml) }
        try graph.forEachEdgeSummary { edge in
            let type = edge.type.rawValue
            try xml.start("edge")
            try xml.attribute("id", edge.id.rawValue)
            try xml.attribute("source", edge.source.rawValue)
            try xml.attribute("target", edge.target.rawValue)
            try xml.element("data", type, attribute: "key", "edge_label")
            try xml.element("data", type, attribute: "key", "edge_type")
            try xml.start("data")
            try xml.attribute("key", "weight")
            try xml.text(weight: edge.weight)
            try xml.end("data")
            try xml.element("data", edge.documents(joinedBy: " "), attribute: "key", "edge_sources")
            try xml.end("edge")
        }
        try xml.end("graph")
        try xml.end("graphml")
        try xml.endDocument()
    }

    /// A node and its data values by key id, absent values left out.
    static func write<Sink: XMLSink & ~Copyable>(_ node: Node, into xml: inout Sink) throws {
        try xml.start("node")
        try xml.attribute("id", node.id.rawValue)
        try xml.element("data", node.label, attribute: "key", "label")
        try xml.element("data", node.kind.rawValue, attribute: "key", "kind")
        if !node.aliases.isEmpty { try data("aliases", joining: node.aliases, separator: "|", into: &xml) }
        if let ontologyID = node.ontologyID { try xml.element("data", ontologyID, attribute: "key", "ontology_id") }
        if let parent = node.parent { try xml.element("data", parent, attribute: "key", "parent") }
        if let firstSeen = node.firstSeen { try xml.element("data", firstSeen, attribute: "key", "first_seen") }
        if let lastSeen = node.lastSeen { try xml.element("data", lastSeen, attribute: "key", "last_seen") }
        if !node.documents.isEmpty { try data("documents", joining: node.documents, separator: " ", into: &xml) }
        if let published = node.published { try xml.element("data", published, attribute: "key", "published") }
        if let target = node.target {
            try xml.element("data", target.relation.rawValue, attribute: "key", "relation")
            try data("year", target.year, into: &xml)
            if let month = target.month { try data("month", month, into: &xml) }
            if let endYear = target.endYear { try data("end_year", endYear, into: &xml) }
            if let endMonth = target.endMonth { try data("end_month", endMonth, into: &xml) }
            if let action = target.action { try xml.element("data", action, attribute: "key", "action") }
            if let topic = target.topic { try xml.element("data", topic, attribute: "key", "topic") }
            if let value = target.value { try xml.element("data", value, attribute: "key", "value") }
            try xml.element("data", target.modality, attribute: "key", "modality")
        }
        try xml.end("node")
    }

    private static func data<Sink: XMLSink & ~Copyable>(_ key: String, joining parts: [String], separator: StaticString, into xml: inout Sink) throws {
        try xml.start("data")
        try xml.attribute("key", key)
        try xml.text(joining: parts, separator: separator)
        try xml.end("data")
    }

    private static func data<Sink: XMLSink & ~Copyable>(_ key: String, _ number: Int, into xml: inout Sink) throws {
        try xml.element("data", String(number), attribute: "key", key)
    }
}
