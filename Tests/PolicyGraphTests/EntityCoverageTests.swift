import Foundation
import Testing
@testable import PolicyGraphCore

/// The generated company registry: listed companies with their stock codes.
@Suite struct CompanyRegistryTests {
    @Test func registryEntriesCarryTheirStockCode() throws {
        let ontology = sharedExtractor.lexicon.ontology
        let index = try #require(ontology.indexes(named: "金海通").first)
        #expect(ontology.entities[index].type == .company)
        #expect(ontology.entities[index].attributes["code"] == "603061")
    }

    @Test(arguments: [
        "公司与⟦company|金海通⟧签署协议。",
        // An ordinary-word short name after a company in a list.
        "依托⟦company|中国石化⟧、⟦company|曙光⟧等企业。",
        // Traditional script in a Taiwan listing.
        "⟦company|瑞普生物⟧宣布扩产。",
    ])
    func findsListedCompanies(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { $0.hasPrefix("company:") }) == Set(case_.expected), "\(case_.text)")
    }

    @Test(arguments: [
        // Ordinary words that are also a listed company's short name.
        "黎明的曙光照亮了大地。",
        // Two characters of a short name across a word boundary.
        "大力发展人工智能产业，基本实现现代化。",
        "固态电池中电极与电解质之间的界面。",
    ])
    func findsNoCompany(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("company:") }.isEmpty, "\(text): \(recognised(text))")
    }

    @Test func attributesColumnIsOptionalAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-attributes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("entities"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("entities/company-test.tsv")
        try "甲乙科技股份有限公司\t甲乙科技\t\t\n丙丁戊己\t\t\t\tcode=600000 match=contextual\n".write(to: file, atomically: true, encoding: .utf8)
        let ontology = try Ontology.load(from: folder)
        #expect(ontology.entities.map(\.attributes) == [[:], ["code": "600000", "match": "contextual"]])
        #expect(ontology.entities[1].nameIsContextual)
        try "丙丁\t\t\t\tcode\n".write(to: file, atomically: true, encoding: .utf8)
        let result = Result { try Ontology.load(from: folder) }
        guard case let .failure(failure) = result, let error = failure as? OntologyError, case let .invalidRecords(issues) = error else {
            Issue.record("an attribute without a value loaded")
            return
        }
        #expect(issues.map(\.location.description) == ["entities/company-test.tsv:1"])
    }
}

/// Names are reported in the document's own script.
@Suite struct OriginalScriptTests {
    @Test(arguments: [
        "⟦government|國務院⟧印發通知，⟦government|生態環境部⟧表示支持。",
        "⟦region|臺灣⟧與⟦region|香港⟧的合作。",
        // Simplified text stays as it is.
        "⟦government|国务院⟧印发通知。",
    ])
    func reportsTheOriginalScript(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text)) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }
}
