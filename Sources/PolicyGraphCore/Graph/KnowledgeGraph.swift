import Collections
import Foundation

/// One knowledge graph across documents: entities, targets and documents as
/// nodes, typed edges with provenance.
///
/// Nodes and edges are kept sorted by their stable ids, so that the same
/// input always gives the same graph and byte-identical files. Indexes for
/// names and adjacency are rebuilt whenever a graph is made or loaded.
///
/// ```swift
/// let graph = try KnowledgeGraph.load(from: URL(fileURLWithPath: "Outputs/graph.json"))
/// graph.entity(named: "工信部")?.label   // "工业和信息化部"
/// ```
public struct KnowledgeGraph: Sendable {
    public private(set) var nodes: OrderedDictionary<NodeID, Node>
    public private(set) var edges: OrderedDictionary<EdgeID, Edge>

    /// Normalised name → nodes carrying it (label or alias).
    let nodesByName: [String: [NodeID]]
    let outgoing: [NodeID: [EdgeID]]
    let incoming: [NodeID: [EdgeID]]
    /// The targets with what queries filter on, precomputed (normalised topic).
    let targetIndex: [IndexedTarget]
    /// Technology → its narrower technologies (part_of reversed).
    let narrowerTechnologies: [NodeID: [NodeID]]

    struct IndexedTarget: Sendable {
        let id: NodeID
        let facts: TargetFacts
        let subjectKind: NodeKind
        /// The normalised topic's UTF-8 bytes.
        let normalizedTopic: [UInt8]
        /// The holds_target edge's sources.
        let sources: [Provenance]
        /// Positions of the target and its subject among the sorted nodes: a cheap, stable sort key.
        let ordinal: Int
        let subjectOrdinal: Int
        /// The technology's position among the nodes, or -1.
        let technologyOrdinal: Int
        let modality: Modality?
    }

    /// Whether `needle` occurs in `haystack` (bytes; no Foundation string search on hot paths).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var matched = true
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] { matched = false; break }
            if matched { return true }
        }
        return false
    }

    /// A graph of these nodes and edges (sorted by id).
    public init(nodes: [Node], edges: [Edge]) {
        var sortedNodes = OrderedDictionary<NodeID, Node>()
        for node in nodes.sorted(by: { $0.id < $1.id }) { sortedNodes[node.id] = node }
        var sortedEdges = OrderedDictionary<EdgeID, Edge>()
        for edge in edges.sorted(by: { $0.id < $1.id }) { sortedEdges[edge.id] = edge }
        self.nodes = sortedNodes
        self.edges = sortedEdges
        var byName: [String: [NodeID]] = [:]
        for node in sortedNodes.values where node.kind != .target {
            for name in Set([node.label] + node.aliases) { byName[Self.normalize(name), default: []].append(node.id) }
        }
        var out: [NodeID: [EdgeID]] = [:]
        var into: [NodeID: [EdgeID]] = [:]
        for edge in sortedEdges.values {
            out[edge.source, default: []].append(edge.id)
            into[edge.target, default: []].append(edge.id)
        }
        nodesByName = byName
        outgoing = out
        incoming = into
        var narrower: [NodeID: [NodeID]] = [:]
        for edge in sortedEdges.values where edge.type == .partOf
            && sortedNodes[edge.source]?.kind == .technology && sortedNodes[edge.target]?.kind == .technology {
            narrower[edge.target, default: []].append(edge.source)
        }
        narrowerTechnologies = narrower
        targetIndex = sortedNodes.values.enumerated().compactMap { ordinal, node in
            guard node.kind == .target, let facts = node.target, let subject = sortedNodes[facts.subject],
                  let subjectOrdinal = sortedNodes.index(forKey: facts.subject) else { return nil }
            let holder = (into[node.id] ?? []).compactMap { sortedEdges[$0] }.first { $0.type == .holdsTarget }
            return IndexedTarget(id: node.id, facts: facts, subjectKind: subject.kind,
                                 normalizedTopic: Array((facts.topic.map(Self.normalize) ?? "").utf8), sources: holder?.sources ?? [],
                                 ordinal: ordinal, subjectOrdinal: subjectOrdinal,
                                 technologyOrdinal: facts.technology.flatMap { sortedNodes.index(forKey: $0) } ?? -1,
                                 modality: Modality(rawValue: facts.modality))
        }
    }

    /// Names compare without 《》, quotes, white space and with full-width forms folded.
    ///
    /// Linear in the name. Names made only of ASCII, CJK ideographs and the
    /// stripped marks (nearly all) are done on their UTF-8 bytes: Unicode's
    /// compatibility normalisation (NFKC) leaves those characters as they
    /// are. Any other name goes through NFKC.
    public static func normalize(_ name: String) -> String {
        var name = name
        if let fast = name.withUTF8({ NameNormalization.stableForm($0) }) { return fast }
        return String(name.precomposedStringWithCompatibilityMapping.filter { !NameNormalization.stripped.contains($0) })
    }

    /// The node with `id`.
    public subscript(id: NodeID) -> Node? { nodes[id] }

    /// The edge with `id`.
    public subscript(edge id: EdgeID) -> Edge? { edges[id] }

    /// Counts for summaries: nodes per kind and edges per type.
    public var statistics: (nodes: [NodeKind: Int], edges: [EdgeType: Int]) {
        var nodeCounts: [NodeKind: Int] = [:]
        for node in nodes.values { nodeCounts[node.kind, default: 0] += 1 }
        var edgeCounts: [EdgeType: Int] = [:]
        for edge in edges.values { edgeCounts[edge.type, default: 0] += 1 }
        return (nodeCounts, edgeCounts)
    }
}

