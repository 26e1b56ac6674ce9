import Foundation
import Testing
@testable import PolicyGraphCore

/// The passes after the scan, made once with the recognizer (``RecognitionPasses``), answer as
/// passes made afresh for each document: they keep nothing of one document for the next.
@Suite struct RecognitionPassesTests {
    /// The seeds and the dev texts, by name, in the order of their names.
    static let documents: [(name: String, text: String)] = {
        let folders = [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev")]
        var result: [(name: String, text: String)] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") {
                guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
                result.append((name, text))
            }
        }
        return result
    }()

    /// The seeds and dev texts, and texts at the edges: empty, CR LF, a scalar outside the BMP,
    /// a combining mark, a name cut by a line break.
    static let texts: [String] = documents.map(\.text) + [
        "", "\r\n", "工信部\r\n印发《实施方案》", "𠀀宁德时代新能源科技股份有限公司（以下简称“宁德时代”）。宁德时代称",
        "北京市\u{301}人民政府会同", "记者王明、李华报道。王明说",
    ]

    /// The passes as the recognizer ran them before: each made afresh, in the same order.
    static func passesMadeAfresh(_ input: [Mention], lexicon: Lexicon, cursor: TextCursor, titles: [TitleSpan],
                                 markers: [Marker]) -> [Mention] {
        var mentions = PlaceInWords(patterns: lexicon.ontology.patterns, words: lexicon.words).resolve(input, cursor: cursor)
        mentions = AliasResolution(lexicon: lexicon).resolve(mentions, cursor: cursor, titles: titles, markers: markers)
        mentions = LocalBodies(lexicon: lexicon).resolve(mentions, cursor: cursor)
        mentions = ListHeads(lexicon: lexicon).resolve(mentions, cursor: cursor)
        mentions = JointBodies(lexicon: lexicon).resolve(mentions, cursor: cursor)
        mentions = CompanyContexts(lexicon: lexicon).resolve(mentions, cursor: cursor)
        mentions = MeasurePackages(patterns: lexicon.ontology.patterns, words: lexicon.words).resolve(mentions, cursor: cursor)
        mentions = ZoneForms(patterns: lexicon.ontology.patterns).resolve(mentions)
        return LatinCompanies(patterns: lexicon.ontology.patterns).resolve(mentions, cursor: cursor)
    }

    /// One recognizer over every text, forwards and then backwards, finds what a recognizer
    /// made for each text finds.
    @Test func oneRecognizerForEveryDocument() {
        let lexicon = sharedExtractor.lexicon
        let shared = sharedExtractor.recognizer
        let normalized = Self.texts.map { sharedExtractor.normalize(SourceDocument(name: "test.txt", string: $0)) }
        #expect(normalized.count > 6)
        var found = 0
        for text in normalized + normalized.reversed() {
            let reused = shared.recognize(text)
            let fresh = EntityRecognizer(lexicon: lexicon).recognize(text)
            #expect(reused.mentions == fresh.mentions)
            #expect(reused.markers == fresh.markers)
            found += reused.mentions.count
        }
        #expect(found > 100)
    }

    /// The passes made once give, from the same mentions, what the passes made afresh give.
    @Test func passesMadeOnceAnswerAsPassesMadeAfresh() {
        let lexicon = sharedExtractor.lexicon
        let recognizer = sharedExtractor.recognizer
        for string in Self.texts {
            let text = sharedExtractor.normalize(SourceDocument(name: "test.txt", string: string))
            let recognition = recognizer.recognize(text)
            text.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer, fixedWords: lexicon.words.fixedWords)
                let titles = recognizer.titleRecognizer.titles(in: cursor)
                let once = recognizer.passes.resolve(recognition.mentions, cursor: cursor, titles: titles,
                                                     markers: recognition.markers)
                let afresh = Self.passesMadeAfresh(recognition.mentions, lexicon: lexicon, cursor: cursor, titles: titles,
                                                   markers: recognition.markers)
                #expect(once == afresh)
            }
        }
    }
}
