import Foundation

/// The graph being built, one document at a time: what ``GraphBuilder`` does,
/// in a form that never holds more than one extraction.
///
/// ```swift
/// var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: ontology))
/// for extraction in extractionsInDocumentOrder { accumulator.add(extraction) }
/// let graph = accumulator.graph()
/// ```
///
/// Add documents in document-id order (`<` on the ids): an entity that is
/// first met under a name it shares with another merges with the one met
/// first, so the order is part of the result, and ``GraphBuilder/build(_:)``
/// uses this one. Memory grows with the graph (nodes, edges and their
/// sources), not with the text; the `mentioned_in` sources, most of a large
/// graph, are kept compact (``MentionRecords``) with their sentences in a
/// ``SentenceSpill``, a scratch file if one is given.
public struct GraphAccumulator {
    let builder: GraphBuilder
    /// The builder's, kept here so that reading it copies no builder.
    let ontology: Ontology
    /// Each draft key's number, given the first time the key is met: drafts, edges, the name
    /// index and the mention records refer to a draft by it (an integer hashes and compares
    /// in a few instructions, a key of Chinese text does not).
    var keyNumbers: [CanonicalKey: Int] = [:]
    /// The number of each target draft's key (``TargetKey``), from the same count as ``keyNumbers``.
    var targetNumbers: [TargetKey: Int] = [:]
    /// The number of each ontology entry's key (``ontologyKey(_:)``), by ontology index; -1: not met yet.
    var ontologyNumbers: [Int]
    /// Ontology indexes by where the ontology's own id strings store their bytes: an extracted
    /// entity's id is the ontology entry's id string itself, found here without hashing its text
    /// (``ontologyEntry(id:)``). The ontology holds those strings while the accumulator lives,
    /// so an address names one id.
    var ontologyIndexByStorage: [UInt: (length: Int, index: Int)] = [:]
    /// The drafts by number; `nil`: a key numbered but without a draft yet.
    var drafts: [GraphBuilder.Draft?] = []
    var edges: [GraphBuilder.EdgeKey: GraphBuilder.DraftEdge] = [:]
    /// (kind, normalised name) → draft number.
    var nameIndex: [NameIndexKey: Int] = [:]
    /// Name → ``KnowledgeGraph/normalize(_:)`` of it, hashed once: each name is met in many
    /// documents, and its normal form is looked up in ``nameIndex`` and ``local`` each time.
    var normalized: [CanonicalKey: HashedKey] = [:]
    /// This document's names: normalised name → draft number (emptied for each document,
    /// its storage kept).
    var local: [HashedKey: Int] = [:]
    /// This document's sentences, each kept once: the entities of one sentence cite it.
    var sentences: Set<CanonicalKey> = []

    /// A name of a kind, as ``nameIndex`` knows it: normalised names compare by their bytes
    /// (normalised, byte equality is `String` equality), without building a "kind|name" string.
    struct NameIndexKey: Hashable {
        let kind: NodeKind
        let name: HashedKey
    }
    /// The `mentioned_in` sources.
    var mentions: MentionRecords

    /// A target draft's key: its subject's draft number, its time and its normalised topic.
    /// Targets merge when these agree, as they did when the key was the string
    /// `target:subject|relation|year|month|end year|topic` (each part is fixed in form
    /// and the topic comes last, so equal strings meant equal parts), without making the
    /// string and hashing its Chinese text for each target.
    struct TargetKey: Hashable {
        let subject: Int
        let relation: TimeRelation
        let year: Int
        let month: Int
        let endYear: Int
        let topic: HashedKey
    }

    /// - Parameter sentences: where the `mentioned_in` sources' sentences are kept (default: in memory).
    public init(builder: GraphBuilder, sentences: SentenceSpill = SentenceSpill()) {
        self.builder = builder
        ontology = builder.ontology
        ontologyNumbers = Array(repeating: -1, count: builder.ontology.entities.count)
        mentions = MentionRecords(sentences: sentences)
    }

    mutating func normalize(_ name: String) -> String { normalizedKey(name).original }

    /// ``normalize(_:)`` as a key (memoised by the name's bytes).
    mutating func normalizedKey(_ name: String) -> HashedKey {
        let key = CanonicalKey(name)
        if let known = normalized[key] { return known }
        let result = HashedKey(CanonicalKey(KnowledgeGraph.normalize(name)))
        normalized[key] = result
        return result
    }

