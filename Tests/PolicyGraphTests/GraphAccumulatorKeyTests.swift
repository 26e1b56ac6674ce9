import Foundation
import Testing
@testable import PolicyGraphCore

/// The accumulator's cheaper keys give the graph the string keys gave: names' normal forms
/// hashed once (``HashedKey``), target drafts keyed by their parts (``GraphAccumulator/TargetKey``),
/// and a document's sentences found by where their text is stored before by their bytes.
@Suite struct GraphAccumulatorKeyTests {
    /// `HashedKey` equality is `CanonicalKey` equality, which is `String` equality.
    @Test(arguments: [
        ("工业和信息化部", "工业和信息化部", true),   // the same plain text
        ("工业和信息化部", "工信部", false),          // different text
        ("e\u{301}cole", "\u{e9}cole", true),         // decomposed and composed: equal as Strings
        ("", "", true),                               // empty
        ("固态电池", "固态电池 ", false),              // a trailing space counts
    ])
    func hashedKeysCompareAsStrings(a: String, b: String, equal: Bool) {
        #expect((a == b) == equal)
        #expect((HashedKey(CanonicalKey(a)) == HashedKey(CanonicalKey(b))) == equal)
        if equal { #expect(HashedKey(CanonicalKey(a)).hashValue == HashedKey(CanonicalKey(b)).hashValue) }
        var index: [HashedKey: Int] = [HashedKey(CanonicalKey(a)): 1]
        #expect((index[HashedKey(CanonicalKey(b))] != nil) == equal)
        index[HashedKey(CanonicalKey(b))] = 2
        #expect(index.count == (equal ? 1 : 2))
    }

    /// `extraction` with every string of its sentences and quotes in storage of its own:
    /// what an extraction decoded from the store looks like.
    static func unshared(_ extraction: DocumentExtraction) -> DocumentExtraction {
        func copy(_ string: String?) -> String? { string.map { String(decoding: Array($0.utf8), as: UTF8.self) } }
        var result = extraction
        for index in result.entities.indices { result.entities[index].sentence = copy(result.entities[index].sentence) }
        for index in result.targets.indices { result.targets[index].quote = copy(result.targets[index].quote) ?? "" }
        return result
    }

    /// The seeds' graph is the same bytes whether a document's entities share their
    /// sentences' strings (as extracted) or each has its own copy (as decoded).
    @Test func sharedAndUnsharedSentencesGiveTheSameGraph() throws {
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        let shared = builder.build(seedExtractions)
        let unshared = builder.build(seedExtractions.map(Self.unshared))
        #expect(shared.edges.values.contains { $0.type == .mentionedIn && $0.sources.contains { $0.sentence != nil } })
        #expect(try shared.jsonData() == unshared.jsonData())
    }

    /// Two extractions of one document name added in turn, the first dropped before the
    /// second is added (its sentences' storage free to be reused): the second's sentences
    /// are its own, as when each string is a copy.
    @Test func sentencesAreNotTakenFromAnEarlierExtraction() throws {
        let texts = [
            "工信部近日印发《新能源汽车推广方案》，提出到2027年新能源汽车销量占比达到50%。",
            "宁德时代宣布将于2027年实现全固态电池量产，比亚迪表示将跟进，工信部表示支持。",
            "国家发展改革委发布通知，要求到2026年底完成改造，宁德时代和比亚迪参与其中。",
        ]
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        var reused = GraphAccumulator(builder: builder)
        var copied = GraphAccumulator(builder: builder)
        for text in texts {
            // Made inside the loop and dropped after it: the next one may take its memory.
            let extraction = sharedExtractor.extract(SourceDocument(name: "same.txt", string: text), published: "2025-03")
            #expect(extraction.entities.contains { $0.sentence != nil })
            reused.add(extraction)
            copied.add(Self.unshared(extraction))
        }
        #expect(try reused.graph().jsonData() == copied.graph().jsonData())
    }

    /// Targets of one subject, time and topic merge into one node, and differ when one of
    /// those differs: the target key's parts are compared as the key string's were.
    @Test func targetsMergeByTheirKeyParts() {
        let graph = GraphTests.seedGraph
        var seen: [String: NodeID] = [:]
        for node in graph.nodes.values {
            guard let facts = node.target else { continue }
            let key = "\(facts.subject.rawValue)|\(facts.relation.rawValue)|\(facts.year)|\(facts.month ?? 0)|\(facts.endYear ?? 0)|\(KnowledgeGraph.normalize(facts.topic ?? facts.action ?? ""))"
            #expect(seen[key] == nil, "two target nodes for \(key)")
            seen[key] = node.id
        }
        #expect(seen.count > 5)
    }
}

/// The `mentioned_in` edge hashes made from a prefix hashed once per entity are the
/// hashes of the whole id strings (edge ids are written from them).
@Suite struct MentionHashTests {
    @Test(arguments: [
        ("company:宁德时代", "document:a.txt"),          // Chinese and ASCII
        ("ontology:gov.miit", "document:资讯/2025 03.html"), // a path with a space
        ("", ""),                                         // empty ids
        ("person:e\u{301}", "document:é"),                // decomposed and composed bytes hashed as they are
    ])
    func prefixHashIsTheWholeHash(source: String, target: String) {
        let (source, target) = (NodeID(rawValue: source), NodeID(rawValue: target))
        #expect(EdgeID.MentionHashes(source: source).hash(target: target) == EdgeID.hash(type: .mentionedIn, source: source, target: target))
        #expect(StableHash.continued(StableHash.value(source.rawValue), target.rawValue) == StableHash.value(source.rawValue + target.rawValue))
    }
}

/// An extracted entity's ontology index found by where its id string stores its bytes
/// (``GraphAccumulator/ontologyEntry(id:)``) is the one `Ontology.index(of:)` gives for
/// its text, whether the id is the ontology's own string, a copy, or no id at all.
@Suite struct GraphAccumulatorOntologyIndexTests {
    static let ontology = sharedExtractor.lexicon.ontology

