import Foundation
import Testing
@testable import PolicyGraphCore

/// The graph's serial end: the `mentioned_in` records are finished on a side thread
/// (``SideThread``) from the entities' and documents' ids alone
/// (``GraphBuilder/entityIDs(of:)``), while the nodes and the other edges are made on the
/// calling thread. The graph must be the one the serial order gave.
@Suite struct GraphFinishTests {
    /// Both results come back, each the one its own closure gave, whatever their sizes.
    @Test(arguments: [0, 1, 7, 10_000])
    func sideThreadReturnsBothResults(count: Int) {
        let (side, here) = SideThread.both(side: { (0..<count).map { $0 * 2 } }, here: { (0..<count).map { "\($0)" } })
        #expect(side == (0..<count).map { $0 * 2 })
        #expect(here == (0..<count).map { "\($0)" })
    }

    /// With more than one core the side closure runs on another thread, at the same time.
    @Test func sideClosureRunsOnAnotherThread() {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return }
        let caller = ObjectIdentifier(Thread.current)
        let (side, here) = SideThread.both(side: { ObjectIdentifier(Thread.current) }, here: { ObjectIdentifier(Thread.current) })
        #expect(here == caller)
        #expect(side != caller)
    }

    /// The ids `entityIDs(of:)` gives are those of the graph's entity and document nodes,
    /// one per such draft, and `nil` exactly for targets and numbers without a draft.
    @Test func entityIDsAreTheNodesIDs() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology))
        for extraction in seedExtractions.sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        let entityIDs = accumulator.builder.entityIDs(of: accumulator.drafts)
        var targets = 0
        for (number, draft) in accumulator.drafts.enumerated() {
            if draft == nil || draft?.kind == .target {
                targets += draft == nil ? 0 : 1
                #expect(entityIDs[number] == nil)
            } else {
                #expect(entityIDs[number] != nil)
            }
        }
        #expect(targets > 0)
        let graph = accumulator.graph()
        let nodes = Set(graph.nodes.values.filter { $0.kind != .target }.map(\.id))
        #expect(Set(entityIDs.compactMap { $0 }) == nodes)
    }

    /// An entity's documents (read from its mention records at the end) are the documents
    /// of its `mentioned_in` edges, sorted, each once; a target's are its own.
    @Test func entityDocumentsAreTheDocumentsItIsMentionedIn() throws {
        let graph = GraphTests.seedGraph
        var mentioned: [NodeID: Set<String>] = [:]
        for edge in graph.edges.values where edge.type == .mentionedIn {
            mentioned[edge.source, default: []].insert(try #require(graph.nodes[edge.target]).label)
        }
        var entities = 0
        for node in graph.nodes.values where node.kind != .target && node.kind != .document {
            #expect(node.documents == (mentioned[node.id] ?? []).sorted(), "\(node.id)")
            entities += 1
        }
        #expect(entities > 10)
        #expect(graph.nodes.values.contains { $0.kind == .target && !$0.documents.isEmpty })
    }

    /// The seeds' graph, its mention edges finished beside the rest, is the same bytes as
    /// the one finished in turn on one thread (the order before the side thread).
    @Test func sideThreadFinishGivesTheSerialGraph() throws {
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        var serial = GraphAccumulator(builder: builder)
        var parallel = GraphAccumulator(builder: builder)
        for extraction in seedExtractions.sorted(by: { $0.document < $1.document }) {
            serial.add(extraction)
            parallel.add(extraction)
        }
        // The serial order: every node's id, then the mention records.
        try serial.mentions.sentences.finishWriting()
        serial.addOntologyStructure()
        var (drafts, edges) = (serial.drafts, serial.edges)
        let ids = builder.entityIDs(of: drafts)
        let (starts, documents) = serial.mentions.documentsByDraft(count: drafts.count)
        let (graph, _) = builder.finish(drafts: &drafts, edges: &edges, entityIDs: ids) { draft in
            documents[starts[draft]..<starts[draft + 1]].map { serial.mentions.documents[Int($0)] }
        }
        let expected = try BuiltGraph(graph: graph, mentions: serial.mentions.finish(ids: ids)).materialized()
        let built = try parallel.built()
        #expect(built.mentions.count > 0)
        #expect(try built.materialized().jsonData() == expected.jsonData())
    }

    /// `documentsByDraft` against the straightforward reading (each draft's documents appended
    /// unless the last one added), on a table of record sequences: none, one, repeats in one
    /// document, drafts without records, interleaved drafts, a document again later, names
    /// equal as strings in other bytes (one document), non-BMP and CR LF in names.
    @Test(arguments: [
        [],
        [(0, "a.txt")],
        [(0, "a.txt"), (0, "a.txt"), (2, "a.txt")],
        [(1, "a.txt"), (3, "a.txt"), (1, "b.txt"), (1, "b.txt"), (3, "c.txt"), (1, "c.txt")],
        [(0, "a.txt"), (0, "b.txt"), (0, "a.txt")],
        [(2, "\u{e9}.txt"), (2, "e\u{301}.txt"), (4, "e\u{301}.txt")],
        [(0, "\u{20000}文件.txt"), (1, "行\r\n.txt"), (0, "行\r\n.txt"), (0, "行\r\n.txt")],
    ] as [[(Int, String)]])
    func documentsByDraftAgreeWithAppending(records: [(Int, String)]) {
        var mentions = MentionRecords(sentences: SentenceSpill())
        let draftCount = (records.map(\.0).max() ?? -1) + 2
        var expected = [[String]](repeating: [], count: draftCount)
        var names: [CanonicalKey: String] = [:]
        for (draft, document) in records {
            mentions.add(entity: draft, document: document, documentNode: draftCount - 1, sentence: nil, offsets: [0, 1], rule: nil)
            // The straightforward reading: appended unless it is the last added (as strings compare).
            let name = names[CanonicalKey(document)] ?? document
            names[CanonicalKey(document)] = name
            if expected[draft].last != name { expected[draft].append(name) }
        }
        let (starts, documents) = mentions.documentsByDraft(count: draftCount)
        #expect(starts.count == draftCount + 1)
        for draft in 0..<draftCount {
            let listed = documents[starts[draft]..<starts[draft + 1]].map { mentions.documents[Int($0)] }
            #expect(listed == expected[draft], "draft \(draft)")
        }
    }
}
