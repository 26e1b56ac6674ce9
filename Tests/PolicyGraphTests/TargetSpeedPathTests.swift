import Foundation
import Testing
@testable import PolicyGraphCore

/// The scalar and byte paths of the target and time extraction give exactly what
/// the `String`, `Character` and Foundation paths they replace gave.
@Suite struct TargetSpeedPathTests {
    static var extractor: TargetExtractor { sharedExtractor.targetExtractor }

    /// The seeds and the dev texts, for stretches of real news text.
    static let texts: [String] = {
        var urls: [URL] = []
        for folder in [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            urls += names.sorted().filter { $0.hasSuffix(".txt") }.map { folder.appendingPathComponent($0) }
        }
        return urls.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    /// Stretches of every text: each clause (cut at ，。；), and each clause with its
    /// next one, so that topics meet marks, figures, 的 and 较 as they occur.
    static let stretches: [String] = {
        var result: [String] = []
        for text in texts {
            let clauses = text.split(omittingEmptySubsequences: true) { "，。；\n".contains($0) }.map(String.init)
            for (index, clause) in clauses.enumerated() {
                result.append(clause)
                if index + 1 < clauses.count { result.append(clause + "，" + clauses[index + 1]) }
            }
        }
        return result
    }()

    /// Rows for the edges the texts may not hold: one kind of edge each.
    static let edges: [String] = [
        "",                              // empty
        "  \t ",                         // white space only
        "\u{3000}将于2025年实现量产\u{A0}",  // ideographic and no-break spaces trimmed
        "\u{200B}固态电池\u{200B}",         // Foundation trims the zero-width space too
        "较2020年下降13.5%",              // a baseline at the start
        "排放较2020年下降",                // a baseline inside
        "较多企业",                        // 较 before no number
        "较一半",                          // 较 before a Chinese numeral (Character.isNumber)
        "”的时间表",                       // a closing quote first: not cut at its own place
        "新型储能”的时间表",                // cut at the closing quote
        "将将将在于",                       // only noise
        "10款纯电动汽车",                  // a figure that counts
        "200万亿元以上的投资",              // multiplier, unit and tail after a figure
        "2600万辆的长期目标",               // a goal noun after 的
        "中医特色明显的中医优势专科网络",       // the head of a 的-phrase
        "25%左右",                         // a bare figure
        "2纳米逻辑芯片的研发",               // digits after 的
        String(repeating: "电池", count: 30), // over 40 characters
        "e\u{301}tude的目标",               // a combining mark: the String path
        "\u{2000}电池\u{2001}",             // en and em quads (canonically other spaces): the String path
        "固态电池👍🏽",                      // an emoji sequence: the String path
    ]

    static func scalars(_ text: String) -> [UInt32]? {
        Array(text.utf8).withUnsafeBufferPointer { TopicScalars.scalars(of: 0..<$0.count, in: $0) }
    }

    func check(_ text: String, into failures: inout [String]) {
        let extractor = Self.extractor
        guard let topicScalars = extractor.topicScalars, let scalars = Self.scalars(text) else { return }
        let string: ([UInt32]) -> String = { TopicScalars.string($0) }
        let clean = extractor.cleanTopic(text)
        if topicScalars.cleanTopic(scalars[...]).map(string) != clean { failures.append("cleanTopic: \(text)") }
        if string(topicScalars.stripAdverbs(scalars)) != extractor.stripAdverbs(text) { failures.append("stripAdverbs: \(text)") }
        if string(topicScalars.headNoun(scalars)) != extractor.headNoun(text) { failures.append("headNoun: \(text)") }
        if string(topicScalars.afterFigure(scalars)) != extractor.afterFigure(text) { failures.append("afterFigure: \(text)") }
        if topicScalars.topicBefore(scalars) != extractor.topicBefore(text) { failures.append("topicBefore: \(text)") }
        if topicScalars.topicAfter(scalars) != extractor.topicAfter(text) { failures.append("topicAfter: \(text)") }
    }

    @Test func topicRulesAgreeOnEveryStretchOfTheSeedsAndDevTexts() {
        #expect(Self.extractor.topicScalars != nil, "the bundled topic words are all plain")
        #expect(Self.stretches.count > 1000)
        var failures: [String] = []
        for stretch in Self.stretches { check(stretch, into: &failures) }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test(arguments: edges) func topicRulesAgreeOnEdges(_ text: String) {
        var failures: [String] = []
        check(text, into: &failures)
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Text the scalar path does not cover is left to the `String` path.
    @Test func scalarsRefuseWhatTheStringPathMustRead() {
        #expect(Self.scalars("e\u{301}") == nil)
        #expect(Self.scalars("\u{2000}") == nil)
        #expect(Self.scalars("👍🏽") == nil)
        #expect(Self.scalars("\u{F900}") == nil) // a compatibility ideograph, canonically another
        #expect(Self.scalars("固态电池，2025年") == "固态电池，2025年".unicodeScalars.map(\.value))
        let cut: [UInt8] = Array("电池".utf8).dropLast()
        #expect(cut.withUnsafeBufferPointer { TopicScalars.scalars(of: 0..<$0.count, in: $0) } == nil)
    }

    /// Every plain scalar is white space exactly when Foundation's `.whitespaces` trims it,
    /// and a number exactly when `Character.isNumber` says so.
    @Test func whiteSpaceAndNumbersAgreeOnEveryPlainScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)..<0x10000 where TopicScalars.isPlain(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let trimmed = String(scalar).trimmingCharacters(in: .whitespaces).isEmpty
            if TopicScalars.isWhitespace(value) != trimmed { disagreements.append("space U+" + String(value, radix: 16)) }
            if TopicScalars.isNumber(value) != Character(scalar).isNumber { disagreements.append("number U+" + String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(30))")
    }

    /// The Chinese digits as a switch read as the table they replace did.
    @Test func chineseDigitsAreTheDigitsOfTheNumerals() {
        var table: [UInt32: Int] = [0x3007: 0, 0x96F6: 0] // 〇 零
        for (offset, character) in "一二三四五六七八九".unicodeScalars.enumerated() { table[character.value] = offset + 1 }
        for value in UInt32(0)..<0x10000 { #expect(TimeParser.chineseDigit(value) == table[value], "U+\(String(value, radix: 16))") }
    }

    /// The core-start prefilter of the time scan drops no expression: on every seed and
    /// dev text, with and without a reference, the scan finds the same expressions,
    /// values and rules as a scan that parses every start in full.
    @Test func timePrefilterKeepsEveryExpression() {
        let vocabulary = TimeVocabulary.bundled
        let filtered = TimeNormalizer(vocabulary: vocabulary, prefilter: true)
        let full = TimeNormalizer(vocabulary: vocabulary, prefilter: false)
        #expect(filtered.formTable != nil && full.formTable == nil)
        // The texts, and the same texts with each numeral or relative word moved behind a prefix.
        let texts = Self.texts + Self.texts.map { $0.replacingOccurrences(of: "，", with: "，到") }
        var count = 0
        for text in texts {
            for reference in [nil, ReferenceDate(year: 2025, month: 3, day: 15)] {
                let expected = full.expressions(in: text, reference: reference)
                let found = filtered.expressions(in: text, reference: reference)
                count += expected.count
                #expect(found.map(\.range) == expected.map(\.range))
                #expect(found.map(\.value) == expected.map(\.value))
                #expect(found.map(\.rules) == expected.map(\.rules))
            }
        }
        #expect(count > 1000)
    }

    /// The short-title endings of a policy's name, found on bytes, are those `String.hasSuffix` finds.
    @Test func shortTitleEndingsAgreeWithHasSuffix() {
        let extractor = Self.extractor
        #expect(extractor.shortTitleBytes != nil)
        var names = seedExtractions.flatMap(\.entities).filter { $0.type == .policy }.map(\.name)
        names += ["", "方案", "实施方案", "X方案\u{301}", "e\u{301}意见", "\u{2000}意见", "意见👍🏽"] // edges: empty, a bare ending, marks, emoji
        #expect(names.count > 20)
        for name in names {
            let expected = extractor.shortTitles.words.indices.filter { name.hasSuffix(extractor.shortTitles.words[$0]) }
            #expect(extractor.shortTitleEndings(of: name) == expected, "\(name)")
        }
    }

    /// Word lists compiled to bytes find the first word of the list, as the `String` loop did.
    @Test(arguments: [
        (["截至", "截止到", "截止"], "截止到2025年", 1, 9),   // the longer word listed first wins
        (["到", "至"], "至今", 1, 3),                       // a later word
        (["个季度", "季度"], "季度末", 1, 6),                // a shorter word after a longer one
        (["年"], "年", 0, 3),                               // the whole text
        (["年"], "", nil, nil),                             // past the end
        (["——", "—", "-"], "—2025", 1, 3),                 // dashes that share their first bytes
        (["", "年"], "年", 0, 0),                           // an empty word matches where it is
    ] as [([String], String, Int?, Int?)])
    func timeWordsFindTheFirstListedWord(words: [String], text: String, word: Int?, end: Int?) {
        let list = TimeWords(words)
        let found = Array(text.utf8).withUnsafeBufferPointer { list.first(in: $0, at: 0) }
        #expect(found?.word == word)
        #expect(found?.end == end)
    }
}
