/// Builds one ``KnowledgeGraph`` from per-document extractions.
///
/// Entities merge across documents by their ontology entry, else by name and
/// alias within a type; targets merge when subject, time and topic agree; every
/// edge keeps each source it was read from. Ids are assigned at the end from
/// kind and canonical name, so document order never changes them.
public struct GraphBuilder: Sendable {
    public let ontology: Ontology

    public init(ontology: Ontology) { self.ontology = ontology }

    /// A node while building: identified by its internal key's number (``GraphAccumulator``)
    /// until ids are assigned.
    struct Draft {
        var kind: NodeKind
        var label: String
        var names: Set<String>
        var ontologyIndex: Int?
        /// A target's or a document's documents, as they were added: in id order, so a
        /// document added again comes right after itself and is not appended twice (made
        /// distinct and sorted at the end, by ``sortedDistinct(_:)``, what a `Set` of them
        /// sorted gives). An entity's are read from its mention records at the end
        /// (``MentionRecords/documentsByDraft(count:)``), in the same order.
        var documents: [String] = []
        /// The earliest and latest publication date of its documents.
        var firstSeen: String?
        var lastSeen: String?
        var published: String?
        /// The target's facts, and its subject's and technology's draft numbers.
        var target: (facts: TargetFacts, subjectKey: Int, technologyKey: Int?)?
        /// ``KnowledgeGraph/normalize(_:)`` of each of ``names`` (for the accumulator's name
        /// index), and the number of names they were made from.
        var normalForms: [HashedKey] = []
        var normalFormsOf = 0
        /// Whether its ontology entry's name and aliases are among ``names`` already.
        var hasOntologyNames = false
        /// The kind and the number of ``normalForms`` last put in the accumulator's name
        /// index: the same again means every one of them is there already.
        var indexedKind: NodeKind?
        var indexedForms = 0
        /// The names last added to ``names``: the same again add nothing.
        var lastNames: [String] = []

        /// Adds `document` unless it was the last one added.
        mutating func add(document: String) {
            if documents.last != document { documents.append(document) }
        }

        mutating func see(_ date: String) {
            if firstSeen.map({ date < $0 }) ?? true { firstSeen = date }
            if lastSeen.map({ $0 < date }) ?? true { lastSeen = date }
        }
    }

    struct DraftEdge {
        var type: EdgeType
        /// The ends' draft numbers.
        var source: Int
        var target: Int
        /// In the order read, repeats included: made distinct and sorted once, at the end
        /// (an array is a third of a set's memory, and most edges have one source).
        var sources: [Provenance]
    }

    /// An edge while building: its type and its ends' draft numbers.
    struct EdgeKey: Hashable {
        let type: EdgeType
        let source: Int
        let target: Int
    }

    /// The graph of `extractions`, in any order (they are taken in document order).
    public func build(_ extractions: [DocumentExtraction]) -> KnowledgeGraph {
        var accumulator = GraphAccumulator(builder: self)
        for extraction in extractions.sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        return accumulator.graph()
    }

    /// `sources` sorted, each once (what a set of them, sorted, gives).
    static func distinctSorted(_ sources: [Provenance]) -> [Provenance] {
        guard sources.count > 1 else { return sources }
        var result: [Provenance] = []
        result.reserveCapacity(sources.count)
        // Equal sources sort next to each other, among sources that compare as equivalent (a nil and an empty sentence).
        var run = 0
        for source in sources.sorted() {
            if let last = result.last, last < source { run = result.count }
            if !result[run...].contains(source) { result.append(source) }
        }
        return result
    }

    /// `documents` sorted, each once, the first added of equal ones kept (what a `Set`
    /// of them, sorted, gives).
    static func sortedDistinct(_ documents: [String]) -> [String] {
        guard documents.count > 1 else { return documents }
        var result: [String] = []
        result.reserveCapacity(documents.count)
        for document in documents.sorted() where result.last != document { result.append(document) }
        return result
    }

    func ontologyIndexes(named name: String) -> [Int] {
        ontology.indexes(named: ontology.folding.fold(name))
    }

    func ontologyProvenance(_ entity: OntologyEntity) -> Provenance {
        Provenance(document: "Ontology/\(entity.source.file)", sentence: nil, offsets: [entity.source.line])
    }