    /// `sentence` as the first provenance of this document that cited it (one copy in memory).
    mutating func shared(_ sentence: String?) -> String? {
        guard let sentence else { return nil }
        return sentences.insert(CanonicalKey(sentence)).memberAfterInsert.original
    }

    /// The number of draft key `key` (numbered now if new).
    mutating func number(of key: String) -> Int {
        let key = CanonicalKey(key)
        if let known = keyNumbers[key] { return known }
        let new = newDraftNumber()
        keyNumbers[key] = new
        return new
    }

    /// The number of target key `key` (numbered now if new).
    mutating func number(of key: TargetKey) -> Int {
        if let known = targetNumbers[key] { return known }
        let new = newDraftNumber()
        targetNumbers[key] = new
        return new
    }

    /// A number for a new draft key, with its draft's place (empty until the draft is made).
    private mutating func newDraftNumber() -> Int {
        drafts.append(nil)
        return drafts.count - 1
    }

    /// The index of the ontology entry whose id is `id`: what `Ontology.index(of:)` gives, found
    /// by the address of `id`'s bytes when `id` is the entry's own id string (as extracted), so
    /// that its Chinese text is not hashed; any other string (a copy, as decoded from the store,
    /// or a small one held inline) is looked up by its text.
    mutating func ontologyEntry(id: String) -> Int? {
        let storage = MentionRecords.storageAddress(id)
        if let storage, let known = ontologyIndexByStorage[storage], known.length == id.utf8.count { return known.index }
        guard let index = ontology.index(of: EntityID(rawValue: id)) else { return nil }
        // Remembered only under the address of the ontology's own string, which lives as long as the ontology.
        if let storage, storage == MentionRecords.storageAddress(ontology.entities[index].id.rawValue) {
            ontologyIndexByStorage[storage] = (id.utf8.count, index)
        }
        return index
    }

    /// The number of the ontology entry `index`'s draft key.
    mutating func ontologyNumber(_ index: Int) -> Int {
        let known = ontologyNumbers[index]
        if known >= 0 { return known }
        let new = number(of: ontologyKey(index))
        ontologyNumbers[index] = new
        return new
    }

    mutating func addEdge(_ type: EdgeType, _ source: Int, _ target: Int, _ provenance: Provenance?) {
        let key = GraphBuilder.EdgeKey(type: type, source: source, target: target)
        if let provenance {
            edges[key, default: GraphBuilder.DraftEdge(type: type, source: source, target: target, sources: [])].sources.append(provenance)
        } else if edges[key] == nil {
            edges[key] = GraphBuilder.DraftEdge(type: type, source: source, target: target, sources: [])
        }
    }

    func ontologyKey(_ index: Int) -> String { "ontology:\(ontology.entities[index].id.rawValue)" }

    mutating func technologyKey(named name: String) -> Int? {
        guard let index = builder.ontologyIndexes(named: name).first(where: { ontology.entities[$0].type == .technology }) else { return nil }
        let key = ontologyNumber(index)
        if drafts[key] == nil {
            let entity = ontology.entities[index]
            drafts[key] = GraphBuilder.Draft(kind: .technology, label: entity.name, names: Set([entity.name] + entity.aliases), ontologyIndex: index)
            // Broader technologies, so that 全固态电池 counts for 固态电池.
            if let parent = entity.parentName, let parentKey = technologyKey(named: parent), parentKey != key {
                addEdge(.partOf, key, parentKey, builder.ontologyProvenance(entity))
            }
        }
        return key
    }

