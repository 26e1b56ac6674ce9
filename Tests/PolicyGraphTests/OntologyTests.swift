import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct OntologyTests {
    @Test func bundledOntologyHasRealCoverage() throws {
        let ontology = sharedExtractor.lexicon.ontology
        func count(_ type: EntityType) -> Int { ontology.entities.filter { $0.type == type }.count }
        #expect(count(.company) >= 300)
        #expect(count(.government) >= 300)
        #expect(count(.region) >= 3000)
        #expect(count(.zone) >= 170)
        #expect(count(.institution) >= 300)
        #expect(count(.technology) >= 100)
        #expect(ontology.entity(named: "工信部")?.name == "工业和信息化部")
        #expect(ontology.entity(named: "发改委")?.name == "国家发展和改革委员会")
        #expect(ontology.entity(named: "CATL")?.name == ontology.entity(named: "宁德时代")?.name)
        #expect(ontology.entity(named: "全固态电池")?.parentName == "固态电池")
        // A zone's parent is its city; a city's its province.
        #expect(ontology.entity(named: "石家庄高新区")?.parentName == "石家庄市")
        #expect(ontology.entity(named: "石家庄市")?.parentName == "河北省")
    }

    /// `--ontology DIR`: the repository's copy loads like the bundled one.
    @Test func loadsAnotherCopy() throws {
        let copy = try Ontology.load(from: repositoryRoot.appendingPathComponent("Ontology"))
        #expect(copy.entities.count == sharedExtractor.lexicon.ontology.entities.count)
    }

    /// Every invalid record is reported, each with its file and line.
    @Test func reportsEveryInvalidRecord() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-ontology-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("entities"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("patterns"), withIntermediateDirectories: true)
        try "# name\taliases\tparent\tnote\n国务院\t\t\t\n只有两列\t多\n工信部\n".write(to: folder.appendingPathComponent("entities/government.tsv"), atomically: true, encoding: .utf8)
        try "名字\t\t\t\n".write(to: folder.appendingPathComponent("entities/unknown-type.tsv"), atomically: true, encoding: .utf8)
        try "有限公司\tcompany\tsomewhere\t2-12\n".write(to: folder.appendingPathComponent("patterns/suffixes.tsv"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = Result { try Ontology.load(from: folder) }
        guard case let .failure(failure) = result, let error = failure as? OntologyError, case let .invalidRecords(issues) = error else {
            Issue.record("the broken ontology loaded")
            return
        }
        let places = issues.map(\.location.description)
        #expect(places.contains("entities/government.tsv:3"))
        #expect(places.contains("entities/government.tsv:4"))
        #expect(places.contains("entities/unknown-type.tsv:0"))
        #expect(places.contains("patterns/suffixes.tsv:1"))
        #expect(error.localizedDescription.contains("Ontology/README.md"))
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: OntologyError.self) { try Ontology.load(from: URL(fileURLWithPath: "no/such/ontology")) }
    }

    @Test func publicationDateFromThePageHeader() {
        let rules = sharedExtractor.publicationRules
        #expect(rules.find(in: Array("33热 点 2024.1.29 星期一\n正文".utf8))?.date == "2024-01-29")
        #expect(rules.find(in: Array("微信公众号\n2024年2月5日 星期一\n".utf8))?.date == "2024-02-05")
        #expect(rules.find(in: Array("2023年7月，丰田汽车宣布".utf8)) == nil)
    }
}
