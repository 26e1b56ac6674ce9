/// Which times a target query accepts.
public enum TimeFilter: Hashable, Sendable {
    /// Due no later than the year: `in`, `by` and `from` times whose year is at
    /// most it, and ranges that start by then.
    case dueBy(Int)
    /// Falling in the year (a range that covers it counts).
    case `in`(Int)
    /// Starting after the year.
    case after(Int)
    /// Overlapping the inclusive range of years.
    case between(Int, Int)

    func accepts(_ facts: TargetFacts) -> Bool {
        let first = facts.year
        let last = facts.relation == .after ? Int.max : (facts.endYear ?? facts.year)
        switch self {
        case let .dueBy(year):
            return facts.relation != .after && first <= year
        case let .in(year):
            switch facts.relation {
            case .in, .by, .from: return facts.year == year
            case .after: return year > facts.year
            case .between: return first <= year && year <= last
            }
        case let .after(year):
            return last > year
        case let .between(low, high):
            return first <= high && last >= low
        }
    }
}

/// Whose targets a query wants: promises, goals or forecasts.
public enum Modality: String, Hashable, Sendable, CaseIterable {
    case promise, goal, forecast
}

/// A target found by a query, with its subject and sources.
public struct TargetResult: Hashable, Sendable {
    public let target: Node
    public let subject: Node
    public let facts: TargetFacts
    /// Where it was read: document, sentence, offsets.
    public let sources: [Provenance]

    public init(target: Node, subject: Node, facts: TargetFacts, sources: [Provenance]) {
        self.target = target
        self.subject = subject
        self.facts = facts
        self.sources = sources
    }
}

/// The direction of edges to follow.
public enum EdgeDirection: String, Hashable, Sendable, CaseIterable {
    case outgoing, incoming, both
}

extension KnowledgeGraph {
    // MARK: Entities

    /// The entity (or document) named `name` by its canonical name or any alias:
    /// `graph.entity(named: "工信部")` finds 工业和信息化部.
    public func entity(named name: String) -> Node? {
        entities(named: name).first
    }

    /// Every entity named `name`, the ones mentioned in most documents first.
    public func entities(named name: String) -> [Node] {
        (nodesByName[Self.normalize(name)] ?? []).compactMap { nodes[$0] }
            .sorted { ($0.documents.count, $1.id) > ($1.documents.count, $0.id) }
    }

    /// The entities of one type, by canonical name.
    public func entities(ofType type: EntityType) -> [Node] {
        nodes.values.filter { $0.kind == NodeKind(type) }.sorted { $0.label < $1.label }
    }

    /// Known names closest to `name` (for "did you mean"), as the labels of their nodes, without duplicates.
    public func suggestions(for name: String, limit: Int = 5) -> [String] {
        var labels: [String] = []
        var seen: Set<String> = []
        for candidate in NameSuggestions.closest(to: Self.normalize(name), among: Array(nodesByName.keys), limit: nodesByName.count) {
            guard let label = nodesByName[candidate]?.first.flatMap({ nodes[$0]?.label }), seen.insert(label).inserted else { continue }
            labels.append(label)
            if labels.count == limit { break }
        }
        return labels
    }

    // MARK: Targets

    /// Targets filtered by topic (narrower technologies count: 全固态电池 for 固态电池),
    /// time, the subject's type, modality and subject.
    ///
    /// The question the tool is judged by:
    /// ```swift
    /// graph.targets(about: "固态电池", time: .dueBy(2027), subjectType: .company, modality: .promise)
    /// ```
    /// Complexity: linear in the number of targets.
    public func targets(about topic: String? = nil, time: TimeFilter? = nil, subjectType: EntityType? = nil,
                        modality: Modality? = nil, subject: String? = nil) -> [TargetResult] {
        let technologies = topic.map { Set(technologyClosure(of: $0).compactMap { nodes.index(forKey: $0) }) }
        let normalizedTopic = topic.map { Array(Self.normalize($0).utf8) }
        let subjects = subject.map { Set(entities(named: $0).compactMap { nodes.index(forKey: $0.id) }) }
        let kind = subjectType.map(NodeKind.init)
        var matches: [Int] = []
        targetIndex.withUnsafeBufferPointer { index in
            for position in index.indices {
                let indexed = index[position]
                if let kind, indexed.subjectKind != kind { continue }
                if let modality, indexed.modality != modality { continue }
                if let subjects, !subjects.contains(indexed.subjectOrdinal) { continue }
                if let time, !time.accepts(indexed.facts) { continue }
                if let technologies, let normalizedTopic {
                    let byTechnology = indexed.technologyOrdinal >= 0 && technologies.contains(indexed.technologyOrdinal)
                    guard byTechnology || (!normalizedTopic.isEmpty && Self.bytes(indexed.normalizedTopic, contain: normalizedTopic)) else { continue }
                }
                matches.append(position)
            }
        }
        // Time first, then subject and target by their positions among the id-sorted nodes.
        matches.sort { a, b in
            let x = targetIndex[a], y = targetIndex[b]
            return (x.facts.year, x.facts.month ?? 0, x.subjectOrdinal, x.ordinal) < (y.facts.year, y.facts.month ?? 0, y.subjectOrdinal, y.ordinal)
        }
        return matches.map { position in
            let indexed = targetIndex[position]
            return TargetResult(target: nodes.values[indexed.ordinal], subject: nodes.values[indexed.subjectOrdinal], facts: indexed.facts,
                         sources: indexed.sources)
        }
    }