    /// Merges one document's extraction into the graph.
    public mutating func add(_ extraction: DocumentExtraction) {
        let document = extraction.document
        let documentKey = number(of: "document:\(document)")
        sentences.removeAll(keepingCapacity: true)
        mentions.beginExtraction()
        drafts[documentKey] = GraphBuilder.Draft(kind: .document, label: document, names: [document], ontologyIndex: nil,
                                                 documents: [document], published: extraction.published)
        // Entities, and this document's names for them.
        local.removeAll(keepingCapacity: true)
        for entity in extraction.entities {
            let names = [entity.name] + entity.aliases + (entity.canonical.map { [$0] } ?? [])
            let kind = NodeKind(entity.type)
            var key: Int
            var ontologyIndex: Int? = nil
            if let id = entity.id, let index = ontologyEntry(id: id) {
                key = ontologyNumber(index)
                ontologyIndex = index
            } else if let existing = firstKnownKey(kind: kind, name: entity.name, names: names) {
                // Names are tried in a fixed order (the document's name first) so merges never depend on hashing.
                key = existing
            } else {
                key = number(of: "name:\(kind.rawValue):\(normalize(entity.name))")
            }
            // The draft is taken out of its slot and put back (its sets stay uniquely
            // referenced); nothing below adds or removes drafts meanwhile.
            var draft = drafts[key].take() ?? GraphBuilder.Draft(kind: kind, label: entity.name, names: [], ontologyIndex: ontologyIndex)
            if let index = ontologyIndex {
                draft.label = ontology.entities[index].name
                if !draft.hasOntologyNames {
                    draft.names.formUnion([ontology.entities[index].name] + ontology.entities[index].aliases)
                    draft.hasOntologyNames = true
                }
            } else if !Self.sameBytes(entity.name, draft.label), // the same bytes: the same name, nothing to compare
                      CanonicalKey(entity.name) != CanonicalKey(draft.label), // the same name (as Strings compare), nothing to compare
                      entity.name.count > draft.label.count || (entity.name.count == draft.label.count && entity.name < draft.label) {
                draft.label = entity.name
            }
            if names != draft.lastNames {
                draft.names.formUnion(names)
                draft.lastNames = names
            }
            // (Its documents are its mention records': ``MentionRecords/documentsByDraft(count:)``.)
            if let published = extraction.published { draft.see(published) }
            // The normalised names, made again only when a name was added (names only grow).
            if draft.normalFormsOf != draft.names.count {
                draft.normalForms = draft.names.map { normalizedKey($0) }
                draft.normalFormsOf = draft.names.count
            }
            // The name index only grows: forms indexed under this kind already are there.
            let indexed = draft.indexedKind == kind && draft.indexedForms == draft.normalForms.count
            for normal in draft.normalForms {
                if !indexed {
                    let indexKey = NameIndexKey(kind: kind, name: normal)
                    if nameIndex[indexKey] == nil { nameIndex[indexKey] = key }
                }
                if local[normal] == nil { local[normal] = key }
            }
            draft.indexedKind = kind
            draft.indexedForms = draft.normalForms.count
            drafts[key] = draft
            mentions.add(entity: key, document: document, documentNode: documentKey, sentence: entity.sentence, offsets: entity.offsets, rule: entity.rule)
        }
        // Targets: one node per subject, time and topic, across documents.
        for target in extraction.targets {
            guard let subjectKey = local[normalizedKey(target.subject)], let year = target.time.year,
                  let relation = TimeRelation(rawValue: target.time.relation) else { continue }
            let key = number(of: TargetKey(subject: subjectKey, relation: relation, year: year, month: target.time.month ?? 0,
                                           endYear: target.time.end_year ?? 0, topic: normalizedKey(target.topic ?? target.action ?? "")))
            let technology = target.technology.flatMap { technologyKey(named: $0) }
            let facts = TargetFacts(subject: NodeID(rawValue: ""), relation: relation, year: year, month: target.time.month,
                                    endYear: target.time.end_year, endMonth: target.time.end_month, action: target.action,
                                    topic: target.topic, value: target.value, modality: target.modality, technology: nil,
                                    day: target.time.day, endDay: target.time.end_day)
            var draft = drafts[key].take()
                ?? GraphBuilder.Draft(kind: .target, label: "", names: [], ontologyIndex: nil, target: (facts, subjectKey, technology))
            draft.add(document: document)
            if let published = extraction.published { draft.see(published) }
            drafts[key] = draft
            let quote = shared(target.quote)
            let provenance = Provenance(document: document, sentence: quote, offsets: target.timeOffsets, rule: target.rule)
            addEdge(.holdsTarget, subjectKey, key, Provenance(document: document, sentence: quote, offsets: target.subjectOffsets, rule: target.rule))
            if let technology { addEdge(.about, key, technology, provenance) }
        }
        // Where the text puts organisations and zones.
        for pair in extraction.located {
            guard let entity = local[normalizedKey(pair.entity)], let place = local[normalizedKey(pair.place)] else { continue }
            addEdge(.locatedIn, entity, place, Provenance(document: document, sentence: shared(pair.sentence), offsets: pair.offsets))
        }
        // Issued pairs.
        for pair in extraction.issued {
            guard let issuer = local[normalizedKey(pair.issuer)], let policy = local[normalizedKey(pair.policy)] else { continue }
            addEdge(.issued, issuer, policy, Provenance(document: document, sentence: shared(pair.sentence), offsets: pair.verbOffsets ?? [], rule: pair.rule))
        }
    }

