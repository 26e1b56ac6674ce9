import Foundation
import Testing
@testable import PolicyGraphCore

/// An organisation followed by a person's title (`affiliation-title` words of
/// `patterns/targets.tsv`) only says where the person works: it holds no target.
@Suite struct AffiliationTitleTests {
    static let text = "中国汽车工业协会首席专家表示，到2030年，固态电池将实现量产。"

    @Test func anAffiliationHoldsNoTarget() {
        let extraction = sharedExtractor.extract(SourceDocument(name: "a.txt", string: Self.text), published: "2025-03-01")
        #expect(!extraction.targets.contains { $0.subject == "中国汽车工业协会" })
    }

    /// The titles are data: an ontology without them lets the organisation hold the forecast.
    @Test func theTitlesAreData() throws {
        #expect(sharedExtractor.lexicon.ontology.patterns.targets.affiliationTitles.contains("院士"))
        let folder = try scratchFolder("affiliation-titles")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        let file = copy.appendingPathComponent("patterns/targets.tsv")
        let kept = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasSuffix("\taffiliation-title") }
        try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let extractor = Extractor(lexicon: Lexicon(ontology: try Ontology.load(from: copy)))
        let extraction = extractor.extract(SourceDocument(name: "a.txt", string: Self.text), published: "2025-03-01")
        #expect(extraction.targets.map(\.subject) == ["中国汽车工业协会"])
    }
}
