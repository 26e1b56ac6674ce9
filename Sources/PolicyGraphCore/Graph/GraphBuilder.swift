/// Builds one ``KnowledgeGraph`` from per-document extractions.
///
/// Entities merge across documents by their ontology entry, else by name and
/// alias within a type; targets merge when subject, time and topic agree; every
/// edge keeps each source it was read from. Ids are assigned at the end from
/// kind and canonical name, so document order never changes them.
public struct GraphBuilder: Sendable {
    public let ontology: Ontology

    public init(ontology: Ontology) { self.ontology = ontology }

    /// A node while building: identified by an internal key until ids are assigned.
    struct Draft {
        var kind: NodeKind
        var label: String
        var names: Set<String>
        var ontologyIndex: Int?
        var documents: Set<String> = []
        var dates: [String] = []
        var published: String?
        var target: (facts: TargetFacts, subjectKey: String, technologyKey: String?)?
    }

    struct DraftEdge {
        var type: EdgeType
        var source: String
        var target: String
        var sources: Set<Provenance>
    }

    public func build(_ extractions: [DocumentExtraction]) -> KnowledgeGraph {
        var drafts: [String: Draft] = [:]
        var edges: [String: DraftEdge] = [:]
        var nameIndex: [String: String] = [:] // "type|normalised name" → draft key
        func addEdge(_ type: EdgeType, _ source: String, _ target: String, _ provenance: Provenance?) {
            let key = "\(type.rawValue)|\(source)|\(target)"
            var edge = edges[key] ?? DraftEdge(type: type, source: source, target: target, sources: [])
            if let provenance { edge.sources.insert(provenance) }
            edges[key] = edge
        }
        func ontologyKey(_ index: Int) -> String { "ontology:\(ontology.entities[index].id.rawValue)" }
        func technologyKey(named name: String) -> String? {
            guard let index = ontologyIndexes(named: name).first(where: { ontology.entities[$0].type == .technology }) else { return nil }
            let key = ontologyKey(index)
            if drafts[key] == nil {
                let entity = ontology.entities[index]
                drafts[key] = Draft(kind: .technology, label: entity.name, names: Set([entity.name] + entity.aliases), ontologyIndex: index)
                // Broader technologies, so that 全固态电池 counts for 固态电池.
                if let parent = entity.parentName, let parentKey = technologyKey(named: parent), parentKey != key {
                    addEdge(.partOf, key, parentKey, ontologyProvenance(entity))
                }
            }
            return key
        }

        for extraction in extractions.sorted(by: { $0.document < $1.document }) {
            let document = extraction.document
            let documentKey = "document:\(document)"
            drafts[documentKey] = Draft(kind: .document, label: document, names: [document], ontologyIndex: nil,
                                        documents: [document], published: extraction.published)
            // Entities, and this document's names for them.
            var local: [String: String] = [:] // normalised name → draft key
            for entity in extraction.entities {
                let names = Set([entity.name] + entity.aliases + (entity.canonical.map { [$0] } ?? []))
                let kind = NodeKind(entity.type)
                var key: String
                var ontologyIndex: Int? = nil
                if let id = entity.id, let index = ontology.index(of: EntityID(rawValue: id)) {
                    key = ontologyKey(index)
                    ontologyIndex = index
                } else if let existing = ([entity.name] + names.sorted()).lazy.compactMap({ nameIndex["\(kind.rawValue)|\(KnowledgeGraph.normalize($0))"] }).first {
                    // Names are tried in a fixed order (the document's name first) so merges never depend on hashing.
                    key = existing
                } else {
                    key = "name:\(kind.rawValue):\(KnowledgeGraph.normalize(entity.name))"
                }
                var draft = drafts[key] ?? Draft(kind: kind, label: entity.name, names: [], ontologyIndex: ontologyIndex)
                if let index = ontologyIndex {
                    draft.label = ontology.entities[index].name
                    draft.names.formUnion([ontology.entities[index].name] + ontology.entities[index].aliases)
                } else if entity.name.count > draft.label.count || (entity.name.count == draft.label.count && entity.name < draft.label) {
                    draft.label = entity.name
                }
                draft.names.formUnion(names)
                draft.documents.insert(document)
                if let published = extraction.published { draft.dates.append(published) }
                drafts[key] = draft
                for name in draft.names {
                    nameIndex["\(kind.rawValue)|\(KnowledgeGraph.normalize(name))"] = nameIndex["\(kind.rawValue)|\(KnowledgeGraph.normalize(name))"] ?? key
                    local[KnowledgeGraph.normalize(name)] = local[KnowledgeGraph.normalize(name)] ?? key
                }
                addEdge(.mentionedIn, key, documentKey, Provenance(document: document, sentence: entity.sentence, offsets: entity.offsets, rule: entity.rule))
            }
            // Targets: one node per subject, time and topic, across documents.
            for target in extraction.targets {
                guard let subjectKey = local[KnowledgeGraph.normalize(target.subject)], let year = target.time.year,
                      let relation = TimeRelation(rawValue: target.time.relation) else { continue }
                let topicKey = KnowledgeGraph.normalize(target.topic ?? target.action ?? "")
                let key = "target:\(subjectKey)|\(relation.rawValue)|\(year)|\(target.time.month ?? 0)|\(target.time.end_year ?? 0)|\(topicKey)"
                let technology = target.technology.flatMap { technologyKey(named: $0) }
                let facts = TargetFacts(subject: NodeID(rawValue: ""), relation: relation, year: year, month: target.time.month,
                                        endYear: target.time.end_year, endMonth: target.time.end_month, action: target.action,
                                        topic: target.topic, value: target.value, modality: target.modality, technology: nil)
                var draft = drafts[key] ?? Draft(kind: .target, label: "", names: [], ontologyIndex: nil, target: (facts, subjectKey, technology))
                draft.documents.insert(document)
                if let published = extraction.published { draft.dates.append(published) }
                drafts[key] = draft
                let provenance = Provenance(document: document, sentence: target.quote, offsets: target.timeOffsets, rule: target.rule)
                addEdge(.holdsTarget, subjectKey, key, Provenance(document: document, sentence: target.quote, offsets: target.subjectOffsets, rule: target.rule))
                if let technology { addEdge(.about, key, technology, provenance) }
            }
            // Where the text puts organisations and zones.
            for pair in extraction.located {
                guard let entity = local[KnowledgeGraph.normalize(pair.entity)], let place = local[KnowledgeGraph.normalize(pair.place)] else { continue }
                addEdge(.locatedIn, entity, place, Provenance(document: document, sentence: pair.sentence, offsets: pair.offsets))
            }
            // Issued pairs.
            for pair in extraction.issued {
                guard let issuer = local[KnowledgeGraph.normalize(pair.issuer)], let policy = local[KnowledgeGraph.normalize(pair.policy)] else { continue }
                addEdge(.issued, issuer, policy, Provenance(document: document, sentence: pair.sentence, offsets: pair.verbOffsets ?? [], rule: pair.rule))
            }
        }
        // The ontology's structure among the entities present: part_of and located_in.
        // (Pairs the text states were added per document above.)
        for (key, draft) in drafts {
            guard let index = draft.ontologyIndex, draft.kind != .technology,
                  let parentName = ontology.entities[index].parentName else { continue }
            for parentIndex in ontologyIndexes(named: parentName) {
                let parentKey = ontologyKey(parentIndex)
                guard let parent = drafts[parentKey], parentKey != key else { continue }
                let type: EdgeType
                switch (draft.kind, parent.kind) {
                case (.zone, .region), (.company, .zone), (.company, .region), (.zone, .zone): type = .locatedIn
                case (.region, .region): type = .partOf
                case (let a, let b) where a == b || (a.entityType?.isOrganisation ?? false && b.entityType?.isOrganisation ?? false): type = .partOf
                default: continue
                }
                addEdge(type, key, parentKey, ontologyProvenance(ontology.entities[index]))
                break
            }
        }
        return finish(drafts: drafts, edges: edges)
    }

