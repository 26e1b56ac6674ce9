import Foundation
import GRDB
import PolicyGraphCore

/// Adds documents to the stored graph by reading and writing only the rows
/// they name: their entities, targets and technologies, the edges between
/// them, and the ontology links of the entities that become present.
///
/// ``GraphBuilder`` reads documents in id order, and an entity without an
/// ontology entry joins the first entity that registered one of its names.
/// A document whose id sorts after every stored one is therefore read exactly
/// as the builder would read it last, from the stored tables: the result is
/// the rows a full build of the new set writes. When a step would need more
/// than the rows it names (an entity renamed by a longer name, a name that two
/// stored entities share, a near-duplicate joining two groups), the merge
/// stops with ``NotLocal`` and the caller rebuilds the graph tables.
///
/// ```swift
/// try database.write { db in
///     var merge = IncrementalMerge(db: db, ontology: ontology, settings: settings)
///     try merge.append(extractions)   // each id sorts after every stored document's
///     try merge.save()
/// }
/// ```
/// Complexity: the rows the documents name, and the edges of those rows they change.
struct IncrementalMerge {
    /// Why a change cannot be merged in place; the caller rebuilds the graph instead.
    struct NotLocal: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// A node while merging: its graph.json form and every name it goes by.
    struct Draft {
        var node: Node
        var names: Set<String>
        let storedLabel: String?
        var isNew: Bool { storedLabel == nil }
    }

    /// An edge while merging: its sources as a set, sorted when saved.
    struct DraftEdge {
        let type: EdgeType
        let source: NodeID
        let target: NodeID
        var sources: Set<Provenance>
    }

    let db: Database
    let ontology: Ontology
    let settings: GraphSettings
    var drafts: [NodeID: Draft] = [:]
    var edges: [EdgeID: DraftEdge] = [:]
    /// Names registered by this merge ("kind|normalised name" → node), after the stored ones.
    private var registered: [String: NodeID] = [:]
    /// Stored registrations looked up so far.
    private var storedRegistrations: [String: NodeID?] = [:]
    /// Ontology entity → its node, when present (stored or new).
    private var ontologyNodes: [EntityID: NodeID?] = [:]
    private var storedOntologyNodes: [EntityID: NodeID?] = [:]
    /// New ontology entities (the parents of some present entities may change).
    private var newOntologyEntities: [EntityID] = []
    /// Documents appended (originals) and near-duplicates linked, with their originals.
    var appended: [String] = []
    var duplicates: [String: String] = [:]
    /// Simhashes of the documents appended so far in this merge.
    private var appendedPrints: [(id: String, simhash: UInt64, shingles: Int, original: String?)] = []
    /// The documents of this merge (their rows are written already, but they are not stored documents yet).
    private var batch: Set<String> = []

    init(db: Database, ontology: Ontology, settings: GraphSettings) {
        self.db = db
        self.ontology = ontology
        self.settings = settings
    }

    // MARK: Documents

    /// Reads documents into the graph, in id order; every id must sort after every stored document's.
    mutating func append(_ documents: [StoredDocument]) throws {
        batch = Set(documents.map(\.id))
        for document in documents.sorted(by: { $0.id < $1.id }) {
            if let original = try nearDuplicateOriginal(of: document) {
                linkDuplicate(document, to: original)
            } else {
                try read(document.extraction)
                appended.append(document.id)
            }
        }
        try linkOntologyParents()
        if settings.coMentions { try addCoMentions() }
    }

