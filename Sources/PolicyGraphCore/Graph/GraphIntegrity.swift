/// The checks a graph read back from a file must pass before any command uses
/// it: well-formed ids, no duplicates, edges and target facts that point at
/// nodes of the graph, and years and months in range. A graph that fails them is
/// rejected with every problem named (up to ``maximumReported``), so that no
/// export writes an invalid file and no renderer meets an absurd year.
enum GraphIntegrity {
    /// Years a target may carry: those the time normaliser gives, wide enough for any plan, small enough that
    /// year arithmetic and a drawn axis stay bounded.
    static let years = TimeParser.yearRange
    static let maximumReported = 10

    /// The problems of a graph with these nodes and edges; empty when it is sound.
    static func problems(nodes: [Node], edges: [Edge]) -> [String] {
        var problems: [String] = []
        var ids: Set<NodeID> = []
        for node in nodes {
            if !isWellFormed(node.id.rawValue, prefix: node.kind.rawValue) {
                problems.append("node id '\(printable(node.id.rawValue))' is not \(node.kind.rawValue)_ followed by hexadecimal digits")
            }
            if !ids.insert(node.id).inserted { problems.append("node id '\(printable(node.id.rawValue))' appears twice") }
        }
        for node in nodes {
            guard let facts = node.target else { continue }
            let id = printable(node.id.rawValue)
            if !ids.contains(facts.subject) { problems.append("target \(id) names subject '\(printable(facts.subject.rawValue))', which is not a node") }
            if let technology = facts.technology, !ids.contains(technology) {
                problems.append("target \(id) names technology '\(printable(technology.rawValue))', which is not a node")
            }
            if !years.contains(facts.year) { problems.append("target \(id) has year \(facts.year), outside \(years.lowerBound)–\(years.upperBound)") }
            if let end = facts.endYear, !years.contains(end) || end < facts.year {
                problems.append("target \(id) has end year \(end), outside \(max(facts.year, years.lowerBound))–\(years.upperBound)")
            }
            for month in [facts.month, facts.endMonth].compactMap({ $0 }) where !(1...12).contains(month) {
                problems.append("target \(id) has month \(month), outside 1–12")
            }
        }
        var edgeIDs: Set<EdgeID> = []
        for edge in edges {
            let id = printable(edge.id.rawValue)
            if !isWellFormed(edge.id.rawValue, prefix: "edge") { problems.append("edge id '\(id)' is not edge_ followed by hexadecimal digits") }
            if !edgeIDs.insert(edge.id).inserted { problems.append("edge id '\(id)' appears twice") }
            for end in [edge.source, edge.target] where !ids.contains(end) {
                problems.append("edge \(id) (\(edge.type.rawValue)) points at '\(printable(end.rawValue))', which is not a node")
            }
        }
        return problems
    }

    /// `prefix_` followed by 1 to 64 lowercase hexadecimal digits.
    static func isWellFormed(_ id: String, prefix: String) -> Bool {
        let bytes = Array(id.utf8), head = Array((prefix + "_").utf8)
        guard bytes.count > head.count, bytes.count <= head.count + 64, bytes.starts(with: head) else { return false }
        return bytes[head.count...].allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// An id as it may be shown in a one-line message: at most 40 characters, controls escaped.
    static func printable(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(40) {
            result += scalar.value < 0x20 || scalar.value == 0x7F ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return text.unicodeScalars.count > 40 ? result + "…" : result
    }
}
