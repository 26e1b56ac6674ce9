/// Which part of a graph to keep: every filter given must hold (a whole graph
/// is unreadable in DOT).
public struct SubgraphFilter: Sendable {
    /// Targets about this topic (narrower technologies count), with their holders and technologies.
    public var topic: String?
    /// Only nodes of these kinds.
    public var kinds: Set<NodeKind>?
    /// Only nodes within `depth` steps of this entity (and it).
    public var around: String?
    public var depth: Int
    /// Only targets whose time overlaps these years, and other nodes first seen by `to`.
    public var fromYear: Int?
    public var toYear: Int?

    public init(topic: String? = nil, kinds: Set<NodeKind>? = nil, around: String? = nil, depth: Int = 1,
                fromYear: Int? = nil, toYear: Int? = nil) {
        self.topic = topic
        self.kinds = kinds
        self.around = around
        self.depth = depth
        self.fromYear = fromYear
        self.toYear = toYear
    }

    public var isEmpty: Bool { topic == nil && kinds == nil && around == nil && fromYear == nil && toYear == nil }
}

extension KnowledgeGraph {
    /// The nodes that `filter` keeps and the edges between them.
    public func subgraph(_ filter: SubgraphFilter) -> KnowledgeGraph {
        guard !filter.isEmpty else { return self }
        var keep = Set(nodes.keys)
        if let topic = filter.topic {
            var topical: Set<NodeID> = technologyClosure(of: topic)
            for result in targets(about: topic) {
                topical.insert(result.target.id)
                topical.insert(result.subject.id)
                if let technology = result.facts.technology { topical.insert(technology) }
            }
            keep.formIntersection(topical)
        }
        if let kinds = filter.kinds {
            keep = keep.filter { nodes[$0].map { kinds.contains($0.kind) } ?? false }
        }
        if let name = filter.around, let center = entity(named: name) {
            keep.formIntersection(Set(neighborhood(of: center.id, depth: filter.depth).map(\.id) + [center.id]))
        } else if filter.around != nil {
            keep = []
        }
        if filter.fromYear != nil || filter.toYear != nil {
            let low = filter.fromYear ?? Int.min, high = filter.toYear ?? Int.max
            keep = keep.filter { id in
                guard let node = nodes[id] else { return false }
                if let target = node.target { return TimeFilter.between(low, high).accepts(target) }
                guard let first = (node.firstSeen ?? node.published).flatMap({ Int($0.prefix(4)) }) else { return true }
                return first <= high
            }
        }
        let keptNodes = nodes.values.filter { keep.contains($0.id) }
        let keptEdges = edges.values.filter { keep.contains($0.source) && keep.contains($0.target) }
        return KnowledgeGraph(nodes: Array(keptNodes), edges: Array(keptEdges))
    }
}
