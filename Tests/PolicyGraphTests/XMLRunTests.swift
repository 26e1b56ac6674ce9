import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// GraphML's and GEXF's edges gathered as bytes and handed to libxml2 in blocks
/// (``XMLRun``) are the bytes libxml2's own element and attribute calls write.
@Suite struct XMLRunTests {
    /// The built graph of the seeds and the dev texts (its mention edges in compact form).
    static func builtGraph() throws -> BuiltGraph {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        return try accumulator.built()
    }

    /// A graph whose edges' documents and ids need escaping or cleaning, or are empty, between plain
    /// ones (so that runs of bytes alternate with elements written through libxml2's calls), and
    /// one whose edges are all plain; with and without nodes before them.
    static func awkwardGraphs() -> [KnowledgeGraph] {
        let documents = ["plain.txt", "a&b.txt", "政策 文件.txt", "<tag>.txt", "quote\".txt", "", "tab\tname.txt", "cr\rname.txt",
                         "bell\u{7}.txt", "\u{FFFE}.txt", "apostrophe'.txt", "plain2.txt", "plain3.txt"]
        let nodes = (0..<4).map { index in
            Node(id: NodeID(kind: .company, key: "n\(index)"), kind: .company, label: "公司\(index) <&>", aliases: [], ontologyID: nil,
                 parent: nil, firstSeen: "2024", lastSeen: "2025", documents: ["d.txt"], published: nil, target: nil)
        }
        var edges: [Edge] = []
        for (index, document) in documents.enumerated() {
            let source = nodes[index % 4].id, target = nodes[(index + 1) % 4].id
            let type: EdgeType = index % 2 == 0 ? .partOf : .locatedIn
            let sources = (0...(index % 3)).map { position in
                Provenance(document: position == 1 ? document + "x" : document, sentence: nil, offsets: [position, position + 1])
            }
            edges.append(Edge(id: EdgeID(rawValue: "edge_\(index)"), type: type, source: source, target: target, sources: sources))
        }
        edges.append(Edge(id: EdgeID(rawValue: "edge_odd&id"), type: .partOf, source: nodes[0].id, target: nodes[1].id,
                          sources: [Provenance(document: "plain.txt", sentence: nil, offsets: [0, 1])]))
        let plain = edges.filter { edge in edge.sources.allSatisfy { XMLRun.isPlain($0.document) } && XMLRun.isPlain(edge.id.rawValue) }
        return [KnowledgeGraph(nodes: nodes, edges: edges), KnowledgeGraph(nodes: nodes, edges: plain),
                KnowledgeGraph(nodes: [], edges: plain), KnowledgeGraph(nodes: nodes, edges: []), ExportTests.awkwardGraph()]
    }

    static func bytes(_ write: (String) throws -> Void) throws -> Data {
        let path = ExportTests.temporary("graph.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func expectSameGraphML(_ graph: some WalkableGraph) throws {
        var slow = GraphMLExporter()
        slow.edgesAsBytes = false
        let fastBytes = try bytes { try GraphMLExporter().write(graph, to: $0) }
        let slowBytes = try bytes { try slow.write(graph, to: $0) }
        #expect(fastBytes == slowBytes)
        #expect(!fastBytes.isEmpty)
    }

    static func expectSameGEXF(_ graph: some WalkableGraph) throws {
        var slow = GEXFExporter()
        slow.edgesAsBytes = false
        let fastBytes = try bytes { try GEXFExporter().write(graph, to: $0) }
        let slowBytes = try bytes { try slow.write(graph, to: $0) }
        #expect(fastBytes == slowBytes)
        #expect(!fastBytes.isEmpty)
    }

    @Test func graphMLEdgesAsBytesAreLibxml2sBytes() throws {
        for graph in Self.awkwardGraphs() { try Self.expectSameGraphML(graph) }
        try Self.expectSameGraphML(try Self.builtGraph())
    }

    @Test func gexfEdgesAsBytesAreLibxml2sBytes() throws {
        for graph in Self.awkwardGraphs() { try Self.expectSameGEXF(graph) }
        try Self.expectSameGEXF(try Self.builtGraph())
    }

    /// The graph of the seeds and the dev texts has more edges than one block holds, so runs are
    /// handed over in several blocks (and the test above covers block boundaries).
    @Test func theSeedsAndDevTextsFillSeveralBlocks() throws {
        let graph = try Self.builtGraph()
        let graphML = try Self.bytes { try GraphMLExporter().write(graph, to: $0) }
        #expect(graph.edgeCount > 1000)
        #expect(graphML.count > 3 * XMLRun.blockSize)
    }

    /// Plain values: copied as they are by libxml2, kept by the XML cleaning.
    @Test(arguments: [("edge_00ff", true), ("政策文件.txt", true), ("a b-c_d.e/f", true), ("'", true), ("", false), ("a&b", false),
                      ("<", false), (">", false), ("\"", false), ("tab\t", false), ("\n", false), ("\r", false), ("\u{7F}", false),
                      ("\u{FFFE}", false), ("\u{F000}", false)])
    func plainValues(value: String, plain: Bool) {
        #expect(XMLRun.isPlain(value) == plain)
        if plain { #expect(XMLWriter.xmlSafe(value) == value) }
    }

    /// Weights and numbers as bytes are what `String(Double(_:))` and `String(_:)` give.
    @Test(arguments: [0, 1, 9, 10, 99, 12_345, 999_999, 1_000_000, 123_456_789])
    func numbersAsBytes(value: Int) {
        #expect(XMLRun.weight(value) == String(Double(value)))
        var run = XMLRun(depth: 0)
        run.attribute("w", weight: value)
        run.attribute("n", value)
        run.attribute("m", -value)
        #expect(String(decoding: run.bytes, as: UTF8.self) == " w=\"\(String(Double(value)))\" n=\"\(value)\" m=\"\(-value)\"")
    }
}