    /// A technology and every narrower one (following part_of backwards).
    public func technologyClosure(of name: String) -> Set<NodeID> {
        let roots = entities(named: name).filter { $0.kind == .technology }.map(\.id)
        var seen = Set(roots)
        var queue = roots
        while let next = queue.popLast() {
            for narrower in narrowerTechnologies[next] ?? [] where seen.insert(narrower).inserted { queue.append(narrower) }
        }
        return seen
    }

    // MARK: Structure

    /// The nodes linked to `id` by edges of `type` (any when `nil`) in `direction`.
    public func neighbors(of id: NodeID, edgeType type: EdgeType? = nil, direction: EdgeDirection = .both) -> [(edge: Edge, node: Node)] {
        var result: [(Edge, Node)] = []
        if direction != .incoming {
            for edgeID in outgoing[id] ?? [] {
                guard let edge = edges[edgeID], type == nil || edge.type == type, let node = nodes[edge.target] else { continue }
                result.append((edge, node))
            }
        }
        if direction != .outgoing {
            for edgeID in incoming[id] ?? [] {
                guard let edge = edges[edgeID], type == nil || edge.type == type, let node = nodes[edge.source] else { continue }
                result.append((edge, node))
            }
        }
        return result
    }

    /// The nodes within `depth` steps of `id` (breadth first, excluding `id`).
    public func neighborhood(of id: NodeID, edgeType type: EdgeType? = nil, depth: Int) -> [Node] {
        var seen: Set<NodeID> = [id]
        var frontier = [id]
        var result: [Node] = []
        for _ in 0..<max(0, depth) {
            var next: [NodeID] = []
            for current in frontier {
                for (_, node) in neighbors(of: current, edgeType: type) where seen.insert(node.id).inserted {
                    next.append(node.id)
                    result.append(node)
                }
            }
            frontier = next.sorted()
        }
        return result
    }

    /// The shortest path between two nodes over edges in either direction, or
    /// `nil`. Document nodes are not crossed (every entity would be two steps
    /// from every other), unless one of the ends is a document.
    public func shortestPath(from start: NodeID, to goal: NodeID) -> [NodeID]? {
        guard nodes[start] != nil, nodes[goal] != nil else { return nil }
        if start == goal { return [start] }
        var previous: [NodeID: NodeID] = [start: start]
        var frontier = [start]
        while !frontier.isEmpty {
            var next: [NodeID] = []
            for current in frontier {
                for (_, node) in neighbors(of: current) where previous[node.id] == nil {
                    if node.kind == .document && node.id != goal { continue }
                    previous[node.id] = current
                    if node.id == goal {
                        var path = [goal]
                        var step = goal
                        while step != start { step = previous[step]!; path.append(step) }
                        return path.reversed()
                    }
                    next.append(node.id)
                }
            }
            frontier = next.sorted()
        }
        return nil
    }

    /// The policies `body` issued.
    public func policies(issuedBy body: NodeID) -> [Node] {
        neighbors(of: body, edgeType: .issued, direction: .outgoing).map(\.node).sorted { $0.label < $1.label }
    }

    /// Where a node was read: the sources of its edges (targets: their holds_target edges;
    /// entities: their mentions).
    public func sources(of id: NodeID) -> [Provenance] {
        guard let node = nodes[id] else { return [] }
        let type: EdgeType = node.kind == .target ? .holdsTarget : .mentionedIn
        let direction: EdgeDirection = node.kind == .target ? .incoming : .outgoing
        let linked = neighbors(of: id, edgeType: type, direction: direction)
        // One edge (a target's holder): its sources are already sorted.
        if linked.count == 1 { return linked[0].edge.sources }
        return Array(Set(linked.flatMap(\.edge.sources))).sorted()
    }

    /// Where an edge was read.
    public func sources(of edge: EdgeID) -> [Provenance] { edges[edge]?.sources ?? [] }
}