    /// Assigns ids from kind and canonical name, and resolves the drafts' references
    /// (``finish(drafts:edges:entityIDs:mentionDocuments:)``, below).
    /// Empties `drafts` and `edges` as soon as they are turned into nodes and edges,
    /// so that the two forms of a large graph are not held at once.
    /// - Parameter drafts: by draft number (`nil`: a number without a draft).
    /// - Returns: the graph, and the id of each draft number (`nil`: none).
    /// The ids of the entity and document drafts by draft number (`nil` for targets, whose
    /// ids ``finish(drafts:edges:entityIDs:)`` derives from their subject's, and for numbers
    /// without a draft): all that the `mentioned_in` records need.
    func entityIDs(of drafts: [Draft?]) -> [NodeID?] {
        var ids: [NodeID?] = Array(repeating: nil, count: drafts.count)
        for (key, draft) in drafts.enumerated() {
            guard let draft, draft.kind != .target else { continue }
            ids[key] = NodeID(kind: draft.kind, key: draft.ontologyIndex.map { ontology.entities[$0].id.rawValue } ?? "\(draft.kind.rawValue):\(draft.label)")
        }
        return ids
    }

    /// Makes the nodes and edges, given the entities' and documents' ids (``entityIDs(of:)``
    /// of `drafts`).
    /// Empties `drafts` and `edges` as soon as they are turned into nodes and edges,
    /// so that the two forms of a large graph are not held at once.
    /// - Parameters:
    ///   - drafts: by draft number (`nil`: a number without a draft).
    ///   - mentionDocuments: the documents of a draft number's mention records, in the order
    ///     added (the documents of a draft whose own ``Draft/documents`` are empty).
    /// - Returns: the graph, and the id of each draft number (`nil`: none).
    func finish(drafts: inout [Draft?], edges: inout [EdgeKey: DraftEdge], entityIDs: [NodeID?],
                mentionDocuments: (Int) -> [String]) -> (KnowledgeGraph, [NodeID?]) {
        var ids = entityIDs
        var nodes: [Node] = []
        for (key, draft) in drafts.enumerated() {
            guard let draft, draft.kind != .target else { continue }
            nodes.append(Node(id: ids[key]!, kind: draft.kind, label: draft.label,
                              aliases: draft.names.filter { $0 != draft.label }.sorted(),
                              ontologyID: draft.ontologyIndex.map { ontology.entities[$0].id.rawValue },
                              parent: draft.ontologyIndex.flatMap { ontology.entities[$0].parentName },
                              firstSeen: draft.firstSeen, lastSeen: draft.lastSeen,
                              documents: Self.sortedDistinct(draft.documents.isEmpty ? mentionDocuments(key) : draft.documents),
                              published: draft.published, target: nil))
        }
        for (key, draft) in drafts.enumerated() {
            guard let draft, draft.kind == .target, let (facts, subjectKey, technologyKey) = draft.target,
                  let subject = ids[subjectKey] else { continue }
            var resolved = facts
            resolved.subject = subject
            resolved.technology = technologyKey.flatMap { ids[$0] }
            let topic = facts.topic ?? facts.action ?? ""
            let id = NodeID(kind: .target, key: "\(subject.rawValue)|\(facts.relation.rawValue)|\(facts.year)|\(facts.month ?? 0)|\(facts.endYear ?? 0)|\(KnowledgeGraph.normalize(topic))")
            ids[key] = id
            let subjectLabel = drafts[subjectKey]?.label ?? ""
            let label = "\(subjectLabel) · \(TimeDescription.describe(resolved)) · \([facts.action, facts.topic].compactMap { $0 }.joined(separator: " "))"
            nodes.append(Node(id: id, kind: .target, label: label, aliases: [], ontologyID: nil, parent: nil,
                              firstSeen: draft.firstSeen, lastSeen: draft.lastSeen, documents: Self.sortedDistinct(draft.documents),
                              published: nil, target: resolved))
        }
        var finished: [Edge] = []
        for edge in edges.values {
            guard let source = ids[edge.source], let target = ids[edge.target] else { continue }
            finished.append(Edge(id: EdgeID(type: edge.type, source: source, target: target), type: edge.type,
                                 source: source, target: target, sources: Self.distinctSorted(edge.sources)))
        }
        edges = [:]
        drafts = []
        return (KnowledgeGraph(nodes: nodes, edges: finished), ids)
    }
}

/// Human-readable times: by 2027, in 2026-01, after 2030, 2024–2026.
public enum TimeDescription {
    public static func describe(_ facts: TargetFacts) -> String {
        func point(_ year: Int?, _ month: Int?) -> String {
            guard let year else { return "?" }
            return month.map { String(format: "%d-%02d", year, $0) } ?? String(year)
        }
        if facts.relation == .between { return "\(point(facts.year, facts.month))–\(point(facts.endYear, facts.endMonth))" }
        return "\(facts.relation.rawValue) \(point(facts.year, facts.month))"
    }
}

import Foundation
