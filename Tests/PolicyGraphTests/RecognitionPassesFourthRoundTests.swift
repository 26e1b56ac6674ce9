import Foundation
import Testing
@testable import PolicyGraphCore

/// The fourth round's faster paths of the passes after the scan answer as the paths they
/// replaced: policy verbs before a qualified title by bytes, the overlap index without its sort,
/// the word lists made once with the lexicon.
@Suite struct RecognitionPassesFourthRoundTests {
    /// Policy verbs that end at every byte (scalar boundaries and inside scalars) of pieces of the
    /// seeds and dev texts, by bytes against the `String` comparison, and on pieces that are not
    /// plain: a compatibility ideograph, a combining mark, a scalar cut in two, the text's start.
    @Test func policyVerbsAsStrings() {
        let resolution = AliasResolution(lexicon: sharedExtractor.lexicon)
        let verbs = sharedExtractor.lexicon.ontology.patterns.policyVerbs
        #expect(sharedExtractor.lexicon.words.policyVerbsArePlain)
        // The pieces that hold a verb, and every eighth other one (the `String` path is slow).
        var texts = RecognitionPassSpeedTests.pieces.enumerated()
            .filter { $0.offset % 8 == 0 || verbs.contains(where: $0.element.contains) }.map(\.element)
        texts += verbs.flatMap { ["关于\($0)", "\($0)", "\u{F900}\($0)", "\($0)\u{301}", "a\r\n\($0)"] }
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                for end in 0...buffer.count {
                    let fast = resolution.policyVerbEnds(at: end, cursor: cursor)
                    #expect(fast == resolution.policyVerbEndsAsStrings(at: end, cursor: cursor), "\(text) at \(end)")
                    if fast { found += 1 }
                }
            }
        }
        #expect(found > 10)   // the table holds both answers
    }

    /// The overlap index answers the same with its input in order (no sort) and shuffled
    /// (sorted first), against a look at every range.
    @Test(arguments: [0, 1, 2, 7, 40])
    func overlapIndexWithoutItsSort(count: Int) {
        var generator = SplitMix(seed: UInt64(count) &+ 17)
        var ranges: [Range<Int>] = (0..<count).map { _ in
            let start = Int.random(in: 0..<60, using: &generator)
            return start..<(start + Int.random(in: 0..<12, using: &generator))
        }
        ranges.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        let inOrder = OverlapIndex(ranges)
        let shuffled = OverlapIndex(ranges.shuffled(using: &generator))
        for start in -2..<75 {
            for length in 0..<6 {
                let query = start..<(start + length)
                // The index's question, empty ranges included: starts before the end, ends after the start.
                let expected = ranges.contains { $0.lowerBound < query.upperBound && $0.upperBound > query.lowerBound }
                #expect(inOrder.overlaps(query) == expected, "\(query) in \(ranges)")
                #expect(shuffled.overlaps(query) == expected, "\(query) in shuffled \(ranges)")
            }
        }
    }

    /// The word lists made once with the lexicon are those each document made for itself.
    @Test func wordListsAsMadePerDocument() {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        let words = sharedExtractor.lexicon.words
        #expect(words.jointWordBytes == patterns.jointWords.map { Array($0.utf8) })
        #expect(words.governmentSuffixBytes == patterns.suffixes.filter { $0.type == .government }.map { Array($0.suffix.utf8) })
        let heads = patterns.listHeads.map { (bytes: Array($0.word.utf8), word: $0.word, type: $0.type) }.sorted { $0.bytes.count > $1.bytes.count }
        #expect(words.listHeadEntries.map(\.word) == heads.map(\.word))
        #expect(words.listHeadEntries.map(\.type) == heads.map(\.type))
        #expect(words.listHeadEntries.allSatisfy { $0.bytes == Array($0.word.utf8) })
        #expect(words.companyAfterWordBytes == patterns.companyAfterWords.map { Array($0.utf8) })
        #expect(words.companyBeforeWordBytes == patterns.companyBeforeWords.map { Array($0.utf8) })
        #expect(words.companyCodeLabelBytes == patterns.companyCodeLabels.map { Array($0.utf8) })
        #expect(words.companyExchangeBytes == patterns.companyExchanges.map { Array($0.utf8) })
        #expect(words.policyEndings == patterns.titleEndings.filter { $0.class == .policy }.map(\.ending))
        for surface in RecognitionPassSpeedTests.pieces.prefix(2_000) + patterns.titleEndings.map(\.ending) + ["", "政府工作报告\u{301}"] {
            #expect(words.namedTitleEndings.contains(surface) == patterns.titleEndings.contains { $0.ending == surface && $0.class == .named })
        }
        #expect(!words.namedTitleEndings.isEmpty)
        #expect(!words.jointWordBytes.isEmpty && !words.listHeadEntries.isEmpty && !words.policyEndings.isEmpty)
    }

    /// The fixed words found in one pass per document answer every search as the `memchr`
    /// search per word does (non-overlapping, overlapping, in part of the text, several words
    /// at once), on every piece of the seeds and dev texts and on the words strung together at
    /// odd and even offsets, overlapping themselves, cut at the text's end.
    @Test func fixedWordsAsSearchedOneByOne() {
        let fixed = sharedExtractor.lexicon.words.fixedWords
        let words = fixed.words
        #expect(words.count > 10)
        for word in ["等", "条", "（", "联合", "会同", "董事长", "上市公司"] { #expect(fixed.id(of: Array(word.utf8)) != nil, "\(word)") }
        #expect(fixed.id(of: Array("(".utf8)) == nil)   // too short: searched as before
        let strung = words.map { String(decoding: $0, as: UTF8.self) }
        var texts = RecognitionPassSpeedTests.pieces
        texts += [strung.joined(), "a" + strung.joined(), strung.joined(separator: "、"), strung.joined(separator: "ab"),
                  "等等等等", "a等等等", "条条", "董事长董事长董", "（（（", "", "a", "等", "联合联合会同联"]
        texts += strung.map { $0 + $0 + $0 } + strung.map { "x" + $0 } + strung.map { String($0.dropLast()) }
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let indexed = TextCursor(bytes: buffer, fixedWords: fixed)
                let plain = TextCursor(bytes: buffer)
                let ranges = [0..<buffer.count, min(1, buffer.count)..<buffer.count, 0..<max(0, buffer.count - 2),
                              min(4, buffer.count)..<max(min(4, buffer.count), buffer.count - 1)]
                for word in words {
                    for range in ranges {
                        let expected = ExtractionSpeedPathTests.naiveOccurrences(of: word, in: range, bytes: bytes)
                        #expect(indexed.occurrences(of: word, in: range) == expected, "\(text) \(range)")
                        #expect(indexed.occurrences(of: word, in: range, overlapping: true)
                                == plain.occurrences(of: word, in: range, overlapping: true), "\(text) \(range)")
                        found += expected.count
                    }
                }
                for range in ranges {
                    let together = indexed.occurrences(ofAny: words, in: range)
                    let apart = plain.occurrences(ofAny: words, in: range)
                    #expect(together.map(\.position) == apart.map(\.position), "\(text) \(range)")
                    #expect(together.map(\.needle) == apart.map(\.needle), "\(text) \(range)")
                }
            }
        }
        #expect(found > 1_000)   // the texts hold the words
    }

    /// The list head after 等 looked up by the scalar at each position against every head tried
    /// in turn, at every byte of pieces of the seeds and dev texts and of the heads strung together.
    @Test func listHeadsByFirstScalarAsInTurn() {
        let words = sharedExtractor.lexicon.words
        let heads = words.listHeadEntries
        #expect(!heads.contains { $0.bytes.isEmpty })
        var texts = RecognitionPassSpeedTests.pieces.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        texts += [heads.map(\.word).joined(), heads.map(\.word).joined(separator: "等"), "等企业", "等重点企业62家", ""]
        var found = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                for position in 0...buffer.count {
                    let fast = ListHeads.head(at: position, heads: heads, byFirst: words.listHeadsByFirst, cursor: cursor)
                    let slow = ListHeads.head(at: position, heads: heads, byFirst: nil, cursor: cursor)
                    #expect(fast?.word == slow?.word && fast?.type == slow?.type, "\(text) at \(position)")
                    if fast != nil { found += 1 }
                }
            }
        }
        #expect(found > 50)
    }
}
