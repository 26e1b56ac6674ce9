import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// GraphML and GEXF written as bytes (``XMLByteWriter``) are the bytes libxml2's
/// own element, attribute and text calls write (``XMLWriter``), value by value
/// and file by file.
@Suite struct XMLByteWriterTests {
    /// The built graph of the seeds and the dev texts (its mention edges in compact form).
    static func builtGraph() throws -> BuiltGraph {
        var accumulator = GraphAccumulator(builder: GraphBuilder(ontology: sharedExtractor.lexicon.ontology),
                                           sentences: try SentenceSpill(scratchFile: temporaryStorePath("sentences")))
        for extraction in storableDocuments.map(\.extraction).sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        return try accumulator.built()
    }

    /// A graph whose edges' documents and ids need escaping or cleaning, or are empty, between plain
    /// ones, and one whose edges are all plain; with and without nodes before them.
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
        let plain = edges.filter { edge in
            edge.sources.allSatisfy { XMLByteWriter.isPlain($0.document, mask: XMLByteWriter.inAttribute) }
                && XMLByteWriter.isPlain(edge.id.rawValue, mask: XMLByteWriter.inAttribute)
        }
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
        let fastBytes = try bytes { try GraphMLExporter().write(graph, to: $0) }
        let slowBytes = try bytes { try GraphMLExporter().writeThroughLibxml2(graph, to: $0) }
        #expect(fastBytes == slowBytes)
        #expect(!fastBytes.isEmpty)
    }

    static func expectSameGEXF(_ graph: some WalkableGraph) throws {
        let fastBytes = try bytes { try GEXFExporter().write(graph, to: $0) }
        let slowBytes = try bytes { try GEXFExporter().writeThroughLibxml2(graph, to: $0) }
        #expect(fastBytes == slowBytes)
        #expect(!fastBytes.isEmpty)
    }

    @Test func graphMLAsBytesIsLibxml2sBytes() throws {
        for graph in Self.awkwardGraphs() { try Self.expectSameGraphML(graph) }
        try Self.expectSameGraphML(try Self.builtGraph())
        try Self.expectSameGraphML(GraphTests.seedGraph)
    }

    @Test func gexfAsBytesIsLibxml2sBytes() throws {
        for graph in Self.awkwardGraphs() { try Self.expectSameGEXF(graph) }
        try Self.expectSameGEXF(try Self.builtGraph())
        try Self.expectSameGEXF(GraphTests.seedGraph)
    }

    /// The graph of the seeds and the dev texts has more bytes than one block holds, so the
    /// buffer is handed to the file several times (and the tests above cover block boundaries).
    @Test func theSeedsAndDevTextsFillSeveralBlocks() throws {
        let graph = try Self.builtGraph()
        let graphML = try Self.bytes { try GraphMLExporter().write(graph, to: $0) }
        #expect(graph.edgeCount > 1000)
        #expect(graphML.count > 3 * ByteBuffer.blockSize)
    }

    /// Values with nothing to escape or clean, values with every character that either the
    /// escaping or the cleaning changes, alone, first, last and between others.
    static let values: [String] = [
        "", "edge_00ff", "plain ascii", "政策文件.txt", "a b-c_d.e/f", "'", "a&b", "<", ">", "\"", "&amp;", "tab\t", "\n", "\r",
        "CR LF\r\nnext", "\r\n", "\u{7F}", "\u{7}bell", "nul\u{0}", "\u{1F}", "\u{FFFE}", "x\u{FFFF}y", "\u{F000}", "\u{EFFF}",
        "\u{FFFD}", "𠀀非BMP😀", "😀", "e\u{301}", "\u{301}", "政<策>&\"\t\n\r\u{1}😀", "a|b", "  ", "末尾政", "🀄",
        String(repeating: "政策", count: 3000) + "&",
    ]

    /// One element per value, the value as an attribute and as text, and as a list joined by
    /// `|` and by a space (whose parts are escaped one by one), written both ways.
    @Test func everyValueIsEscapedAsLibxml2EscapesIt() throws {
        func document<Sink: XMLSink & ~Copyable>(_ xml: inout Sink) throws {
            try xml.startDocument()
            try xml.start("root")
            for (index, value) in Self.values.enumerated() {
                try xml.start("value")
                try xml.attribute("a", value)
                try xml.attribute("list", joining: [value, value, "p"], separator: "|")
                try xml.attribute("number", index - 3)
                try xml.attribute("weight", weight: index * 100_003)
                try xml.text(value)
                try xml.end("value")
                try xml.start("list")
                try xml.text(joining: [value, "p", value], separator: " ")
                try xml.end("list")
                try xml.start("empty")
                try xml.start("weight")
                try xml.text(weight: index)
                try xml.end("weight")
                try xml.end("empty")
                try xml.start("bare")
                try xml.end("bare")
            }
            try xml.end("root")
            try xml.endDocument()
        }
        var fast = XMLByteWriter(file: nil)
        try document(&fast)
        let slow = try Self.bytes { path in
            try TemporaryFile.write(to: path) { temporary in
                var xml = try XMLWriter(path: temporary)
                try document(&xml)
            }
        }
        let fastBytes = Data(fast.bytes)
        #expect(fastBytes == slow)
        // Each value on its own, so that a mismatch names it.
        for value in Self.values {
            var one = XMLByteWriter(file: nil)
            let reference = try Self.bytes { path in
                try TemporaryFile.write(to: path) { temporary in
                    var xml = try XMLWriter(path: temporary)
                    try xml.startDocument(); try xml.element("v", value, attribute: "a", value); try xml.endDocument()
                }
            }
            try one.startDocument(); try one.element("v", value, attribute: "a", value); try one.endDocument()
            let written = Data(one.bytes)
            #expect(written == reference, "\(value.unicodeScalars.map(\.value))")
        }
    }

    /// Plain values (copied as they are) in attributes and in text: tab and LF are plain in text only.
    @Test(arguments: [("edge_00ff", true, true), ("政策文件.txt", true, true), ("a b-c_d.e/f", true, true), ("'", true, true),
                      ("", true, true), ("a&b", false, false), ("<", false, false), (">", false, false), ("\"", false, false),
                      ("tab\t", false, true), ("\n", false, true), ("\r", false, false), ("\u{7F}", true, true),
                      ("\u{1}", false, false), ("\u{FFFE}", false, false), ("\u{F000}", false, false), ("😀", true, true)])
    func plainValues(value: String, inAttribute: Bool, inText: Bool) {
        #expect(XMLByteWriter.isPlain(value, mask: XMLByteWriter.inAttribute) == inAttribute)
        #expect(XMLByteWriter.isPlain(value, mask: XMLByteWriter.inText) == inText)
        if inAttribute || inText { #expect(XMLWriter.xmlSafe(value) == value) }
    }

    /// Weights and numbers as bytes are what `String(Double(_:))` and `String(_:)` give.
    @Test(arguments: [0, 1, 9, 10, 99, 12_345, 999_999, 1_000_000, 123_456_789, Int.max, Int.min])
    func numbersAsBytes(value: Int) throws {
        var xml = XMLByteWriter(file: nil)
        try xml.start("e")
        try xml.attribute("w", weight: value)
        try xml.attribute("n", value)
        try xml.end("e")
        let written = String(decoding: xml.bytes, as: UTF8.self)
        #expect(written == "<e w=\"\(String(Double(value)))\" n=\"\(value)\"/>\n")
    }
}
