import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// `build` keeps the `mentioned_in` edges compact (``MentionEdges``, sentences in
/// a ``SentenceSpill``) and makes them into edges as the exports walk them:
/// every file must be the bytes of the whole graph held as one ``KnowledgeGraph``.
@Suite struct BuiltGraphTests {
    /// A spill gives back what was put in, in memory or through its scratch file,
    /// which is unlinked as soon as it is open; no sentence is not the empty one.
    @Test(arguments: [false, true])
    func aSpillGivesBackItsSentences(scratch: Bool) throws {
        let path = temporaryStorePath("sentences")
        let spill = scratch ? try SentenceSpill(scratchFile: path) : SentenceSpill()
        #expect(!FileManager.default.fileExists(atPath: path))
        let sentences = ["工业和信息化部印发《方案》。", "", "Toyota 宣布 2027 年量产。", String(repeating: "长句", count: 400_000)]
        let refs = sentences.map { spill.append($0) }
        try spill.finishWriting()
        #expect(try refs.map { try spill.text($0) } == sentences)
        #expect(try spill.text(.none) == nil)
    }

    /// The walk of a built graph gives the edges of the graph held whole, in id
    /// order, and each export written from it is the same bytes.
    @Test func exportsOfTheBuiltGraphAreThoseOfTheWholeGraph() throws {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        let built = try accumulator.built()
        let whole = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(storableDocuments.map(\.extraction))
        #expect(built.mentions.count > 100)
        #expect(!built.graph.edges.values.contains { $0.type == .mentionedIn })
        var walked: [Edge] = []
        try built.forEachEdge(sentences: true) { walked.append($0) }
        #expect(walked == Array(whole.edges.values))
        #expect(built.edgeCount == whole.edges.count)
        #expect(try built.materialized().jsonData() == whole.jsonData())
        #expect(built.statistics.edges == whole.statistics.edges)

        let folder = temporaryStorePath("exports").replacingOccurrences(of: ".sqlite", with: "")
        func files(_ graph: some WalkableGraph, _ name: String) throws -> [Data] {
            let base = (folder as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            func path(_ file: String) -> String { (base as NSString).appendingPathComponent(file) }
            try graph.writeJSON(to: path("graph.json"))
            try GraphMLExporter().write(graph, to: path("graph.graphml"))
            try GEXFExporter().write(graph, to: path("graph.gexf"))
            try DOTExporter().write(graph, to: path("graph.dot"))
            try CSVExporter().write(graph, toFolder: base)
            return try ["graph.json", "graph.graphml", "graph.gexf", "graph.dot", "nodes.csv", "edges.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: path($0)))
            }
        }
        let fromBuilt = try files(built, "built"), fromWhole = try files(whole, "whole")
        #expect(fromBuilt == fromWhole)
        #expect(fromWhole[0] == (try whole.jsonData()))
    }

    /// Two names of one ontology entity in a document are one `mentioned_in` edge
    /// with both sources, sorted; a source given twice counts once.
    @Test func mentionsOfOneEntityInADocumentAreOneEdge() throws {
        let ontology = sharedExtractor.lexicon.ontology
        let entry = try #require(ontology.entities.first { $0.type == .government && !$0.aliases.isEmpty })
        func entity(_ name: String, _ offsets: [Int], _ sentence: String?) -> ExtractedEntity {
            ExtractedEntity(type: .government, name: name, aliases: [], id: entry.id.rawValue, canonical: nil, mentions: 1,
                            offsets: offsets, rule: "dictionary", sentence: sentence)
        }
        let extraction = DocumentExtraction(document: "a.txt", published: "2024-01-01", entities: [
            entity(entry.aliases[0], [90, 99], "第二句。"), entity(entry.name, [3, 12], "第一句。"), entity(entry.name, [3, 12], "第一句。"),
        ])
        let graph = GraphBuilder(ontology: ontology).build([extraction])
        let mentions = graph.edges.values.filter { $0.type == .mentionedIn }
        #expect(mentions.count == 1)
        #expect(mentions.first?.sources.map(\.offsets) == [[3, 12], [90, 99]])
        #expect(mentions.first?.sources.map(\.sentence) == ["第一句。", "第二句。"])
    }
}
