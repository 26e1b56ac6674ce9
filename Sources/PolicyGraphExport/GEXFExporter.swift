import PolicyGraphCore

/// Writes a graph as GEXF 1.3 with time, for Gephi's timeline: `mode="dynamic"`,
/// integer years, both `start` and `end` on every node and edge (a missing end
/// means "forever" and trips networkx). Targets live from their year (or range)
/// to its end, entities and documents from the first year they are seen to the
/// graph's last year; nodes are coloured by kind (`viz:color`).
public struct GEXFExporter: Sendable {
    public init() {}

    static let colors: [NodeKind: (Int, Int, Int)] = [
        .government: (78, 121, 167), .company: (242, 142, 43), .institution: (118, 183, 178), .policy: (237, 201, 72),
        .zone: (89, 161, 79), .region: (140, 209, 125), .person: (176, 122, 161), .technology: (255, 157, 167),
        .target: (225, 87, 89), .document: (186, 176, 172),
    ]

    static let nodeAttributes: [(id: String, type: String)] = [
        ("kind", "string"), ("aliases", "string"), ("ontology_id", "string"), ("parent", "string"), ("documents", "string"),
        ("relation", "string"), ("year", "integer"), ("end_year", "integer"), ("action", "string"), ("topic", "string"),
        ("value", "string"), ("modality", "string"),
    ]

    /// The years an element lives: start and end, both always present.
    static func lifetime(of node: Node, graphStart: Int, graphEnd: Int) -> (Int, Int) {
        if let target = node.target {
            let start = target.year
            let end: Int
            switch target.relation {
            case .after, .from: end = max(start, graphEnd)
            default: end = target.endYear ?? target.year
            }
            return (start, max(start, end))
        }
        let first = (node.firstSeen ?? node.published).flatMap { Int($0.prefix(4)) } ?? graphStart
        return (first, max(first, graphEnd))
    }

    /// Writes `graph` to `path` (atomically: a temporary file renamed into place), as bytes.
    public func write(_ graph: some WalkableGraph, to path: String) throws {
        try XMLFile.write(to: path) { try write(graph, into: &$0) }
    }

    /// The same file written through libxml2's writer (the reference of the tests).
    func writeThroughLibxml2(_ graph: some WalkableGraph, to path: String) throws {
        try XMLFile.writeThroughLibxml2(to: path) { try write(graph, into: &$0) }
    }

    func write<Sink: XMLSink & ~Copyable>(_ graph: some WalkableGraph, into xml: inout Sink) throws {
        // The time axis: from the earliest year seen to the latest target year.
        var years: [Int] = []
        for node in graph.nodes.values {
            if let year = (node.firstSeen ?? node.published).flatMap({ Int($0.prefix(4)) }) { years.append(year) }
            if let target = node.target { years.append(target.year); if let end = target.endYear { years.append(end) } }
        }
        let graphStart = years.min() ?? 2000
        let graphEnd = years.max() ?? graphStart
        var lifetimes: [NodeID: (Int, Int)] = [:]
        for node in graph.nodes.values { lifetimes[node.id] = Self.lifetime(of: node, graphStart: graphStart, graphEnd: graphEnd) }

        try xml.startDocument()
        try xml.start("gexf")
        try xml.attribute("xmlns", "http://gexf.net/1.3")
        try xml.attribute("xmlns:viz", "http://gexf.net/1.3/viz")
        try xml.attribute("version", "1.3")
        try xml.start("meta")
        try xml.element("creator", "PolicyGraph")
        try xml.element("description", "Chinese policy and industry news as a knowledge graph; years on the timeline")
        try xml.end("meta")
        try xml.start("graph")
        try xml.attribute("mode", "dynamic")
        try xml.attribute("defaultedgetype", "directed")
        try xml.attribute("timeformat", "integer")
        // The attributes' declarations: the nodes', then the edges' one.
        for (domain, attributes) in [("node", Self.nodeAttributes), ("edge", [(id: "type", type: "string")])] {
            try xml.start("attributes")
            try xml.attribute("class", domain)
            try xml.attribute("mode", "static")
            for (id, type) in attributes {
                try xml.start("attribute")
                try xml.attribute("id", id)
                try xml.attribute("title", id)
                try xml.attribute("type", type)
                try xml.end("attribute")
            }
            try xml.end("attributes")
        }
        try xml.start("nodes")
        for node in graph.nodes.values {
            let (start, end) = lifetimes[node.id]!
            try xml.start("node")
            try xml.attribute("id", node.id.rawValue)
            try xml.attribute("label", node.label)
            try xml.attribute("start", start)
            try xml.attribute("end", end)
            try xml.start("attvalues")
            try Self.writeValues(of: node, into: &xml)
            try xml.end("attvalues")
            let (r, g, b) = Self.colors[node.kind] ?? (200, 200, 200)
            try xml.start("viz:color")
            try xml.attribute("r", r)
            try xml.attribute("g", g)
            try xml.attribute("b", b)
            try xml.end("viz:color")
            try xml.end("node")
        }
        try xml.end("nodes")
        try xml.start("edges")
        try graph.forEachEdgeSummary { edge in
            // An edge lives while both its ends do.
            let (sourceStart, sourceEnd) = lifetimes[edge.source] ?? (graphStart, graphEnd)
            let (targetStart, targetEnd) = lifetimes[edge.target] ?? (graphStart, graphEnd)
            let start = max(sourceStart, targetStart)
            let end = max(start, min(sourceEnd, targetEnd))
            let type = edge.type.rawValue
            try xml.start("edge")
            try xml.attribute("id", edge.id.rawValue)
            try xml.attribute("source", edge.source.rawValue)
            try xml.attribute("target", edge.target.rawValue)
            try xml.attribute("label", type)
            try xml.attribute("weight", weight: edge.weight)
            try xml.attribute("start", start)
            try xml.attribute("end", end)
            try xml.start("attvalues")
            try xml.start("attvalue")
            try xml.attribute("for", "type")
            try xml.attribute("value", type)
            try xml.end("attvalue")
            try xml.end("attvalues")
            try xml.end("edge")
        }
        try xml.end("edges")
        try xml.end("graph")
        try xml.end("gexf")
        try xml.endDocument()
    }

    /// A node's `attvalue` elements, absent values left out (lists joined as they are, without a string made).
    static func writeValues<Sink: XMLSink & ~Copyable>(of node: Node, into xml: inout Sink) throws {
        func value(_ key: String, _ value: String?) throws {
            guard let value else { return }
            try xml.start("attvalue")
            try xml.attribute("for", key)
            try xml.attribute("value", value)
            try xml.end("attvalue")
        }
        func list(_ key: String, _ parts: [String], separator: StaticString) throws {
            guard !parts.isEmpty else { return }
            try xml.start("attvalue")
            try xml.attribute("for", key)
            try xml.attribute("value", joining: parts, separator: separator)
            try xml.end("attvalue")
        }
        try value("kind", node.kind.rawValue)
        try list("aliases", node.aliases, separator: "|")
        try value("ontology_id", node.ontologyID)
        try value("parent", node.parent)
        try list("documents", node.documents, separator: " ")
        if let target = node.target {
            try value("relation", target.relation.rawValue)
            try value("year", String(target.year))
            try value("end_year", target.endYear.map(String.init))
            try value("action", target.action)
            try value("topic", target.topic)
            try value("value", target.value)
            try value("modality", target.modality)
        }
    }
}
