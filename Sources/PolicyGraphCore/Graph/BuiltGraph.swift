import Collections

/// A graph as the exports read it: every node, and the edges one at a time in
/// id order. ``KnowledgeGraph`` is one; ``BuiltGraph`` is one that never holds
/// its `mentioned_in` edges as ``Edge`` values all at once.
public protocol WalkableGraph: Sendable {
    /// The nodes, sorted by id.
    var nodes: OrderedDictionary<NodeID, Node> { get }
    /// The number of edges.
    var edgeCount: Int { get }
    /// Calls `body` with each edge in id order.
    /// - Parameter sentences: whether `body` reads the sources' sentences, or
    ///   only their number and documents (then they may come without sentences,
    ///   in any order).
    func forEachEdge(sentences: Bool, _ body: (Edge) throws -> Void) throws
    /// Calls `body` with each edge's ``EdgeSummary``, in id order: what the exports
    /// that write no sentence read, made without a ``Provenance`` per source where
    /// the graph can.
    func forEachEdgeSummary(_ body: (EdgeSummary) throws -> Void) throws
    /// The number of edges of each type (what a walk of the edges would count).
    var edgeCounts: [EdgeType: Int] { get }
}

extension WalkableGraph {
    public func forEachEdgeSummary(_ body: (EdgeSummary) throws -> Void) throws {
        try forEachEdge(sentences: false) { try body(EdgeSummary($0)) }
    }

    public var edgeCounts: [EdgeType: Int] {
        var counts: [EdgeType: Int] = [:]
        try? forEachEdgeSummary { counts[$0.type, default: 0] += 1 }
        return counts
    }

    /// Counts for summaries: nodes per kind and edges per type.
    public var statistics: (nodes: [NodeKind: Int], edges: [EdgeType: Int]) {
        var nodeCounts: [NodeKind: Int] = [:]
        for node in nodes.values { nodeCounts[node.kind, default: 0] += 1 }
        return (nodeCounts, edgeCounts)
    }
}

extension KnowledgeGraph: WalkableGraph {
    public var edgeCount: Int { edges.count }

    public func forEachEdge(sentences: Bool, _ body: (Edge) throws -> Void) throws {
        for edge in edges.values { try body(edge) }
    }
}

/// The graph `build` writes: nodes and every edge but `mentioned_in` as a
/// ``KnowledgeGraph``, and the `mentioned_in` edges in compact form
/// (``MentionEdges``), made into ``Edge`` values one at a time as the exports
/// walk them. Its walk gives the same edges as ``materialized()``.
///
/// ```swift
/// let built = try accumulator.built()
/// try built.writeJSON(to: "Outputs/graph.json")   // the bytes of built.materialized()'s
/// let timeline = Timeline(graph: built.graph)      // targets need no mention edges
/// ```
public struct BuiltGraph: WalkableGraph {
    /// Nodes and every edge except `mentioned_in`.
    public var graph: KnowledgeGraph
    public let mentions: MentionEdges

    public init(graph: KnowledgeGraph, mentions: MentionEdges = .none) {
        self.graph = graph
        self.mentions = mentions
    }

    public var nodes: OrderedDictionary<NodeID, Node> { graph.nodes }

    public var edgeCount: Int { graph.edges.count + mentions.count }

    /// The edges of each type, counted without walking the `mentioned_in` edges: their number,
    /// and the other edges by type (an id in both parts counts once, as the mention edge the
    /// walk gives for it). `build` prints these before writing, on one thread.
    public var edgeCounts: [EdgeType: Int] {
        var counts: [EdgeType: Int] = [:]
        if mentions.count > 0 { counts[.mentionedIn] = mentions.count }
        for edge in graph.edges.values where !mentions.contains(edge.id) { counts[edge.type, default: 0] += 1 }
        return counts
    }

    /// The edges of both parts merged in id order (an id in both: the mention edge).
    public func forEachEdge(sentences: Bool, _ body: (Edge) throws -> Void) throws {
        try forEachEdge(sentences: sentences, text: { try mentions.spill.text($0) }, body)
    }

    func forEachEdge(sentences: Bool, text: (SentenceRef) throws -> String?, _ body: (Edge) throws -> Void) rethrows {
        let others = graph.edges.values
        var next = others.startIndex
        for index in 0..<mentions.count {
            let id = mentions.id(at: index)
            while next < others.endIndex, others[next].id <= id {
                if others[next].id != id { try body(others[next]) }
                next += 1
            }
            try body(try mentions.edge(at: index, sentences: sentences, text: text))
        }
        while next < others.endIndex {
            try body(others[next])
            next += 1
        }
    }

    /// The summaries of the edges of both parts merged in id order, as ``forEachEdge(sentences:_:)``
    /// merges them: a mention edge's summary is read from its records, with no ``Edge`` made.
    public func forEachEdgeSummary(_ body: (EdgeSummary) throws -> Void) throws {
        let others = graph.edges.values
        var next = others.startIndex
        for index in 0..<mentions.count {
            let id = mentions.id(at: index)
            while next < others.endIndex, others[next].id <= id {
                if others[next].id != id { try body(EdgeSummary(others[next])) }
                next += 1
            }
            try body(mentions.summary(at: index, id: id))
        }
        while next < others.endIndex {
            try body(EdgeSummary(others[next]))
            next += 1
        }
    }

    /// The sentences of the `mentioned_in` sources (read back by ``forEachEdge(sentenceRefs:)``'s callers).
    public var sentences: SentenceSpill { mentions.spill }

    /// The walk of ``forEachEdge(sentences:_:)`` with sentences, for a writer that keeps each
    /// distinct sentence once: a `mentioned_in` edge with one source (most) comes to `singleMention`
    /// as its parts, with the ref of its sentence into ``sentences`` instead of the text (so that a
    /// sentence already written need not be read again, and no ``Edge`` is made for it); every
    /// other edge comes whole to `whole`. In edge id order, as the other walks.
    public func forEachEdge(singleMention: (SingleMentionEdge) throws -> Void, whole: (Edge) throws -> Void) throws {
        let others = graph.edges.values
        var next = others.startIndex
        for index in 0..<mentions.count {
            let id = mentions.id(at: index)
            while next < others.endIndex, others[next].id <= id {
                if others[next].id != id { try whole(others[next]) }
                next += 1
            }
            if let mention = mentions.singleMention(at: index, id: id) {
                try singleMention(mention)
            } else {
                try whole(try mentions.edge(at: index, sentences: true, text: { try mentions.spill.text($0) }))
            }
        }
        while next < others.endIndex {
            try whole(others[next])
            next += 1
        }
    }

    /// The whole graph with its `mentioned_in` edges as ``Edge`` values.
    /// - Throws: ``StreamedFileError`` if a sentence cannot be read back from the scratch file.
    public func materialized() throws -> KnowledgeGraph {
        guard mentions.count > 0 else { return graph }
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount)
        try forEachEdge(sentences: true) { edges.append($0) }
        return KnowledgeGraph(nodes: Array(graph.nodes.values), edges: edges)
    }
}
