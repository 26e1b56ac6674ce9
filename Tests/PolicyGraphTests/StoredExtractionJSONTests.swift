import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// The store's extraction rows, written by ``StoredExtractionJSON`` instead of
/// `JSONEncoder`, keep their bytes: compared with the encoder on the seeds, the
/// dev texts, odd strings and generated extractions.
@Suite struct StoredExtractionJSONTests {
    func expectSameBytes(_ extraction: DocumentExtraction, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = [UInt8](try PolicyStore.extractionEncoder.encode(extraction))
        let written = StoredExtractionJSON.encode(extraction)
        #expect(written == expected, "\(extraction.document): \(String(decoding: written, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test func seedsEncodeAsJSONEncoderDoes() throws {
        #expect(seedExtractions.count >= 5)
        for extraction in seedExtractions { try expectSameBytes(extraction) }
    }

    @Test func devTextsEncodeAsJSONEncoderDoes() throws {
        let extractions = InputCollection(paths: [fixturesDirectory.appendingPathComponent("dev/texts").path])
            .extract(with: sharedExtractor, onError: { Issue.record("dev text unreadable: \($0)") }).extractions
        #expect(extractions.count >= 22)
        for extraction in extractions { try expectSameBytes(extraction) }
    }

    /// Strings `JSONEncoder` escapes (quotes, backslashes, slashes, every control byte) or
    /// leaves as they are (DEL, U+2028, U+2029, emoji, combining marks, Chinese).
    static let oddStrings: [String] = [
        "", "\"", "\\", "/", "a/b\\c\"d", "http://www.gov.cn/zhengce/", "2015/3/3",
        String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self), "\u{7F}", "\u{2028}\u{2029}",
        "😀 固态电池 👩‍👩‍👧", "e\u{301}", "\u{FEFF}BOM", "tab\there\nline\r\n", String(repeating: "长/", count: 40),
    ]

    @Test(arguments: oddStrings)
    func oddStringsEncodeAsJSONEncoderDoes(_ string: String) throws {
        var extraction = Self.full(string, seed: 1)
        try expectSameBytes(extraction)
        extraction.document = string
        try expectSameBytes(extraction)
    }

    /// Every member present, then every optional one left out or `null`.
    @Test func optionalMembersEncodeAsJSONEncoderDoes() throws {
        try expectSameBytes(Self.full("名称", seed: 2))
        var bare = DocumentExtraction(document: "a.txt", published: nil, entities: [])
        try expectSameBytes(bare)
        bare.entities = [ExtractedEntity(type: .company, name: "某公司", aliases: [], id: nil, canonical: nil, mentions: 0, offsets: [], rule: "")]
        bare.targets = [ExtractedTarget(subject: "", time: TargetTime(relation: "by", year: nil, month: nil, end_year: nil), topic: nil,
                                        action: nil, value: nil, modality: "goal", quote: "", rule: "", subjectOffsets: [], timeOffsets: [], actionOffsets: nil)]
        bare.issued = [IssuedPair(issuer: "", policy: "", rule: nil, sentence: nil, issuerOffsets: nil, verbOffsets: nil, policyOffsets: nil)]
        bare.located = [LocatedPair(entity: "", place: "", sentence: nil, offsets: [])]
        try expectSameBytes(bare)
    }

    /// Generated extractions: random counts, numbers (negative and extreme too) and strings from odd pieces.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func generatedExtractionsEncodeAsJSONEncoderDoes(seed: UInt64) throws {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let pieces = Self.oddStrings + ["国务院", "印发", "。", " ", "2025年", "abc"]
        func string() -> String { (0..<(next() % 5)).map { _ in pieces[next() % pieces.count] }.joined() }
        func number() -> Int { [0, 1, -1, Int.max, Int.min, next(), -next()][next() % 7] }
        func maybe<T>(_ make: () -> T) -> T? { next() % 2 == 0 ? make() : nil }
        for _ in 0..<20 {
            var extraction = DocumentExtraction(document: string(), published: maybe(string), publishedSource: maybe { .metadata }, entities: [])
            extraction.entities = (0..<(next() % 4)).map { _ in
                ExtractedEntity(type: EntityType.allCases[next() % EntityType.allCases.count], name: string(), aliases: (0..<(next() % 3)).map { _ in string() },
                                id: maybe(string), canonical: maybe(string), mentions: number(), offsets: [number(), number()], rule: string(), sentence: maybe(string))
            }
            extraction.targets = (0..<(next() % 3)).map { _ in
                ExtractedTarget(subject: string(), time: TargetTime(relation: string(), year: maybe(number), month: maybe(number), end_year: maybe(number),
                                                                    end_month: maybe(number), day: maybe(number), end_day: maybe(number), text: maybe(string)),
                                topic: maybe(string), action: maybe(string), value: maybe(string), modality: string(), quote: string(), rule: string(),
                                subjectOffsets: [number()], technology: maybe(string), timeOffsets: [], actionOffsets: maybe { [number(), number()] })
            }
            extraction.issued = (0..<(next() % 3)).map { _ in
                IssuedPair(issuer: string(), policy: string(), rule: maybe(string), sentence: maybe(string), issuerOffsets: maybe { [number()] },
                           verbOffsets: maybe { [number()] }, policyOffsets: maybe { [number()] })
            }
            extraction.located = (0..<(next() % 3)).map { _ in LocatedPair(entity: string(), place: string(), sentence: maybe(string), offsets: [number()]) }
            extraction.leftOut = (0..<(next() % 2)).map { _ in LeftOutPart(range: 3..<(3 + next() % 100), reason: string(), excerpt: string()) }
            extraction.offsetsNote = maybe(string)
            try expectSameBytes(extraction)
        }
    }

    /// An extraction with every member present, `text` in each string.
    static func full(_ text: String, seed: Int) -> DocumentExtraction {
        var extraction = DocumentExtraction(document: "d/\(seed).txt", published: "2025-0\(seed)", publishedSource: .metadata,
                                            entities: [ExtractedEntity(type: .government, name: text, aliases: [text, "别名"], id: text, canonical: text,
                                                                       mentions: seed, offsets: [0, 9], rule: text, sentence: text)])
        extraction.targets = [ExtractedTarget(subject: text, time: TargetTime(relation: "by", year: 2027, month: 6, end_year: 2028, end_month: 12, day: 1,
                                                                              end_day: 30, text: text),
                                              topic: text, action: text, value: text, modality: "goal", quote: text, rule: text, subjectOffsets: [1, 2],
                                              technology: text, timeOffsets: [3, 4], actionOffsets: [5, 6])]
        extraction.issued = [IssuedPair(issuer: text, policy: text, rule: text, sentence: text, issuerOffsets: [1, 2], verbOffsets: [3, 4], policyOffsets: [5, 6])]
        extraction.located = [LocatedPair(entity: text, place: text, sentence: text, offsets: [7, 8])]
        extraction.leftOut = [LeftOutPart(range: 10..<20, reason: text, excerpt: text)]
        extraction.offsetsNote = text
        return extraction
    }
}
