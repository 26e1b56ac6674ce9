import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

@Suite struct ExportTests {
    static let awkward = ["A<B&C>\"D\"'E'", "x]]>y", "back\\slash", "two\nlines", "emoji 🔋⚡", "𠀀𪚥 outside the BMP", "tab\there", "nul\u{0}cut"]

    /// A graph whose names hold every character that export formats must escape.
    static func awkwardGraph() -> KnowledgeGraph {
        var nodes: [Node] = []
        for (index, name) in awkward.enumerated() {
            nodes.append(Node(id: NodeID(kind: .company, key: name), kind: .company, label: name, aliases: ["alias \(index) <&>"],
                              ontologyID: nil, parent: nil, firstSeen: "2024", lastSeen: "2025", documents: ["d.txt"], published: nil, target: nil))
        }
        let edges = zip(nodes, nodes.dropFirst()).map { a, b in
            Edge(id: EdgeID(type: .partOf, source: a.id, target: b.id), type: .partOf, source: a.id, target: b.id,
                 sources: [Provenance(document: "d.txt", sentence: "句子 <&>", offsets: [0, 3])])
        }
        return KnowledgeGraph(nodes: nodes, edges: edges)
    }

    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-export-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The labels of a GraphML file, read back with an XML parser.
    final class LabelCollector: NSObject, XMLParserDelegate {
        var labels: [String] = []
        var current: String? = nil
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "data", attributes["key"] == "label" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "data", let current { labels.append(current) }
            current = nil
        }
    }

    @Test func awkwardNamesRoundTripThroughGraphML() throws {
        let path = Self.temporary("awkward.graphml")
        try GraphMLExporter().write(Self.awkwardGraph(), to: path)
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let collector = LabelCollector()
        parser.delegate = collector
        #expect(parser.parse(), "the GraphML is not well-formed: \(String(describing: parser.parserError))")
        // Everything but the NUL, which XML cannot carry, survives.
        let expected = Self.awkward.map { XMLWriter.xmlSafe($0) }
        #expect(Set(collector.labels) == Set(expected))
    }

    /// GEXF labels are attributes: read them back.
    final class GEXFLabelCollector: NSObject, XMLParserDelegate {
        var labels: [String] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "node", let label = attributes["label"] { labels.append(label) }
        }
    }

    @Test func awkwardNamesRoundTripThroughGEXFAndJSON() throws {
        let graph = Self.awkwardGraph()
        let path = Self.temporary("awkward.gexf")
        try GEXFExporter().write(graph, to: path)
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let collector = GEXFLabelCollector()
        parser.delegate = collector
        #expect(parser.parse())
        // libxml2 writes tabs and line breaks in attributes as character references, so they survive too.
        let expected = Self.awkward.map { XMLWriter.xmlSafe($0) }
        #expect(Set(collector.labels) == Set(expected))
        let json = Self.temporary("awkward.json")
        try graph.save(to: URL(fileURLWithPath: json))
        let loaded = try KnowledgeGraph.load(from: URL(fileURLWithPath: json))
        #expect(Set(loaded.nodes.values.map(\.label)) == Set(Self.awkward))
    }

    @Test func graphMLIsValidAgainstTheSchema() throws {
        let path = Self.temporary("seeds.graphml")
        try GraphMLExporter().write(GraphTests.seedGraph, to: path)
        let schema = fixturesDirectory.appendingPathComponent("schemas/graphml/graphml.xsd").path
        guard let result = Self.run("xmllint", ["--noout", "--nonet", "--schema", schema, path]) else {
            print("skipped: xmllint is not installed (apt-get install libxml2-utils)")
            return
        }
        #expect(result.status == 0, "\(result.output)")
        let awkward = Self.temporary("awkward.graphml")
        try GraphMLExporter().write(Self.awkwardGraph(), to: awkward)
        #expect(Self.run("xmllint", ["--noout", "--nonet", "--schema", schema, awkward])?.status == 0)
    }

    @Test func gexfIsValidAgainstTheRelaxNGSchema() throws {
        for (name, graph) in [("seeds.gexf", GraphTests.seedGraph), ("awkward.gexf", Self.awkwardGraph())] {
            let path = Self.temporary(name)
            try GEXFExporter().write(graph, to: path)
            let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
            #expect(parser.parse(), "\(name) is not well-formed")
            let schema = fixturesDirectory.appendingPathComponent("schemas/gexf/gexf.rng").path
            guard let result = Self.run("xmllint", ["--noout", "--nonet", "--relaxng", schema, path]) else {
                print("skipped: xmllint is not installed (apt-get install libxml2-utils)")
                return
            }
            #expect(result.status == 0, "\(result.output)")
        }
    }

    /// Targets live from their year to their end; open-ended ones to the graph's last year.
    @Test func gexfLifetimes() {
        func target(_ relation: TimeRelation, _ year: Int, _ end: Int? = nil) -> Node {
            let facts = TargetFacts(subject: NodeID(rawValue: "company_x"), relation: relation, year: year, month: nil, endYear: end,
                                    endMonth: nil, action: nil, topic: nil, value: nil, modality: "promise", technology: nil)
            return Node(id: NodeID(rawValue: "target_x"), kind: .target, label: "t", aliases: [], ontologyID: nil, parent: nil,
                        firstSeen: nil, lastSeen: nil, documents: [], published: nil, target: facts)
        }
        #expect(GEXFExporter.lifetime(of: target(.by, 2027), graphStart: 2020, graphEnd: 2035) == (2027, 2027))
        #expect(GEXFExporter.lifetime(of: target(.between, 2024, 2026), graphStart: 2020, graphEnd: 2035) == (2024, 2026))
        #expect(GEXFExporter.lifetime(of: target(.after, 2030), graphStart: 2020, graphEnd: 2035) == (2030, 2035))
        let entity = Node(id: NodeID(rawValue: "company_y"), kind: .company, label: "c", aliases: [], ontologyID: nil, parent: nil,
                          firstSeen: "2022-08", lastSeen: "2024-01", documents: [], published: nil, target: nil)
        #expect(GEXFExporter.lifetime(of: entity, graphStart: 2020, graphEnd: 2035) == (2022, 2035))
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("two\nlines", "\"two\\nlines\""),
        ("工信部", "\"工信部\""),
    ])
    func dotQuoting(text: String, expected: String) {
        #expect(DOTExporter.quoted(text) == expected)
    }

    @Test func dotRendersWithoutWarnings() throws {
        for graph in [GraphTests.seedGraph, Self.awkwardGraph()] {
            let path = Self.temporary("graph.dot")
            try DOTExporter(clustered: true).write(graph, to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.hasPrefix("\u{FEFF}"))
            #expect(text.contains("graph [fontname=\"Noto Sans CJK SC\""))
            #expect(text.contains("node [fontname=\"Noto Sans CJK SC\""))
            #expect(text.contains("edge [fontname=\"Noto Sans CJK SC\""))
            guard let result = Self.run("dot", ["-Tsvg", "-o", "/dev/null", path]) else {
                print("skipped: Graphviz is not installed (apt-get install graphviz)")
                return
            }
            #expect(result.status == 0 && result.output.isEmpty, "dot said: \(result.output)")
        }
    }

    @Test func csvFollowsTheNeo4jHeaders() throws {
        let folder = (Self.temporary("x") as NSString).deletingLastPathComponent
        try CSVExporter().write(Self.awkwardGraph(), toFolder: folder)
        let nodes = try String(contentsOfFile: (folder as NSString).appendingPathComponent("nodes.csv"), encoding: .utf8)
        let edges = try String(contentsOfFile: (folder as NSString).appendingPathComponent("edges.csv"), encoding: .utf8)
        #expect(nodes.hasPrefix("id:ID,:LABEL,name,"))
        #expect(edges.hasPrefix(":START_ID,:END_ID,:TYPE,weight:int,documents\n"))
        #expect(nodes.contains("\"A<B&C>\"\"D\"\"'E'\""))   // quotes doubled inside a quoted cell
        #expect(nodes.contains("\"two\nlines\""))
        #expect(edges.split(separator: "\n").count == Self.awkward.count) // header + one edge per pair
    }

    @Test func subgraphFilters() throws {
        let graph = GraphTests.seedGraph
        let topical = graph.subgraph(SubgraphFilter(topic: "固态电池"))
        #expect(topical.nodes.values.contains { $0.kind == .target })
        #expect(topical.nodes.values.allSatisfy { [.target, .technology, .company, .person, .institution, .government, .policy].contains($0.kind) })
        let companies = graph.subgraph(SubgraphFilter(kinds: [.company]))
        #expect(!companies.nodes.isEmpty && companies.nodes.values.allSatisfy { $0.kind == .company })
        let ministry = try #require(graph.entity(named: "工业和信息化部"))
        let around = graph.subgraph(SubgraphFilter(around: "工信部", depth: 1))
        #expect(around[ministry.id] != nil)
        #expect(around.nodes.count == graph.neighborhood(of: ministry.id, depth: 1).count + 1)
        let window = graph.subgraph(SubgraphFilter(kinds: [.target], fromYear: 2030, toYear: 2035))
        #expect(!window.nodes.isEmpty)
        #expect(window.nodes.values.allSatisfy { TimeFilter.between(2030, 2035).accepts($0.target!) })
        // Every edge of a subgraph joins two of its nodes.
        for sub in [topical, companies, around, window] {
            #expect(sub.edges.values.allSatisfy { sub[$0.source] != nil && sub[$0.target] != nil })
        }
        #expect(graph.subgraph(SubgraphFilter(around: "不存在")).nodes.isEmpty)
    }

    /// A Kùzu load of Outputs/nodes.csv and edges.csv answers the headline
    /// question with the same companies as the Swift API.
    @Test func kuzuAnswersTheHeadlineQuestionLikeTheSwiftAPI() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import kuzu"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { print("skipped: python3 is not installed"); return }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            print("skipped: the kuzu Python package is not installed (pip install kuzu)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/kuzu-headline.py").path,
                             repositoryRoot.appendingPathComponent("Outputs").path, "固态电池", "2027"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let fromKuzu = Set(output.split(separator: "\n").map(String.init))
        let fromSwift = Set(GraphTests.seedGraph.targets(about: "固态电池", time: .dueBy(2027), subjectType: .company, modality: .promise)
            .map(\.subject.label))
        #expect(fromKuzu == fromSwift)
        #expect(fromKuzu.count >= 10)
    }

    /// The committed exports pass the checks their users' tools make: schemas
    /// (xmllint), networkx and igraph loading, Graphviz rendering with a CJK
    /// font, edge ends and labels. The checker and the schemas are the project's copies.
    @Test func outputsPassTheClientChecks() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env") else { return }
        let tool = fixturesDirectory.appendingPathComponent("tools/validate-exports").path
        let outputs = repositoryRoot.appendingPathComponent("Outputs")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", tool] + ["graph.graphml", "graph.gexf", "graph.dot"].map { outputs.appendingPathComponent($0).path }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard !output.contains("python3 is required") else {
            print("skipped: the client checks need python3")
            return
        }
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains(" 0 failed"), "\(output)")
    }

    /// Outputs/ holds what build exports from the seeds.
    @Test func committedExportsAreCurrent() throws {
        let folder = (Self.temporary("x") as NSString).deletingLastPathComponent
        let graph = GraphTests.seedGraph
        try GraphMLExporter().write(graph, to: (folder as NSString).appendingPathComponent("graph.graphml"))
        try GEXFExporter().write(graph, to: (folder as NSString).appendingPathComponent("graph.gexf"))
        try DOTExporter().write(graph, to: (folder as NSString).appendingPathComponent("graph.dot"))
        try CSVExporter().write(graph, toFolder: folder)
        for name in ["graph.graphml", "graph.gexf", "graph.dot", "nodes.csv", "edges.csv"] {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Outputs").appendingPathComponent(name))
            #expect(fresh == committed, "Outputs/\(name) is out of date: run `swift run -c release policygraph build`")
        }
    }
}
