import Foundation
import Testing
@testable import PolicyGraphCore

/// The accumulator refers to drafts by number (each draft key numbered the first time it is
/// met) and gives the numbers their ids at the end: a number resolved to the wrong draft, or to
/// none, shows as a dangling reference or a changed graph.
@Suite struct GraphAccumulatorNumberingTests {
    /// Every edge's ends, and every target's subject and technology, are nodes of the graph.
    @Test func everyReferenceResolvesToANode() {
        let graph = GraphTests.seedGraph
        #expect(GraphIntegrity.problems(nodes: Array(graph.nodes.values), edges: Array(graph.edges.values)).isEmpty)
        #expect(graph.edges.values.contains { $0.type == .mentionedIn })
        for node in graph.nodes.values {
            guard let target = node.target else { continue }
            #expect(graph.nodes[target.subject] != nil)
            if let technology = target.technology { #expect(graph.nodes[technology] != nil) }
        }
    }

    /// A document added again (after another) finds its own numbers: the graph is the one
    /// of each document added once.
    @Test func aDocumentAddedAgainIsTheSameNodes() throws {
        let texts = [
            ("a.txt", "2025-03", "工信部近日印发《新能源汽车推广方案》。宁德时代宣布将于2027年实现全固态电池量产。"),
            ("b.txt", "2025-06", "工业和信息化部表示，将继续推进。宁德时代宣布将于2027年实现全固态电池量产。"),
        ]
        let extractions = texts.map { name, date, text in
            sharedExtractor.extract(SourceDocument(name: name, string: text), published: date)
        }
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        var once = GraphAccumulator(builder: builder)
        for extraction in extractions { once.add(extraction) }
        var again = GraphAccumulator(builder: builder)
        for extraction in extractions + [extractions[0]] { again.add(extraction) }
        let (first, second) = (once.graph(), again.graph())
        #expect(first.nodes.count > 4 && first.edges.count > 4)
        #expect(try first.jsonData() == second.jsonData())
    }
}