// MARK: graph.json

/// The on-disk form of a graph (`graph.json`, documented in the README).
struct GraphFile: Codable {
    var format = "policygraph-graph"
    var version = 1
    var nodes: [Node]
    var edges: [Edge]
}

/// A graph file that cannot be read.
public struct GraphFileError: Error, LocalizedError, Sendable {
    public let path: String
    public let reason: String
    public var errorDescription: String? {
        "\(path): not a PolicyGraph graph (\(reason)). Build one with `policygraph build -o DIR` and pass DIR/graph.json."
    }
}

extension KnowledgeGraph {
    /// The graph as pretty-printed, key-sorted JSON (deterministic bytes).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(GraphFile(nodes: Array(nodes.values), edges: Array(edges.values)))
        data.append(0x0A)
        return data
    }

    /// Writes `graph.json` atomically, streamed (``writeJSON(to:)``).
    public func save(to url: URL) throws {
        try writeJSON(to: url.path)
    }

    /// Reads a graph written by ``save(to:)``.
    public static func load(from url: URL) throws -> KnowledgeGraph {
        guard let data = FileBytes.read(url.path) else {
            throw GraphFileError(path: url.path, reason: "cannot read the file")
        }
        return try load(data: data, path: url.path)
    }

    /// Reads a graph from the bytes of a graph file; `path` names it in errors.
    /// The graph is checked (ids, edge ends, years) and rejected with every problem named.
    public static func load(data: Data, path: String) throws -> KnowledgeGraph {
        let file: GraphFile
        do { file = try JSONDecoder().decode(GraphFile.self, from: data) } catch {
            throw GraphFileError(path: path, reason: "\(error)")
        }
        guard file.format == "policygraph-graph" else { throw GraphFileError(path: path, reason: "format is '\(file.format)'") }
        guard file.version == 1 else { throw GraphFileError(path: path, reason: "version \(file.version) is not supported") }
        let problems = GraphIntegrity.problems(nodes: file.nodes, edges: file.edges)
        guard problems.isEmpty else {
            var reason = problems.prefix(GraphIntegrity.maximumReported).joined(separator: "; ")
            if problems.count > GraphIntegrity.maximumReported { reason += "; and \(problems.count - GraphIntegrity.maximumReported) more problems" }
            throw GraphFileError(path: path, reason: reason)
        }
        return KnowledgeGraph(nodes: file.nodes, edges: file.edges)
    }
}
