import Foundation
import Testing
@testable import PolicyGraphCore

/// `Outputs/` holds what `policygraph build` makes of `seeds/`; this fails
/// when the committed file is out of date (run `swift run -c release policygraph build`).
@Suite struct OutputsTests {
    @Test func extractionJSONIsCurrentAndDeterministic() throws {
        let first = try ExtractionJSON.encode(seedExtractions)
        let second = try ExtractionJSON.encode(extractSeeds())
        #expect(first == second)
        let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Outputs/extraction.json"))
        #expect(first == committed, "Outputs/extraction.json is out of date: run `swift run -c release policygraph build`")
    }

    @Test func graphJSONIsCurrent() throws {
        let graph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(seedExtractions)
        let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Outputs/graph.json"))
        #expect(try graph.jsonData() == committed, "Outputs/graph.json is out of date: run `swift run -c release policygraph build`")
    }

    /// The seeds are the shared seed texts, unchanged.
    @Test func seedsAreTheFiveSeedTexts() throws {
        let names = try SourceDocument.files(in: [repositoryRoot.appendingPathComponent("seeds").path]).map { ($0 as NSString).lastPathComponent }
        #expect(names.count == 5)
        let gold = try FileManager.default.contentsOfDirectory(atPath: fixturesDirectory.appendingPathComponent("gold").path)
            .map { $0.replacingOccurrences(of: ".json", with: ".txt") }.sorted()
        #expect(names == gold)
    }
}
