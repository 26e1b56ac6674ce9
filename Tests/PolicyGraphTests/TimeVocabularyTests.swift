import Foundation
import Testing
@testable import PolicyGraphCore

/// The words the time grammar reads are data (`patterns/time.tsv`).
@Suite struct TimeVocabularyTests {
    @Test func bundledFileLoadsWhole() throws {
        let vocabulary = try TimeVocabulary.load(from: repositoryRoot.appendingPathComponent("Ontology"))
        #expect(vocabulary.foldings.contains { $0.from == "後" && $0.to == "后" })
        #expect(vocabulary.relativeYears.contains { $0.word == "去年" && $0.offset == -1 })
        #expect(vocabulary.plans.contains { $0.name == "十四五" && $0.first == 2021 })
        #expect(vocabulary.suffixes.contains { $0.word == "或之前" && $0.kind == .before })
        // The whole ontology reads the same file without a warning.
        let ontology = try Ontology.load(from: repositoryRoot.appendingPathComponent("Ontology"))
        #expect(!ontology.warnings.contains { $0.location.file == "patterns/time.tsv" })
        #expect(ontology.patterns.time.relativeQuarters.count == vocabulary.relativeQuarters.count)
    }

    /// The parser reads its words from the vocabulary: a word added there is read, one left out is not.
    @Test func parserReadsTheVocabulary() throws {
        var vocabulary = try TimeVocabulary.load(from: repositoryRoot.appendingPathComponent("Ontology"))
        let reference = ReferenceDate(year: 2025, month: 3, day: 15)
        #expect(TimeNormalizer(vocabulary: vocabulary).parse("上上月", reference: reference) == nil)
        #expect(vocabulary.add(["上上月", "relative-month", "-2"]) == nil)
        vocabulary.finish()
        #expect(TimeNormalizer(vocabulary: vocabulary).parse("上上月", reference: reference)?.month == 1)
        #expect(TimeNormalizer(vocabulary: TimeVocabulary()).parse("2030年後", reference: reference) == nil)
    }

    /// A copy of the repository's ontology with one time word added (来年, next year).
    static func ontologyWithExtraTimeWord(in folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        let timeFile = copy.appendingPathComponent("patterns/time.tsv")
        let words = try String(contentsOf: timeFile, encoding: .utf8)
        try (words + "来年\trelative-year\t1\n").write(to: timeFile, atomically: true, encoding: .utf8)
        return copy
    }

    /// Extraction reads the time words of the ontology it is given (`--ontology DIR`), not the bundled ones.
    @Test func extractionReadsTheOntologysTimeWords() throws {
        let folder = try scratchFolder("time-words")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ontology = try Ontology.load(from: try Self.ontologyWithExtraTimeWord(in: folder))
        let document = SourceDocument(name: "a.txt", string: "工业和信息化部提出，来年建成100家绿色工厂。")
        #expect(sharedExtractor.extract(document, published: "2025-03-01").targets.isEmpty)
        let targets = Extractor(lexicon: Lexicon(ontology: ontology)).extract(document, published: "2025-03-01").targets
        #expect(targets.map(\.time.year) == [2026])
        #expect(targets.first?.time.text == "来年")
    }

    /// An ontology whose time file is missing or empty is refused, like one without its other patterns.
    @Test func anOntologyWithoutTimeWordsIsRefused() throws {
        let folder = try scratchFolder("no-time-words")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        try Data().write(to: copy.appendingPathComponent("patterns/time.tsv"))
        #expect {
            _ = try Ontology.load(from: copy)
        } throws: { error in
            guard case let .invalidRecords(issues) = error as? OntologyError else { return false }
            return issues.map(\.location.file) == ["patterns/time.tsv"]
        }
    }

    @Test(arguments: [
        (["後", "fold", "后后"], "same UTF-8 length"),
        (["去年", "relative-year", "x"], "offset"),
        (["年底", "year-part", "12-11"], "FIRST-LAST"),
        (["以后", "suffix", "later"], "before, after"),
        (["明年", "yearly", ""], "expected a word, a role"),
    ])
    func badRecordsSayWhatIsWrong(fields: [String], message: String) {
        var vocabulary = TimeVocabulary()
        #expect(vocabulary.add(fields)?.contains(message) == true)
    }
}