    /// The original this document republishes (the smallest id of its group), or `nil`.
    /// Throws ``NotLocal`` when the document would join two groups.
    private mutating func nearDuplicateOriginal(of document: StoredDocument) throws -> String? {
        let print = document.fingerprint
        defer { appendedPrints.append((document.id, print.simhash, print.shingles, duplicates[document.id])) }
        guard print.shingles >= DocumentFingerprint.minimumShingles else { return nil }
        var roots: Set<String> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, simhash, shingles, duplicate_of FROM documents WHERE shingles >= ?",
                                       arguments: [DocumentFingerprint.minimumShingles])
        while let row = try rows.next() {
            let id: String = row[0]
            guard !batch.contains(id), (UInt64(bitPattern: row[1]) ^ print.simhash).nonzeroBitCount <= DocumentFingerprint.maximumDistance
            else { continue }
            roots.insert(row[3] ?? id)
        }
        for other in appendedPrints where other.shingles >= DocumentFingerprint.minimumShingles
            && (other.simhash ^ print.simhash).nonzeroBitCount <= DocumentFingerprint.maximumDistance {
            roots.insert(other.original ?? other.id)
        }
        guard roots.count <= 1 else { throw NotLocal(reason: "\(document.id) is a near-duplicate of documents in \(roots.count) groups") }
        if let root = roots.first { duplicates[document.id] = root }
        return roots.first
    }

    /// A near-duplicate: a document node and its `duplicate_of` edge; its facts stay out of the graph.
    private mutating func linkDuplicate(_ document: StoredDocument, to original: String) {
        let node = NodeID(kind: .document, key: "document:\(document.id)")
        drafts[node] = Draft(node: Node(id: node, kind: .document, label: document.id, aliases: [], ontologyID: nil, parent: nil, firstSeen: nil,
                                        lastSeen: nil, documents: [document.id], published: document.extraction.published, target: nil),
                             names: [document.id], storedLabel: nil)
        addEdge(.duplicateOf, node, NodeID(kind: .document, key: "document:\(original)"),
                Provenance(document: document.id, sentence: nil, offsets: [], rule: StoreGraph.duplicateRule))
    }

    /// One document, as ``GraphBuilder/build(_:)`` reads it.
    private mutating func read(_ extraction: DocumentExtraction) throws {
        let document = extraction.document
        let documentNode = NodeID(kind: .document, key: "document:\(document)")
        guard try load(documentNode) == nil else { throw NotLocal(reason: "\(document) is in the graph already") }
        drafts[documentNode] = Draft(node: Node(id: documentNode, kind: .document, label: document, aliases: [], ontologyID: nil, parent: nil,
                                                firstSeen: nil, lastSeen: nil, documents: [document], published: extraction.published, target: nil),
                                     names: [document], storedLabel: nil)
        var local: [String: NodeID] = [:]
        for entity in extraction.entities {
            let names = Set([entity.name] + entity.aliases + (entity.canonical.map { [$0] } ?? []))
            let kind = NodeKind(entity.type)
            let known = entity.id.flatMap { ontology.entity(EntityID(rawValue: $0)) }
            let id: NodeID
            if let known {
                id = try ontologyNode(known) ?? createOntologyNode(known, kind: kind)
            } else if let existing = try firstRegistration(kind, of: [entity.name] + names.sorted()) {
                id = existing
            } else {
                id = try createNamedNode(entity.name, kind: kind)
            }
            guard var draft = try load(id) else { throw NotLocal(reason: "node \(id) vanished") }
            if draft.node.kind != kind { throw NotLocal(reason: "\(entity.name) is a \(kind.rawValue) here and a \(draft.node.kind.rawValue) in the graph") }
            if let known {
                draft.node.label = known.name
                draft.names.formUnion([known.name] + known.aliases)
            } else if entity.name.count > draft.node.label.count || (entity.name.count == draft.node.label.count && entity.name < draft.node.label) {
                draft.node.label = entity.name
            }
            draft.names.formUnion(names)
            Self.add(document, published: extraction.published, to: &draft.node)
            drafts[id] = draft
            for name in draft.names {
                let normalized = KnowledgeGraph.normalize(name)
                try register(kind, normalized, id)
                if local[normalized] == nil { local[normalized] = id }
            }
            addEdge(.mentionedIn, id, documentNode, Provenance(document: document, sentence: entity.sentence, offsets: entity.offsets, rule: entity.rule))
        }
        for target in extraction.targets {
            guard let subject = local[KnowledgeGraph.normalize(target.subject)], let year = target.time.year,
                  let relation = TimeRelation(rawValue: target.time.relation) else { continue }
            let topicKey = KnowledgeGraph.normalize(target.topic ?? target.action ?? "")
            let technology = try target.technology.flatMap { try technologyNode(named: $0) }
            let id = NodeID(kind: .target, key: "\(subject.rawValue)|\(relation.rawValue)|\(year)|\(target.time.month ?? 0)|\(target.time.end_year ?? 0)|\(topicKey)")
            var draft: Draft
            if let existing = try load(id) { draft = existing } else {
                let facts = TargetFacts(subject: subject, relation: relation, year: year, month: target.time.month, endYear: target.time.end_year,
                                        endMonth: target.time.end_month, action: target.action, topic: target.topic, value: target.value,
                                        modality: target.modality, technology: technology, day: target.time.day, endDay: target.time.end_day)
                draft = Draft(node: Node(id: id, kind: .target, label: "", aliases: [], ontologyID: nil, parent: nil, firstSeen: nil, lastSeen: nil,
                                         documents: [], published: nil, target: facts),
                              names: [], storedLabel: nil)
            }
            Self.add(document, published: extraction.published, to: &draft.node)
            drafts[id] = draft
            addEdge(.holdsTarget, subject, id, Provenance(document: document, sentence: target.quote, offsets: target.subjectOffsets, rule: target.rule))
            if let technology {
                addEdge(.about, id, technology, Provenance(document: document, sentence: target.quote, offsets: target.timeOffsets, rule: target.rule))
            }
        }
        for pair in extraction.located {
            guard let entity = local[KnowledgeGraph.normalize(pair.entity)], let place = local[KnowledgeGraph.normalize(pair.place)] else { continue }
            addEdge(.locatedIn, entity, place, Provenance(document: document, sentence: pair.sentence, offsets: pair.offsets))
        }
        for pair in extraction.issued {
            guard let issuer = local[KnowledgeGraph.normalize(pair.issuer)], let policy = local[KnowledgeGraph.normalize(pair.policy)] else { continue }
            addEdge(.issued, issuer, policy, Provenance(document: document, sentence: pair.sentence, offsets: pair.verbOffsets ?? [], rule: pair.rule))
        }
    }

    private static func add(_ document: String, published: String?, to node: inout Node) {
        if !node.documents.contains(document) {
            node.documents.append(document)
            node.documents.sort()
        }
        guard let published else { return }
        if node.firstSeen.map({ published < $0 }) ?? true { node.firstSeen = published }
        if node.lastSeen.map({ published > $0 }) ?? true { node.lastSeen = published }
    }

    // MARK: Nodes

    /// The node `id`, from this merge or the store; `nil` when it is neither.
    mutating func load(_ id: NodeID) throws -> Draft? {
        if let draft = drafts[id] { return draft }
        guard let data = try Data.fetchOne(db, sql: "SELECT data FROM nodes WHERE id = ?", arguments: [id.rawValue]) else { return nil }
        let node = try JSONDecoder().decode(Node.self, from: data)
        let draft = Draft(node: node, names: Set([node.label] + node.aliases), storedLabel: node.label)
        drafts[id] = draft
        return draft
    }

    /// The node of an ontology entity, when present; a stored node is found by its id, whatever its kind.
    private mutating func ontologyNode(_ entity: OntologyEntity) throws -> NodeID? {
        if let known = ontologyNodes[entity.id] { return known }
        let found = try storedOntologyNode(entity)
        ontologyNodes[entity.id] = found
        return found
    }

    private mutating func storedOntologyNode(_ entity: OntologyEntity) throws -> NodeID? {
        if let known = storedOntologyNodes[entity.id] { return known }
        var found: NodeID? = nil
        for kind in NodeKind.allCases where kind != .target && kind != .document {
            let id = NodeID(kind: kind, key: entity.id.rawValue)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM nodes WHERE id = ?", arguments: [id.rawValue]) == true { found = id; break }
        }
        storedOntologyNodes[entity.id] = found
        return found
    }

    private mutating func createOntologyNode(_ entity: OntologyEntity, kind: NodeKind) throws -> NodeID {
        let id = NodeID(kind: kind, key: entity.id.rawValue)
        drafts[id] = Draft(node: Node(id: id, kind: kind, label: entity.name, aliases: [], ontologyID: entity.id.rawValue, parent: entity.parentName,
                                      firstSeen: nil, lastSeen: nil, documents: [], published: nil, target: nil),
                           names: [], storedLabel: nil)
        ontologyNodes[entity.id] = id
        newOntologyEntities.append(entity.id)
        return id
    }

    /// A new entity known by name only; its id derives from its name, which must stay its label.
    private mutating func createNamedNode(_ name: String, kind: NodeKind) throws -> NodeID {
        let id = NodeID(kind: kind, key: "\(kind.rawValue):\(name)")
        if try load(id) != nil { throw NotLocal(reason: "a second \(kind.rawValue) named \(name)") }
        drafts[id] = Draft(node: Node(id: id, kind: kind, label: name, aliases: [], ontologyID: nil, parent: nil, firstSeen: nil, lastSeen: nil,
                                      documents: [], published: nil, target: nil),
                           names: [], storedLabel: nil)
        return id
    }

    /// The technology the ontology names `name`, created with its broader technologies when new.
    private mutating func technologyNode(named name: String) throws -> NodeID? {
        guard let entity = ontology.entities(named: name).first(where: { $0.type == .technology }) else { return nil }
        if let existing = try ontologyNode(entity) { return existing }
        let id = NodeID(kind: .technology, key: entity.id.rawValue)
        drafts[id] = Draft(node: Node(id: id, kind: .technology, label: entity.name, aliases: [], ontologyID: entity.id.rawValue,
                                      parent: entity.parentName, firstSeen: nil, lastSeen: nil, documents: [], published: nil, target: nil),
                           names: Set([entity.name] + entity.aliases), storedLabel: nil)
        ontologyNodes[entity.id] = id
        newOntologyEntities.append(entity.id)
        if let parent = entity.parentName, let parentID = try technologyNode(named: parent), parentID != id {
            addEdge(.partOf, id, parentID, Self.ontologyProvenance(entity))
        }
        return id
    }

    static func ontologyProvenance(_ entity: OntologyEntity) -> Provenance {
        Provenance(document: "Ontology/\(entity.source.file)", sentence: nil, offsets: [entity.source.line])
    }

    // MARK: Names

    /// The node that registered `name` for `kind`: a stored one first (they were read before),
    /// then one of this merge. Throws ``NotLocal`` when two stored nodes carry the name.
    private mutating func registration(_ kind: NodeKind, _ name: String) throws -> NodeID? {
        if let stored = try storedRegistration(kind, name) { return stored }
        return registered["\(kind.rawValue)|\(name)"]
    }

    /// The node the first registered name (in this order) belongs to, as the builder tries them.
    private mutating func firstRegistration(_ kind: NodeKind, of names: [String]) throws -> NodeID? {
        for name in names {
            if let id = try registration(kind, KnowledgeGraph.normalize(name)) { return id }
        }
        return nil
    }

    private mutating func register(_ kind: NodeKind, _ name: String, _ id: NodeID) throws {
        let key = "\(kind.rawValue)|\(name)"
        if registered[key] != nil { return }
        if try storedRegistration(kind, name) != nil { return }
        registered[key] = id
    }

    /// The stored node of `kind` with a name that normalises to `name`. Every name of a node was
    /// registered when the node was last mentioned, so one such node is the one the builder found;
    /// technologies never mentioned registered none.
    private mutating func storedRegistration(_ kind: NodeKind, _ name: String) throws -> NodeID? {
        let key = "\(kind.rawValue)|\(name)"
        if let known = storedRegistrations[key] { return known }
        var found: Set<String> = []
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.node_id, m.name FROM names m JOIN nodes n ON n.id = m.node_id
            WHERE m.key = ? AND n.kind = ? AND (n.kind != 'technology' OR n.document_count > 0)
            """, arguments: [LookupKey.key(name, folding: ontology.folding), kind.rawValue])
        for row in rows where KnowledgeGraph.normalize(row[1]) == name { found.insert(row[0]) }
        guard found.count <= 1 else { throw NotLocal(reason: "\(found.count) stored \(kind.rawValue) nodes are named \(name)") }
        let result = found.first.map(NodeID.init(rawValue:))
        storedRegistrations[key] = result
        return result
    }

    // MARK: Edges

    private mutating func addEdge(_ type: EdgeType, _ source: NodeID, _ target: NodeID, _ provenance: Provenance) {
        let id = EdgeID(type: type, source: source, target: target)
        if edges[id] == nil { edges[id] = DraftEdge(type: type, source: source, target: target, sources: []) }
        edges[id]!.sources.insert(provenance)
    }

    // MARK: The ontology's links

    /// The `part_of`/`located_in` link the builder gives an ontology entity to the first
    /// present parent of a fitting type (entities, not technologies).
    private mutating func linkOntologyParents() throws {
        guard !newOntologyEntities.isEmpty else { return }
        var children: [String: [OntologyEntity]] = [:]
        for entity in ontology.entities where entity.parentName != nil { children[entity.parentName!, default: []].append(entity) }
        var recheck: [EntityID: OntologyEntity] = [:]
        let added = Set(newOntologyEntities)
        for entity in newOntologyEntities.compactMap({ ontology.entity($0) }) { recheck[entity.id] = entity }
        for (parentName, entities) in children where ontology.entities(named: parentName).contains(where: { added.contains($0.id) }) {
            for entity in entities { recheck[entity.id] = entity }
        }
        for entity in recheck.values.sorted(by: { $0.id.rawValue < $1.id.rawValue }) {
            guard let node = try ontologyNode(entity), let draft = try load(node), draft.node.kind != .technology,
                  let parentName = entity.parentName else { continue }
            let before = added.contains(entity.id) ? nil : try parentLink(of: entity, kind: draft.node.kind, parentName: parentName, storedOnly: true)
            let after = try parentLink(of: entity, kind: draft.node.kind, parentName: parentName, storedOnly: false)
            guard before?.0 != after?.0 || before?.1 != after?.1 else { continue }
            let provenance = Self.ontologyProvenance(entity)
            if let (type, parent) = before {
                let id = EdgeID(type: type, source: node, target: parent)
                if edges[id] == nil { edges[id] = DraftEdge(type: type, source: node, target: parent, sources: []) }
                try loadStoredSources(of: id)
                edges[id]!.sources.remove(provenance)
            }
            if let (type, parent) = after { addEdge(type, node, parent, provenance) }
        }
    }

    mutating func loadStoredSources(of id: EdgeID) throws {
        guard let edge = edges[id] else { return }
        let stored = try Row.fetchAll(db, sql: """
            SELECT s.document_id, x.text, s.start, s."end", s.more_offsets, s.rule
            FROM edge_sources s LEFT JOIN sentences x ON x.id = s.sentence_id WHERE s.edge_id = ?
            """, arguments: [id.rawValue]).map(PolicyStore.provenance)
        edges[id] = DraftEdge(type: edge.type, source: edge.source, target: edge.target, sources: edge.sources.union(stored))
        sourcesLoaded.insert(id)
    }

    var sourcesLoaded: Set<EdgeID> = []

    /// As ``GraphBuilder``: the first parent candidate present, of a kind that fits.
    private mutating func parentLink(of entity: OntologyEntity, kind: NodeKind, parentName: String, storedOnly: Bool) throws -> (EdgeType, NodeID)? {
        for candidate in ontology.entities(named: parentName) {
            guard candidate.id != entity.id,
                  let parent = storedOnly ? try storedOntologyNode(candidate) : try ontologyNode(candidate),
                  let parentKind = try load(parent)?.node.kind else { continue }
            let type: EdgeType
            switch (kind, parentKind) {
            case (.zone, .region), (.company, .zone), (.company, .region), (.zone, .zone): type = .locatedIn
            case (.region, .region): type = .partOf
            case (let a, let b) where a == b || (a.entityType?.isOrganisation ?? false && b.entityType?.isOrganisation ?? false): type = .partOf
            default: continue
            }
            return (type, parent)
        }
        return nil
    }

    // MARK: Co-mentions

    /// The appended documents' co-mentions, as ``StoreGraph/addingCoMentions(to:extractions:)`` makes them.
    private mutating func addCoMentions() throws {
        struct Sentence: Hashable { let document: String; let sentence: String }
        let documents = Set(appended)
        var bySentence: [Sentence: [(NodeID, [Int])]] = [:]
        for edge in edges.values where edge.type == .mentionedIn {
            for source in edge.sources where documents.contains(source.document) {
                guard let sentence = source.sentence, !sentence.isEmpty else { continue }
                bySentence[Sentence(document: source.document, sentence: sentence), default: []].append((edge.source, source.offsets))
            }
        }
        for (key, mentions) in bySentence where mentions.count > 1 {
            let sorted = mentions.sorted { $0.0 < $1.0 }
            for (i, first) in sorted.enumerated() {
                for second in sorted[(i + 1)...] where first.0 != second.0 {
                    let offsets = first.1 + second.1
                    addEdge(.coMentioned, first.0, second.0,
                            Provenance(document: key.document, sentence: key.sentence,
                                       offsets: offsets.isEmpty ? [] : [offsets.min()!, offsets.max()!], rule: StoreGraph.coMentionRule))
                }
            }
        }
    }
}
