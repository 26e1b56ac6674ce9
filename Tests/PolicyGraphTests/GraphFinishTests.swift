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

    /// The ids `entityIDs(of:)` gives are those `finish` gives to entities and documents,
    /// and `nil` exactly for targets and numbers without a draft.
    @Test func entityIDsAreFinishsOwn() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology))
        for extraction in seedExtractions.sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        var (drafts, edges) = (accumulator.drafts, accumulator.edges)
        let entityIDs = accumulator.builder.entityIDs(of: drafts)
        let (_, ids) = accumulator.builder.finish(drafts: &drafts, edges: &edges)
        #expect(entityIDs.count == ids.count)
        var targets = 0
        for (number, draft) in accumulator.drafts.enumerated() {
            if draft?.kind == .target {
                targets += 1
                #expect(entityIDs[number] == nil)
            } else {
                #expect(entityIDs[number] == ids[number])
            }
        }
        #expect(targets > 0)
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
        let (graph, ids) = builder.finish(drafts: &drafts, edges: &edges)
        let expected = try BuiltGraph(graph: graph, mentions: serial.mentions.finish(ids: ids)).materialized()
        let built = try parallel.built()
        #expect(built.mentions.count > 0)
        #expect(try built.materialized().jsonData() == expected.jsonData())
    }
}
