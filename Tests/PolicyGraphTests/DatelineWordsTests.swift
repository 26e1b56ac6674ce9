import Foundation
import Testing
@testable import PolicyGraphCore

/// A body named in a dateline (`dateline-opener` and `dateline-wire` words of
/// `patterns/targets.tsv`) reports the story: it holds no target. These words, and the
/// other words the target rules read, are data.
@Suite struct DatelineWordsTests {
    static let texts = [
        "中国汽车工业协会讯 到2030年，将建成10个新能源基地。",                 // 讯 right after the name
        "中国汽车工业协会北京3月1日电（记者 王某）到2030年，将建成10个新能源基地。", // 电（ within 12 characters
    ]

    @Test(arguments: texts) func aDatelineHoldsNoTarget(_ text: String) {
        let extraction = sharedExtractor.extract(SourceDocument(name: "a.txt", string: text), published: "2025-01-01")
        #expect(extraction.targets.isEmpty)
    }

    /// The words are data: an ontology without them lets the body hold the target.
    @Test func theWordsAreData() throws {
        let targets = sharedExtractor.lexicon.ontology.patterns.targets
        #expect(targets.datelineOpeners == ["讯", "记者"])
        #expect(targets.datelineWires == ["电（", "电("])
        #expect(targets.mediaEndings.contains("通讯社"))
        let folder = try scratchFolder("dateline-words")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        let file = copy.appendingPathComponent("patterns/targets.tsv")
        let kept = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasSuffix("\tdateline-opener") && !$0.hasSuffix("\tdateline-wire") }
        try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let extractor = Extractor(lexicon: Lexicon(ontology: try Ontology.load(from: copy)))
        for text in Self.texts {
            let extraction = extractor.extract(SourceDocument(name: "a.txt", string: text), published: "2025-01-01")
            #expect(extraction.targets.map(\.subject) == ["中国汽车工业协会"])
        }
    }

    /// The topic's edge words and the words after a time that make it a fact are data too.
    @Test func topicNoiseAndFactWordsAreData() throws {
        let targets = sharedExtractor.lexicon.ontology.patterns.targets
        #expect(targets.topicNoise.prefix(3) == ["将于", "将在", "将"])
        #expect(targets.factAfterWords == ["相比", "同期", "以来"])
        #expect(sharedExtractor.targetExtractor.cleanTopic("将于固态电池，") == "固态电池")
        let folder = try scratchFolder("topic-noise")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        let file = copy.appendingPathComponent("patterns/targets.tsv")
        let kept = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasSuffix("\ttopic-noise") }
        try (kept.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let extractor = Extractor(lexicon: Lexicon(ontology: try Ontology.load(from: copy)))
        #expect(extractor.targetExtractor.cleanTopic("将于固态电池，") == "将于固态电池")
    }
}