    /// A copy of `string` in storage of its own (as decoded from the store).
    static func copy(_ string: String) -> String { String(decoding: Array(string.utf8), as: UTF8.self) }

    @Test func ontologyStringsCopiesAndStrangersAgreeWithTheOntology() {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: Self.ontology))
        let entities = Self.ontology.entities
        #expect(entities.count > 100)
        var sample = Array(stride(from: 0, to: entities.count, by: 97))
        sample.append(entities.count - 1)
        var byAddress = 0
        for index in sample {
            let id = entities[index].id.rawValue
            let expected = Self.ontology.index(of: EntityID(rawValue: id))
            // Twice: the first lookup remembers the address, the second reads it.
            #expect(accumulator.ontologyEntry(id: id) == expected)
            #expect(accumulator.ontologyEntry(id: id) == expected)
            #expect(accumulator.ontologyEntry(id: Self.copy(id)) == expected)
            if id.utf8.count > 15 { byAddress += 1 }
        }
        #expect(byAddress > 0)
        #expect(accumulator.ontologyIndexByStorage.count == byAddress)
        // Ids the ontology does not have, remembered under no address.
        for stranger in ["", "company:", "company:不存在的某某公司名称测试", "company:\u{20000}\u{20001}", "region:北京\r\n",
                         "company:e\u{301}cole", entities[0].id.rawValue + " "] {
            #expect(accumulator.ontologyEntry(id: stranger) == Self.ontology.index(of: EntityID(rawValue: stranger)))
        }
        #expect(accumulator.ontologyIndexByStorage.count == byAddress)
    }

    /// An id equal as a `String` but spelt in other bytes (decomposed) finds the same entry.
    @Test func decomposedSpellingFindsTheSameEntry() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: Self.ontology))
        guard let index = Self.ontology.entities.indices.first(where: { Self.ontology.entities[$0].id.rawValue.unicodeScalars.contains { $0 == "\u{e9}" } })
        else { return }
        let id = Self.ontology.entities[index].id.rawValue
        let decomposed = id.decomposedStringWithCanonicalMapping
        #expect(accumulator.ontologyEntry(id: id) == Self.ontology.index(of: EntityID(rawValue: id)))
        #expect(accumulator.ontologyEntry(id: decomposed) == Self.ontology.index(of: EntityID(rawValue: decomposed)))
    }
}