    /// The ontology's structure among the entities present: each entity's edge to its
    /// ontology parent (part_of or located_in). The pairs the text states were added per document.
    mutating func addOntologyStructure() {
        for key in drafts.indices {
            guard let draft = drafts[key], let index = draft.ontologyIndex, draft.kind != .technology,
                  let parentName = ontology.entities[index].parentName else { continue }
            for parentIndex in builder.ontologyIndexes(named: parentName) {
                let parentKey = ontologyNumbers[parentIndex]
                guard parentKey >= 0, let parent = drafts[parentKey], parentKey != key else { continue }
                let type: EdgeType
                switch (draft.kind, parent.kind) {
                case (.zone, .region), (.company, .zone), (.company, .region), (.zone, .zone): type = .locatedIn
                case (.region, .region): type = .partOf
                case (let a, let b) where a == b || (a.entityType?.isOrganisation ?? false && b.entityType?.isOrganisation ?? false): type = .partOf
                default: continue
                }
                addEdge(type, key, parentKey, builder.ontologyProvenance(ontology.entities[index]))
                break
            }
        }
    }

    /// Whether the two strings are the same UTF-8 bytes (then they are `==`; the converse
    /// needs ``CanonicalKey``).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    /// The draft already known for this kind under `name`, else under the first of
    /// `names` in sorted order that has one (what trying `names.sorted()` in turn gives,
    /// without sorting them).
    private mutating func firstKnownKey(kind: NodeKind, name: String, names: [String]) -> Int? {
        if let key = nameIndex[NameIndexKey(kind: kind, name: normalizedKey(name))] { return key }
        var first: (name: String, key: Int)?
        // `name` itself (the first of `names`) was just looked up: its bytes are not looked up again.
        for other in names where !Self.sameBytes(other, name) {
            guard let key = nameIndex[NameIndexKey(kind: kind, name: normalizedKey(other))] else { continue }
            if first.map({ other < $0.name }) ?? true { first = (other, key) }
        }
        return first?.key
    }

    /// The graph of every document added so far, with the ontology's
    /// structure among the entities present (part_of and located_in).
    public consuming func graph() -> KnowledgeGraph {
        // Sentences in memory (the default) are written and read without fail;
        // a scratch file that fails leaves the graph without its mention edges.
        guard let built = try? built() else { return KnowledgeGraph(nodes: [], edges: []) }
        return (try? built.materialized()) ?? built.graph
    }

    /// ``graph()`` with its `mentioned_in` edges in compact form, for `build`.
    /// - Throws: ``StreamedFileError`` if the sentences' scratch file could not be written.
    public consuming func built() throws -> BuiltGraph {
        try mentions.sentences.finishWriting()
        addOntologyStructure()
        // Moved out, so that finish holds the only copy and can free it.
        var (finalDrafts, finalEdges) = (drafts, edges)
        (drafts, edges, nameIndex, normalized, keyNumbers, ontologyNumbers, local) = ([], [:], [:], [:], [:], [], [:])
        (targetNumbers, ontologyIndexByStorage) = ([:], [:])
        // The mention records need only the entities' and documents' ids: they are sorted
        // into edges on a side thread while the nodes and the other edges are made here.
        let entityIDs = builder.entityIDs(of: finalDrafts)
        let records = mentions
        mentions = MentionRecords(sentences: records.sentences)
        let (mentionEdges, graph) = SideThread.both(side: { records.finish(ids: entityIDs) }, here: { [builder] in
            let (starts, documents) = records.documentsByDraft(count: finalDrafts.count)
            return builder.finish(drafts: &finalDrafts, edges: &finalEdges, entityIDs: entityIDs) { draft in
                documents[starts[draft]..<starts[draft + 1]].map { records.documents[Int($0)] }
            }.0
        })
        return BuiltGraph(graph: graph, mentions: mentionEdges)
    }
}
