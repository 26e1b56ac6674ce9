/// The `mentioned_in` sources of a graph being built, one compact record per
/// entity and document (the entity's first mention there), instead of an edge
/// with a ``Provenance`` of strings and arrays for each.
///
/// They are 94 % of a large graph's edges. A record is 40 bytes; its sentence
/// is kept in a ``SentenceSpill`` (a scratch file in `build`), so memory grows
/// with the number of mentions by that much only, not with the text.
struct MentionRecords {
    struct Record {
        /// The entity's draft number (``GraphAccumulator``).
        var entity: Int32
        /// Index into ``documents``.
        var document: Int32
        var sentence: SentenceRef
        /// Where the offsets are in ``offsets``.
        var offsetStart: Int
        var offsetCount: Int32
        /// Index into ``rules`` plus one; 0: no rule.
        var rule: Int32
    }

    var records: [Record] = []
    var offsets: [Int] = []
    var documents: [String] = []
    var documentIndex: [CanonicalKey: Int32] = [:]
    /// The draft number of each of ``documents``' nodes.
    var documentNodes: [Int] = []
    var rules: [String] = []
    var ruleIndex: [CanonicalKey: Int32] = [:]
    /// The current document's sentences, each written to the spill once.
    var sentenceRefs: [CanonicalKey: SentenceRef] = [:]
    /// The current extraction's sentences by where their text is stored: the entities of one
    /// sentence share one `String` (``Extractor`` makes each sentence's text once), found here
    /// without reading its bytes. Emptied for each extraction (``beginExtraction()``), whose
    /// strings live while it is added, so an address names one text.
    var sentenceRefsByStorage: [UInt: (length: Int, ref: SentenceRef)] = [:]
    /// The last rule interned and its number: a document's entities mostly share a few rules.
    var lastRule: (rule: String, number: Int32)?
    var currentDocument: String?
    /// The index of ``currentDocument`` in ``documents``.
    var currentDocumentIndex: Int32 = 0
    let sentences: SentenceSpill

    init(sentences: SentenceSpill) { self.sentences = sentences }

    /// The number of `value` in `values` (appended if new). Keys compare by bytes: two spellings
    /// of one key get two numbers, and the same id at the end.
    private static func intern(_ value: String, _ values: inout [String], _ index: inout [CanonicalKey: Int32]) -> Int32 {
        let key = CanonicalKey(value)
        if let known = index[key] { return known }
        let new = Int32(clamping: values.count)
        values.append(value)
        index[key] = new
        return new
    }

    /// Starts an extraction: the storage addresses of the last one's sentences are forgotten.
    mutating func beginExtraction() {
        sentenceRefsByStorage.removeAll(keepingCapacity: true)
    }

    /// Where the UTF-8 bytes of `string` are stored, if it has storage of its own: not for
    /// small strings, which are held inline and copied each time they are read.
    static func storageAddress(_ string: String) -> UInt? {
        // 15 bytes: the most a small string holds inline (64-bit platforms); longer ones have storage.
        guard string.utf8.count > 15 else { return nil }
        return string.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? nil
    }

    /// Records that the entity of draft number `entity` is mentioned in `document`, whose
    /// node has draft number `documentNode`.
    mutating func add(entity: Int, document: String, documentNode: Int, sentence: String?, offsets mentionOffsets: [Int], rule: String?) {
        if currentDocument != document {
            currentDocument = document
            sentenceRefs.removeAll(keepingCapacity: true)
            let known = documents.count
            currentDocumentIndex = Self.intern(document, &documents, &documentIndex)
            if documents.count > known { documentNodes.append(documentNode) }
        }
        var ref = SentenceRef.none
        if let sentence {
            let storage = Self.storageAddress(sentence)
            if let storage, let known = sentenceRefsByStorage[storage], known.length == sentence.utf8.count {
                ref = known.ref
            } else {
                let key = CanonicalKey(sentence)
                if let known = sentenceRefs[key] { ref = known } else {
                    ref = sentences.append(sentence)
                    sentenceRefs[key] = ref
                }
                if let storage { sentenceRefsByStorage[storage] = (sentence.utf8.count, ref) }
            }
        }
        var ruleNumber: Int32 = 0
        if let rule {
            if let last = lastRule, last.rule == rule {
                ruleNumber = last.number
            } else {
                ruleNumber = Self.intern(rule, &rules, &ruleIndex) + 1
                lastRule = (rule, ruleNumber)
            }
        }
        records.append(Record(entity: Int32(clamping: entity), document: currentDocumentIndex,
                              sentence: ref, offsetStart: offsets.count, offsetCount: Int32(clamping: mentionOffsets.count), rule: ruleNumber))
        offsets.append(contentsOf: mentionOffsets)
    }

