import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct GraphTests {
    static let seedGraph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(seedExtractions)

    /// Two small documents that report overlapping facts.
    static func smallGraph(reversed: Bool = false) -> KnowledgeGraph {
        let texts = [
            ("a.txt", "2025-03", "工信部近日印发《新能源汽车推广方案》。宁德时代宣布将于2027年实现全固态电池量产。比亚迪计划2030年后大规模生产固态电池。"),
            ("b.txt", "2025-06", "工业和信息化部表示，将继续推进。宁德时代宣布将于2027年实现全固态电池量产。中国汽车工业协会预计2026年钠离子电池有望装车。"),
        ]
        var extractions = texts.map { name, date, text in
            sharedExtractor.extract(SourceDocument(name: name, string: text), published: date)
        }
        if reversed { extractions.reverse() }
        return GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(extractions)
    }

    // MARK: The headline question

    /// Which companies promise solid-state batteries by 2027? Exactly those the gold files give.
    @Test func headlineQuestionMatchesTheGoldFiles() throws {
        let graph = Self.seedGraph
        let goldFolder = fixturesDirectory.appendingPathComponent("gold")
        var expected: Set<NodeID> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: goldFolder.path) where name.hasSuffix(".json") {
            let gold = try JSONDecoder().decode(EvaluationScorer.GoldDocument.self, from: Data(contentsOf: goldFolder.appendingPathComponent(name)))
            let companies = Set(gold.entities.filter { $0.type == "company" }.flatMap { [$0.name] + ($0.aliases ?? []) })
            for target in gold.targets where companies.contains(target.subject) {
                guard let year = target.time.year, year <= 2027, target.time.relation != "after",
                      (target.topic ?? "").contains("固态电池") else { continue }
                let node = try #require(graph.entity(named: target.subject), "gold subject \(target.subject) is not in the graph")
                expected.insert(node.id)
            }
        }
        let results = graph.targets(about: "固态电池", time: .dueBy(2027), subjectType: .company, modality: .promise)
        #expect(Set(results.map(\.subject.id)) == expected,
                "got \(Set(results.map(\.subject.label)).sorted()), expected \(expected.compactMap { graph[$0]?.label }.sorted())")
        #expect(expected.count >= 10)
        for result in results {
            #expect(result.facts.year <= 2027)
            #expect(result.facts.action != nil)
            let sentence = result.sources.first?.sentence ?? ""
            #expect(!sentence.isEmpty)
        }
    }

    // MARK: Building

    @Test func entitiesMergeAcrossDocuments() throws {
        let graph = Self.seedGraph
        let ministry = try #require(graph.entity(named: "工业和信息化部"))
        #expect(ministry.documents.count == 5)
        #expect(graph.entities(named: "工业和信息化部").count == 1)
        let small = Self.smallGraph()
        let catl = try #require(small.entity(named: "宁德时代"))
        #expect(catl.documents == ["a.txt", "b.txt"])
        #expect(catl.firstSeen == "2025-03" && catl.lastSeen == "2025-06")
    }

    @Test func theSameTargetFromTwoDocumentsIsOneNodeWithTwoSources() throws {
        let small = Self.smallGraph()
        let results = small.targets(subject: "宁德时代")
        #expect(results.count == 1)
        let target = try #require(results.first)
        #expect(target.sources.map(\.document) == ["a.txt", "b.txt"])
        #expect(target.target.documents == ["a.txt", "b.txt"])
    }

    @Test func aliasesFindTheirEntity() {
        let graph = Self.seedGraph
        #expect(graph.entity(named: "工信部")?.label == "工业和信息化部")
        #expect(graph.entity(named: "国家发展改革委")?.label == "国家发展和改革委员会")
        #expect(graph.entity(named: "CATL")?.label == "宁德时代新能源科技股份有限公司")
        #expect(graph.entity(named: "《实施方案》") != nil)
        #expect(graph.entity(named: "不存在的机构") == nil)
        #expect(graph.suggestions(for: "工信布").first == "工业和信息化部")
    }

    // MARK: Queries

    @Test(arguments: [
        (TimeFilter.dueBy(2027), ["宁德时代新能源科技股份有限公司", "中国汽车工业协会"]),
        (TimeFilter.in(2026), ["中国汽车工业协会"]),
        (TimeFilter.after(2028), ["比亚迪股份有限公司"]),
        (TimeFilter.between(2027, 2029), ["宁德时代新能源科技股份有限公司"]),
        (TimeFilter.between(2026, 2031), ["宁德时代新能源科技股份有限公司", "比亚迪股份有限公司", "中国汽车工业协会"]),
    ])
    func timeFilters(filter: TimeFilter, subjects: [String]) {
        let results = Self.smallGraph().targets(time: filter)
        #expect(Set(results.map(\.subject.label)) == Set(subjects))
    }

    @Test func topicSubjectTypeModalityAndSubjectFilters() {
        let graph = Self.smallGraph()
        // Narrower technologies count: 全固态电池 for 固态电池; 钠离子电池 is not one.
        #expect(Set(graph.targets(about: "固态电池").map(\.subject.label)) == ["宁德时代新能源科技股份有限公司", "比亚迪股份有限公司"])
        #expect(graph.targets(about: "钠离子电池").map(\.subject.label) == ["中国汽车工业协会"])
        #expect(graph.targets(subjectType: .institution).map(\.facts.modality) == ["forecast"])
        #expect(graph.targets(modality: .promise).count == 2)
        #expect(graph.targets(subject: "比亚迪").map(\.facts.relation) == [.after])
    }

    @Test func neighborsPoliciesAndPaths() throws {
        let graph = Self.smallGraph()
        let ministry = try #require(graph.entity(named: "工信部"))
        let policies = graph.policies(issuedBy: ministry.id)
        #expect(policies.map(\.label) == ["新能源汽车推广方案"])
        let policy = try #require(policies.first)
        #expect(graph.neighbors(of: policy.id, edgeType: .issued, direction: .incoming).map(\.node.id) == [ministry.id])
        let catl = try #require(graph.entity(named: "宁德时代"))
        let held = graph.neighbors(of: catl.id, edgeType: .holdsTarget, direction: .outgoing)
        #expect(held.count == 1 && held[0].node.kind == .target)
        // 宁德时代 → its target → 全固态电池 → 固态电池 ← byd's target ← 比亚迪.
        let byd = try #require(graph.entity(named: "比亚迪"))
        let path = try #require(graph.shortestPath(from: catl.id, to: byd.id))
        #expect(path.first == catl.id && path.last == byd.id)
        #expect(path.count == 6)
        #expect(graph.shortestPath(from: ministry.id, to: catl.id) == nil) // documents are not crossed
        #expect(!graph.sources(of: catl.id).isEmpty)
    }

    /// Every edge read from a document keeps the sentence and the byte offsets.
    @Test func everyEdgeKeepsItsProvenance() {
        for edge in Self.seedGraph.edges.values {
            #expect(!edge.sources.isEmpty, "\(edge.type) \(edge.id) has no source")
            for source in edge.sources where !source.document.hasPrefix("Ontology/") {
                #expect(!(source.sentence ?? "").isEmpty, "\(edge.type) from \(source.document) has no sentence")
                #expect(source.offsets.count == 2, "\(edge.type) from \(source.document) has no offsets")
            }
        }
    }

    // MARK: Determinism and files

    @Test func twoBuildsAreByteIdenticalWhateverTheDocumentOrder() throws {
        #expect(try Self.smallGraph().jsonData() == Self.smallGraph(reversed: true).jsonData())
        let again = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(extractSeeds())
        #expect(try Self.seedGraph.jsonData() == again.jsonData())
        for node in Self.seedGraph.nodes.values {
            #expect(node.id.rawValue.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        }
    }

    @Test func saveAndLoadRoundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-graph-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.seedGraph.save(to: url)
        let loaded = try KnowledgeGraph.load(from: url)
        #expect(Array(loaded.nodes.values) == Array(Self.seedGraph.nodes.values))
        #expect(Array(loaded.edges.values) == Array(Self.seedGraph.edges.values))
        #expect(try loaded.jsonData() == Self.seedGraph.jsonData())
    }

    @Test func aBadGraphFileIsAClearError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-bad-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"format\": \"something else\"}".utf8).write(to: url)
        #expect(throws: GraphFileError.self) { try KnowledgeGraph.load(from: url) }
    }

    @Test func tablesAlignWideCharacters() {
        #expect(Table.displayWidth("工信部") == 6)
        #expect(Table.displayWidth("CATL") == 4)
        let text = Table(columns: ["名称", "x"], rows: [["工信部", "1"], ["ab", "2"]]).text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.map { Table.displayWidth(String($0.prefix { $0 != "1" && $0 != "2" && $0 != "x" })) }.dropFirst(2).allSatisfy { $0 == 8 })
        #expect(Table(columns: ["a"], rows: [["x,\"y\""]]).csv() == "a\n\"x,\"\"y\"\"\"\n")
    }
}
