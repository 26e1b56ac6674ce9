import PolicyGraphCore

/// What the store adds to the graph that ``GraphBuilder`` makes: links
/// between near-duplicate documents, and co-mention edges.
enum StoreGraph {
    /// The rule id of near-duplicate links.
    static let duplicateRule = "duplicate.simhash"
    /// The rule id of co-mention edges.
    static let coMentionRule = "co_mentioned.sentence"

    /// Adds each near-duplicate as a document node, with a `duplicate_of` edge to its original.
    static func linking(duplicates: [String: String], extractions: [String: DocumentExtraction], into graph: KnowledgeGraph) -> KnowledgeGraph {
        guard !duplicates.isEmpty else { return graph }
        var nodes = Array(graph.nodes.values)
        var edges = Array(graph.edges.values)
        for (id, original) in duplicates.sorted(by: { $0.key < $1.key }) {
            let node = NodeID(kind: .document, key: "document:\(id)")
            let target = NodeID(kind: .document, key: "document:\(original)")
            nodes.append(Node(id: node, kind: .document, label: id, aliases: [], ontologyID: nil, parent: nil, firstSeen: nil,
                              lastSeen: nil, documents: [id], published: extractions[id]?.published, target: nil))
            edges.append(Edge(id: EdgeID(type: .duplicateOf, source: node, target: target), type: .duplicateOf, source: node, target: target,
                              sources: [Provenance(document: id, sentence: nil, offsets: [], rule: duplicateRule)]))
        }
        return KnowledgeGraph(nodes: nodes, edges: edges)
    }

    /// Entities whose mentions share a sentence of a document get one
    /// `co_mentioned` edge (smaller id → larger id) with a source per sentence.
    ///
    /// The sentences are those the graph's `mentioned_in` edges record (the
    /// sentence of each entity's first mention in a document).
    static func addingCoMentions(to graph: KnowledgeGraph, extractions: [DocumentExtraction]) -> KnowledgeGraph {
        struct Sentence: Hashable { let document: String; let sentence: String }
        var bySentence: [Sentence: [(NodeID, [Int])]] = [:]
        for edge in graph.edges.values where edge.type == .mentionedIn {
            for source in edge.sources {
                guard let sentence = source.sentence, !sentence.isEmpty else { continue }
                bySentence[Sentence(document: source.document, sentence: sentence), default: []].append((edge.source, source.offsets))
            }
        }
        var pairs: [EdgeID: Edge] = [:]
        for (key, mentions) in bySentence where mentions.count > 1 {
            let sorted = mentions.sorted { $0.0 < $1.0 }
            for (i, first) in sorted.enumerated() {
                for second in sorted[(i + 1)...] where first.0 != second.0 {
                    let id = EdgeID(type: .coMentioned, source: first.0, target: second.0)
                    let offsets = (first.1 + second.1)
                    let provenance = Provenance(document: key.document, sentence: key.sentence,
                                                offsets: offsets.isEmpty ? [] : [offsets.min()!, offsets.max()!], rule: coMentionRule)
                    pairs[id, default: Edge(id: id, type: .coMentioned, source: first.0, target: second.0, sources: [])].sources.append(provenance)
                }
            }
        }
        guard !pairs.isEmpty else { return graph }
        var edges = Array(graph.edges.values)
        for var edge in pairs.values {
            edge.sources = Array(Set(edge.sources)).sorted()
            edges.append(edge)
        }
        return KnowledgeGraph(nodes: Array(graph.nodes.values), edges: edges)
    }
}