    /// The documents each draft is mentioned in, from the records: for draft number `draft`,
    /// `documents[starts[draft]..<starts[draft + 1]]` are indexes into ``documents`` in the
    /// order the records were added, a document once per run of records (what appending a
    /// document to the draft unless it was the last one added gave). Two passes over the
    /// records, instead of an array per draft grown at every mention, where each mention's
    /// append read memory far from the last one.
    /// - Parameter count: the number of draft numbers (every record's entity is below it).
    func documentsByDraft(count: Int) -> (starts: [Int], documents: [Int32]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for record in records { starts[Int(record.entity) + 1] += 1 }
        for draft in 0..<count { starts[draft + 1] += starts[draft] }
        var next = starts
        var documents = [Int32](repeating: 0, count: records.count)
        for record in records {
            let draft = Int(record.entity)
            let position = next[draft]
            // A document's records are added together: a repeat follows its first at once.
            if position > starts[draft], documents[position - 1] == record.document { continue }
            documents[position] = record.document
            next[draft] = position + 1
        }
        // Runs end where each draft's distinct documents end: compact them.
        var compact = [Int32]()
        compact.reserveCapacity(records.count)
        var compactStarts = [Int](repeating: 0, count: count + 1)
        for draft in 0..<count {
            compact.append(contentsOf: documents[starts[draft]..<next[draft]])
            compactStarts[draft + 1] = compact.count
        }
        return (compactStarts, compact)
    }

    func offsets(of record: Record) -> ArraySlice<Int> {
        offsets[record.offsetStart..<(record.offsetStart + Int(record.offsetCount))]
    }

    /// Whether two records are the same source (what `==` on their provenances gives):
    /// a document's equal sentences share one ref.
    func same(_ a: Record, _ b: Record) -> Bool {
        a.document == b.document && a.sentence == b.sentence && a.rule == b.rule && offsets(of: a) == offsets(of: b)
    }

    /// The finished edges, once the drafts have ids: grouped by edge id, in id order,
    /// each source once. Records whose entity or document has no id are left out.
    /// - Parameter ids: by draft number.
    consuming func finish(ids: [NodeID?]) -> MentionEdges {
        sentenceRefs = [:]
        sentenceRefsByStorage = [:]
        lastRule = nil
        documentIndex = [:]
        ruleIndex = [:]
        let entityIDs = ids
        let documentIDs = documentNodes.map { ids[$0] }
        // (edge id hash, record) for every record whose ends have ids, sorted: one run per edge.
        // Each entity's `mentioned_in|id|` hashed once (made when its first record comes), the document's id after it.
        var keyed: [(hash: UInt64, record: Int32)] = []
        keyed.reserveCapacity(records.count)
        var prefixes: [EdgeID.MentionHashes?] = Array(repeating: nil, count: entityIDs.count)
        for (index, record) in records.enumerated() {
            let entity = Int(record.entity)
            guard let source = entityIDs[entity], let target = documentIDs[Int(record.document)] else { continue }
            let prefix = prefixes[entity] ?? EdgeID.MentionHashes(source: source)
            prefixes[entity] = prefix
            keyed.append((prefix.hash(target: target), Int32(clamping: index)))
        }
        keyed.sort { ($0.hash, $0.record) < ($1.hash, $1.record) }
        // The records again in edge order (each edge's run in ``MentionEdges/records``), so that
        // every walk of the edges (one per export and the store's) reads them in sequence
        // instead of jumping through 40-byte records spread over the whole array.
        var groups: [MentionEdges.Group] = []
        var ordered: [Record] = []
        ordered.reserveCapacity(keyed.count)
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count, keyed[end].hash == keyed[start].hash { end += 1 }
            let first = ordered.count
            for item in keyed[start..<end] {
                let record = records[Int(item.record)]
                if !ordered[first...].contains(where: { same($0, record) }) { ordered.append(record) }
            }
            groups.append(MentionEdges.Group(hash: keyed[start].hash, start: Int32(clamping: first), count: Int32(clamping: ordered.count - first)))
            start = end
        }
        records = []
        return MentionEdges(records: ordered, offsets: offsets, entityIDs: entityIDs.map { $0 ?? NodeID(rawValue: "") },
                            documentIDs: documentIDs.map { $0 ?? NodeID(rawValue: "") }, documents: documents, rules: rules,
                            spill: sentences, groups: groups)
    }
}

/// The `mentioned_in` edges of a built graph in compact form: walked in edge
/// id order, each ``Edge`` made when it is asked for (``BuiltGraph``).
public struct MentionEdges: Sendable {
    struct Group {
        let hash: UInt64
        /// The edge's first record in ``MentionEdges/records``.
        let start: Int32
        let count: Int32
    }

    /// In edge order: each edge's records are a run, distinct, in the order they were added.
    let records: [MentionRecords.Record]
    let offsets: [Int]
    let entityIDs: [NodeID]
    let documentIDs: [NodeID]
    let documents: [String]
    let rules: [String]
    let spill: SentenceSpill
    /// One per edge, in edge id order.
    let groups: [Group]

    /// No mention edges.
    public static var none: MentionEdges {
        MentionEdges(records: [], offsets: [], entityIDs: [], documentIDs: [], documents: [], rules: [],
                     spill: SentenceSpill(), groups: [])
    }

    /// The number of edges.
    public var count: Int { groups.count }

