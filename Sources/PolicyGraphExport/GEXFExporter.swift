import PolicyGraphCore

/// Writes a graph as GEXF 1.3 with time, for Gephi's timeline: `mode="dynamic"`,
/// integer years, both `start` and `end` on every node and edge (a missing end
/// means "forever" and trips networkx). Targets live from their year (or range)
/// to its end, entities and documents from the first year they are seen to the
/// graph's last year; nodes are coloured by kind (`viz:color`).
public struct GEXFExporter: Sendable {
    /// Edges gathered as bytes and handed to libxml2 in blocks (``XMLRun``); `false`: every
    /// edge through libxml2's element and attribute calls (the same bytes; for the tests).
    var edgesAsBytes = true

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

    public func write(_ graph: some WalkableGraph, to path: String) throws {
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

        try TemporaryFile.write(to: path) { temporary in
            let xml = try XMLWriter(path: temporary)
            try xml.startDocument()
            try xml.start("gexf")
            try xml.attribute("xmlns", "http://gexf.net/1.3")
            try xml.attribute("xmlns:viz", "http://gexf.net/1.3/viz")
            try xml.attribute("version", "1.3")
            try xml.start("meta")
            try xml.element("creator", "PolicyGraph")
            try xml.element("description", "Chinese policy and industry news as a knowledge graph; years on the timeline")
            try xml.end()
            try xml.start("graph")
            try xml.attribute("mode", "dynamic")
            try xml.attribute("defaultedgetype", "directed")
            try xml.attribute("timeformat", "integer")
            try xml.start("attributes")
            try xml.attribute("class", "node")
            try xml.attribute("mode", "static")
            for (id, type) in Self.nodeAttributes {
                try xml.start("attribute")
                try xml.attribute("id", id)
                try xml.attribute("title", id)
                try xml.attribute("type", type)
                try xml.end()
            }
            try xml.end()
            try xml.start("attributes")
            try xml.attribute("class", "edge")
            try xml.attribute("mode", "static")
            try xml.start("attribute")
            try xml.attribute("id", "type")
            try xml.attribute("title", "type")
            try xml.attribute("type", "string")
            try xml.end()
            try xml.end()
            try xml.start("nodes")
            for node in graph.nodes.values {
                let (start, end) = lifetimes[node.id]!
                try xml.start("node")
                try xml.attribute("id", node.id.rawValue)
                try xml.attribute("label", node.label)
                try xml.attribute("start", String(start))
                try xml.attribute("end", String(end))
                try xml.start("attvalues")
                for (key, value) in Self.values(of: node) {
                    try xml.start("attvalue")
                    try xml.attribute("for", key)
                    try xml.attribute("value", value)
                    try xml.end()
                }
                try xml.end()
                let (r, g, b) = Self.colors[node.kind] ?? (200, 200, 200)
                try xml.start("viz:color")
                try xml.attribute("r", String(r))
                try xml.attribute("g", String(g))
                try xml.attribute("b", String(b))
                try xml.end()
                try xml.end()
            }
            try xml.end()
            try xml.start("edges")
            var run = XMLRun(depth: 3)
            try graph.forEachEdgeSummary { edge in
                // An edge lives while both its ends do.
                let (sourceStart, sourceEnd) = lifetimes[edge.source] ?? (graphStart, graphEnd)
                let (targetStart, targetEnd) = lifetimes[edge.target] ?? (graphStart, graphEnd)
                let start = max(sourceStart, targetStart)
                let end = max(start, min(sourceEnd, targetEnd))
                if edgesAsBytes, XMLRun.isPlain(edge.id.rawValue), XMLRun.isPlain(edge.source.rawValue),
                   XMLRun.isPlain(edge.target.rawValue) {
                    let type = edge.type.rawValue
                    run.start("edge")
                    run.attribute("id", edge.id.rawValue)
                    run.attribute("source", edge.source.rawValue)
                    run.attribute("target", edge.target.rawValue)
                    run.attribute("label", type)
                    run.attribute("weight", weight: edge.weight)
                    run.attribute("start", start)
                    run.attribute("end", end)
                    run.closeStart()
                    run.start("attvalues")
                    run.closeStart()
                    run.start("attvalue")
                    run.attribute("for", "type")
                    run.attribute("value", type)
                    run.endEmpty()
                    run.end("attvalues")
                    run.end("edge")
                    try xml.handOverIfFull(&run)
                    return
                }
                try xml.handOver(&run)
                try xml.start("edge")
                try xml.attribute("id", edge.id.rawValue)
                try xml.attribute("source", edge.source.rawValue)
                try xml.attribute("target", edge.target.rawValue)
                try xml.attribute("label", edge.type.rawValue)
                try xml.attribute("weight", String(Double(edge.weight)))
                try xml.attribute("start", String(start))
                try xml.attribute("end", String(end))
                try xml.start("attvalues")
                try xml.start("attvalue")
                try xml.attribute("for", "type")
                try xml.attribute("value", edge.type.rawValue)
                try xml.end()
                try xml.end()
                try xml.end()
            }
            try xml.write(run)
            try xml.end()
            try xml.end() // graph
            try xml.end() // gexf
            try xml.endDocument()
        }
    }

    static func values(of node: Node) -> [(String, String)] {
        var values: [(String, String?)] = [
            ("kind", node.kind.rawValue), ("aliases", node.aliases.isEmpty ? nil : node.aliases.joined(separator: "|")),
            ("ontology_id", node.ontologyID), ("parent", node.parent),
            ("documents", node.documents.isEmpty ? nil : node.documents.joined(separator: " ")),
        ]
        if let target = node.target {
            values += [("relation", target.relation.rawValue), ("year", String(target.year)), ("end_year", target.endYear.map(String.init)),
                       ("action", target.action), ("topic", target.topic), ("value", target.value), ("modality", target.modality)]
        }
        return values.compactMap { key, value in value.map { (key, $0) } }
    }
}
