import PolicyGraphCore

/// Writes a graph as GraphML (http://graphml.graphdrawing.org) through
/// libxml2's streaming writer: every attribute declared as a `<key>` with its
/// type, `label` on every node and edge for Gephi, a `weight` per edge (its
/// number of sources), ASCII ids.
public struct GraphMLExporter: Sendable {
    /// Edges gathered as bytes and handed to libxml2 in blocks (``XMLRun``); `false`: every
    /// edge through libxml2's element and attribute calls (the same bytes; for the tests).
    var edgesAsBytes = true

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

    /// Writes `graph` to `path` (atomically: a temporary file renamed into place).
    public func write(_ graph: some WalkableGraph, to path: String) throws {
        try TemporaryFile.write(to: path) { temporary in
            let xml = try XMLWriter(path: temporary)
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
                try xml.end()
            }
            try xml.start("graph")
            try xml.attribute("id", "policygraph")
            try xml.attribute("edgedefault", "directed")
            var written = 0
            for node in graph.nodes.values {
                try xml.start("node")
                try xml.attribute("id", node.id.rawValue)
                for (key, value) in Self.fields(of: node) { try xml.element("data", value, attribute: "key", key) }
                try xml.end()
                written += 1
                if written % 4096 == 0 { try xml.flush() }
            }
            var run = XMLRun(depth: 2)
            try graph.forEachEdgeSummary { edge in
                let documents = edge.documents(joinedBy: " ")
                if edgesAsBytes, XMLRun.isPlain(edge.id.rawValue), XMLRun.isPlain(edge.source.rawValue),
                   XMLRun.isPlain(edge.target.rawValue), XMLRun.isPlain(documents) {
                    let type = edge.type.rawValue
                    run.start("edge")
                    run.attribute("id", edge.id.rawValue)
                    run.attribute("source", edge.source.rawValue)
                    run.attribute("target", edge.target.rawValue)
                    run.closeStart()
                    run.element("data", type, attribute: "key", "edge_label")
                    run.element("data", type, attribute: "key", "edge_type")
                    run.element("data", XMLRun.weight(edge.weight), attribute: "key", "weight")
                    run.element("data", documents, attribute: "key", "edge_sources")
                    run.end("edge")
                    try xml.handOverIfFull(&run)
                    return
                }
                try xml.handOver(&run)
                try xml.start("edge")
                try xml.attribute("id", edge.id.rawValue)
                try xml.attribute("source", edge.source.rawValue)
                try xml.attribute("target", edge.target.rawValue)
                try xml.element("data", edge.type.rawValue, attribute: "key", "edge_label")
                try xml.element("data", edge.type.rawValue, attribute: "key", "edge_type")
                try xml.element("data", String(Double(edge.weight)), attribute: "key", "weight")
                try xml.element("data", documents, attribute: "key", "edge_sources")
                try xml.end()
                written += 1
                if written % 4096 == 0 { try xml.flush() }
            }
            try xml.write(run)
            try xml.end() // graph
            try xml.end() // graphml
            try xml.endDocument()
        }
    }

    /// A node's data values by key id, absent values left out.
    static func fields(of node: Node) -> [(String, String)] {
        var fields: [(String, String?)] = [
            ("label", node.label), ("kind", node.kind.rawValue),
            ("aliases", node.aliases.isEmpty ? nil : node.aliases.joined(separator: "|")),
            ("ontology_id", node.ontologyID), ("parent", node.parent), ("first_seen", node.firstSeen), ("last_seen", node.lastSeen),
            ("documents", node.documents.isEmpty ? nil : node.documents.joined(separator: " ")), ("published", node.published),
        ]
        if let target = node.target {
            fields += [("relation", target.relation.rawValue), ("year", String(target.year)), ("month", target.month.map(String.init)),
                       ("end_year", target.endYear.map(String.init)), ("end_month", target.endMonth.map(String.init)),
                       ("action", target.action), ("topic", target.topic), ("value", target.value), ("modality", target.modality)]
        }
        return fields.compactMap { key, value in value.map { (key, $0) } }
    }
}
