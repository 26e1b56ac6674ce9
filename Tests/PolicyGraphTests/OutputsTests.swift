import Foundation
import Testing
@testable import PolicyGraphCore

/// `Outputs/` holds what `policygraph build` makes of `seeds/`; this fails
/// when the committed file is out of date (run `swift run -c release policygraph build`).
@Suite struct OutputsTests {
    @Test func extractionJSONIsCurrentAndDeterministic() throws {
        var extractions: [DocumentExtraction] = []
        for path in try SourceDocument.files(in: [repositoryRoot.appendingPathComponent("seeds").path]) {
            extractions.append(sharedExtractor.extract(try SourceDocument(reading: path)))
        }
        let first = try ExtractionJSON.encode(extractions)
        let second = try ExtractionJSON.encode(try SourceDocument.files(in: [repositoryRoot.appendingPathComponent("seeds").path]).map { sharedExtractor.extract(try SourceDocument(reading: $0)) })
        #expect(first == second)
        let committed = try Data(contentsOf: repositoryRoot.appendingPathComponent("Outputs/extraction.json"))
        #expect(first == committed, "Outputs/extraction.json is out of date: run `swift run -c release policygraph build`")
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
