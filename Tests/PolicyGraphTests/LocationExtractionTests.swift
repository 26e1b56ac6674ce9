import Testing
@testable import PolicyGraphCore

/// located_in where the text says so: 位于X的Y and Y位于X.
@Suite struct LocationExtractionTests {
    static func pairs(_ text: String) -> [String] {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").located.map { "\($0.entity)→\($0.place)" }
    }

    @Test(arguments: [
        ("位于合肥高新区的合肥星驰新材料有限公司建成投产。", ["合肥星驰新材料有限公司→合肥高新区"]),
        ("杭州云帆智造科技有限公司位于杭州市，主营机器人。", ["杭州云帆智造科技有限公司→杭州市"]),
        ("会议位于北京召开。", []),  // a meeting is not an organisation
    ])
    func readsLocations(text: String, expected: [String]) {
        #expect(Self.pairs(text) == expected, "\(text): \(Self.pairs(text))")
    }

    @Test func locationsBecomeEdges() throws {
        let extraction = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "位于合肥高新区的合肥星驰新材料有限公司建成投产。"), published: "2025-06")
        let graph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build([extraction])
        let company = try #require(graph.entity(named: "合肥星驰新材料有限公司"))
        let places = graph.neighbors(of: company.id, edgeType: .locatedIn, direction: .outgoing)
        #expect(places.map(\.node.label).contains("合肥高新技术产业开发区"))
    }
}