    func ontologyIndexes(named name: String) -> [Int] {
        ontology.indexes(named: ontology.folding.fold(name))
    }

    func ontologyProvenance(_ entity: OntologyEntity) -> Provenance {
        Provenance(document: "Ontology/\(entity.source.file)", sentence: nil, offsets: [entity.source.line])
    }

    /// Assigns ids from kind and canonical name, and resolves the drafts' references.
    func finish(drafts: [String: Draft], edges: [String: DraftEdge]) -> KnowledgeGraph {
        var ids: [String: NodeID] = [:]
        // Entities and documents first: targets' ids derive from their subject's.
        for (key, draft) in drafts where draft.kind != .target {
            ids[key] = NodeID(kind: draft.kind, key: draft.ontologyIndex.map { ontology.entities[$0].id.rawValue } ?? "\(draft.kind.rawValue):\(draft.label)")
        }
        var nodes: [Node] = []
        for (key, draft) in drafts where draft.kind != .target {
            let dates = draft.dates.sorted()
            nodes.append(Node(id: ids[key]!, kind: draft.kind, label: draft.label,
                              aliases: draft.names.filter { $0 != draft.label }.sorted(),
                              ontologyID: draft.ontologyIndex.map { ontology.entities[$0].id.rawValue },
                              parent: draft.ontologyIndex.flatMap { ontology.entities[$0].parentName },
                              firstSeen: dates.first, lastSeen: dates.last, documents: draft.documents.sorted(),
                              published: draft.published, target: nil))
        }
        for (key, draft) in drafts where draft.kind == .target {
            guard let (facts, subjectKey, technologyKey) = draft.target, let subject = ids[subjectKey] else { continue }
            var resolved = facts
            resolved.subject = subject
            resolved.technology = technologyKey.flatMap { ids[$0] }
            let topic = facts.topic ?? facts.action ?? ""
            let id = NodeID(kind: .target, key: "\(subject.rawValue)|\(facts.relation.rawValue)|\(facts.year)|\(facts.month ?? 0)|\(facts.endYear ?? 0)|\(KnowledgeGraph.normalize(topic))")
            ids[key] = id
            let subjectLabel = drafts[subjectKey]?.label ?? ""
            let label = "\(subjectLabel) · \(TimeDescription.describe(resolved)) · \([facts.action, facts.topic].compactMap { $0 }.joined(separator: " "))"
            let dates = draft.dates.sorted()
            nodes.append(Node(id: id, kind: .target, label: label, aliases: [], ontologyID: nil, parent: nil,
                              firstSeen: dates.first, lastSeen: dates.last, documents: draft.documents.sorted(),
                              published: nil, target: resolved))
        }
        var finished: [Edge] = []
        for edge in edges.values {
            guard let source = ids[edge.source], let target = ids[edge.target] else { continue }
            finished.append(Edge(id: EdgeID(type: edge.type, source: source, target: target), type: edge.type,
                                 source: source, target: target, sources: edge.sources.sorted()))
        }
        return KnowledgeGraph(nodes: nodes, edges: finished)
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