    /// Whether `id` is the id of one of these edges: `edge_` and the 16 lowercase hex digits
    /// of a group's hash (binary search: the groups are in hash order, which is id order).
    func contains(_ id: EdgeID) -> Bool {
        var text = id.rawValue
        let hash: UInt64? = text.withUTF8 { bytes in
            guard bytes.count == 21, bytes.starts(with: "edge_".utf8) else { return nil }
            var value: UInt64 = 0
            for byte in bytes[5...] {
                switch byte {
                case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
                case 0x61...0x66: value = value << 4 | UInt64(byte - 0x57)
                default: return nil
                }
            }
            return value
        }
        guard let hash else { return false }
        var (low, high) = (0, groups.count)
        while low < high {
            let middle = (low + high) / 2
            if groups[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        return low < groups.count && groups[low].hash == hash
    }

    /// The id of the `index`th edge (in id order).
    func id(at index: Int) -> EdgeID { EdgeID(rawValue: StableHash.hex(groups[index].hash, after: "edge_")) }

    /// The summary of the `index`th edge (whose id is `id`): its weight is its number of
    /// sources, as ``edge(at:sentences:text:)`` gives them; its documents are read as
    /// numbers, and as strings only when its records name more than one.
    ///
    /// The records are read by index, not through a slice: a slice would retain the records'
    /// storage, which every export walking at once on its own thread shares (its reference count
    /// then goes from core to core at every edge).
    func summary(at index: Int, id: EdgeID) -> EdgeSummary {
        let group = groups[index]
        let members = Int(group.start)..<Int(group.start) + Int(group.count)
        let first = records[members.lowerBound]
        let source = entityIDs[Int(first.entity)], target = documentIDs[Int(first.document)]
        if members.allSatisfy({ records[$0].document == first.document }) {
            return EdgeSummary(id: id, type: .mentionedIn, source: source, target: target, weight: members.count,
                               document: documents[Int(first.document)])
        }
        return EdgeSummary(id: id, type: .mentionedIn, source: source, target: target, weight: members.count,
                           documents: members.map { documents[Int(records[$0].document)] })
    }

    /// The `index`th edge if it has one source (most): its parts, read from its record, with the
    /// ref of its sentence (what ``edge(at:sentences:text:)`` gives with sentences, but for the
    /// text, and without an ``Edge`` or ``Provenance`` made). `nil` for an edge of several
    /// sources, whose order depends on their sentences.
    func singleMention(at index: Int, id: EdgeID) -> SingleMentionEdge? {
        let group = groups[index]
        guard group.count == 1 else { return nil }
        let record = records[Int(group.start)]
        return SingleMentionEdge(id: id, source: entityIDs[Int(record.entity)], target: documentIDs[Int(record.document)],
                                 document: documents[Int(record.document)],
                                 offsets: offsets[record.offsetStart..<(record.offsetStart + Int(record.offsetCount))],
                                 rule: record.rule > 0 ? rules[Int(record.rule - 1)] : nil, sentence: record.sentence)
    }

    /// The `index`th edge. With `sentences`, its sources are sorted and
    /// distinct, their sentences read through `text`; without, their sentences
    /// are left out (`nil`: for exports that need only the number of sources
    /// and their documents) and their order is the records'.
    func edge(at index: Int, sentences: Bool, text: (SentenceRef) throws -> String?) rethrows -> Edge {
        let group = groups[index]
        let members = records[Int(group.start)..<Int(group.start + group.count)]
        let first = members[members.startIndex]
        var sources: [Provenance] = []
        sources.reserveCapacity(members.count)
        for record in members {
            let sentence = sentences ? try text(record.sentence) : nil
            sources.append(Provenance(document: documents[Int(record.document)], sentence: sentence,
                                      offsets: Array(offsets[record.offsetStart..<(record.offsetStart + Int(record.offsetCount))]),
                                      rule: record.rule > 0 ? rules[Int(record.rule - 1)] : nil))
        }
        if sentences { sources = GraphBuilder.distinctSorted(sources) }
        let source = entityIDs[Int(first.entity)], target = documentIDs[Int(first.document)]
        return Edge(id: id(at: index), type: .mentionedIn, source: source, target: target, sources: sources)
    }
}

/// A `mentioned_in` edge of one source, as the store writes it (``BuiltGraph/forEachEdge(singleMention:whole:)``):
/// the edge's id and ends, its source's document, offsets and rule, and the ref of its sentence in
/// ``BuiltGraph/sentences``. The edge it stands for is `Edge(id:type: .mentionedIn, source:target:sources:)`
/// with one `Provenance(document:sentence:offsets:rule:)`.
public struct SingleMentionEdge {
    public let id: EdgeID
    public let source: NodeID
    public let target: NodeID
    public let document: String
    /// UTF-8 byte offsets into the document.
    public let offsets: ArraySlice<Int>
    public let rule: String?
    public let sentence: SentenceRef

    /// The whole edge, its sentence read through `text`.
    public func edge(sentence text: String?) -> Edge {
        Edge(id: id, type: .mentionedIn, source: source, target: target,
             sources: [Provenance(document: document, sentence: text, offsets: Array(offsets), rule: rule)])
    }
}
