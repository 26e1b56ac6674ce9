import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte paths of ``RecognitionWords`` answer as the `String` sets and searches they stand
/// for: generic bodies, generic prefixes of a range, the last scalars of policy endings.
@Suite struct RecognitionWordsTests {
    /// Texts around the edges: empty, non-BMP scalars, combining marks, CR LF, a compatibility
    /// ideograph (U+F900 is canonically U+8C48), Latin letters and digits.
    static let edges = ["", "\u{20000}", "该\u{20000}", "芯片\u{301}设计", "\u{301}", "e\u{301}", "a\r\nb", "\r\n", "\u{F900}", "\u{8C48}",
                        "若干\u{F900}企业", "ABC", "3家", "该", "多家企业", "一批", "子公司\r\n"]

    /// The pieces of the seeds and dev texts (``RecognitionPassSpeedTests/pieces``), the generic
    /// bodies and prefixes themselves, each with a combining mark, a compatibility ideograph or
    /// CR LF added, and the edges.
    static func table(_ patterns: PatternLexicon, pieces: Int = .max) -> [String] {
        var texts = Set(edges)
        for piece in RecognitionPassSpeedTests.pieces.prefix(pieces) {
            let scalars = Array(piece.unicodeScalars)
            for length in [1, 2, 3, 4, 8] where scalars.count >= length {
                texts.insert(String(String.UnicodeScalarView(scalars.prefix(length))))
                texts.insert(String(String.UnicodeScalarView(scalars.suffix(length))))
            }
        }
        for word in Array(patterns.genericBodies) + patterns.genericPrefixes {
            texts.formUnion([word, word + "\u{301}", "\u{F900}" + word, word + "\r\n", word + "企业", String(word.unicodeScalars.dropLast())])
        }
        return texts.sorted()
    }

    /// The words as compiled, and compiled again with one generic body that is not plain (so
    /// that every answer takes the `String` path).
    static func wordsBothWays() -> [(words: RecognitionWords, patterns: PatternLexicon)] {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        var notPlain = patterns
        notPlain.genericBodies.insert("芯片\u{301}")
        return [(sharedExtractor.lexicon.words, patterns), (RecognitionWords(patterns: notPlain), notPlain)]
    }

    @Test func genericBodiesAsTheSet() {
        let both = Self.wordsBothWays()
        #expect(both[0].words.genericWordsArePlain)
        #expect(!both[1].words.genericWordsArePlain)
        for (words, patterns) in both {
            var generic = 0
            for text in Self.table(patterns) {
                let fast = words.isGenericBody(text, in: patterns.genericBodies)
                #expect(fast == patterns.genericBodies.contains(text), "\(text)")
                if fast { generic += 1 }
            }
            #expect(generic > 10)   // the table holds both answers
        }
    }

    /// The ranges from the first two scalar starts of each text to every later one (up to ten
    /// scalars), among them ranges that a prefix word runs past, against the range's `String` and
    /// `hasUTF8Prefix` (the first 400 pieces: the test runs in a debug build).
    @Test func genericPrefixesAsTheStrings() {
        for (words, patterns) in Self.wordsBothWays() {
            var generic = 0
            for text in Self.table(patterns, pieces: 400) {
                let bytes = Array(text.utf8)
                let starts = bytes.indices.filter { !UTF8Bytes.isContinuation(bytes[$0]) } + [bytes.count]
                bytes.withUnsafeBufferPointer { buffer in
                    let cursor = TextCursor(bytes: buffer)
                    for (offset, start) in starts.enumerated().prefix(2) {
                        for end in starts[offset...].prefix(11) {
                            let range = start..<end
                            let fast = words.startsWithGenericPrefix(range, cursor: cursor, prefixes: patterns.genericPrefixes)
                            let piece = cursor.text(range)
                            #expect(fast == patterns.genericPrefixes.contains { piece.hasUTF8Prefix($0) }, "\(text) \(range)")
                            if fast { generic += 1 }
                        }
                    }
                }
            }
            #expect(generic > 10)
        }
    }

    /// Short titles on composed bytes against the set of `String`s: the policy endings themselves,
    /// with a combining mark or a compatibility ideograph, and the pieces.
    @Test func shortTitlesAsTheSet() {
        let words = sharedExtractor.lexicon.words
        var titles = Set(Self.edges + RecognitionPassSpeedTests.pieces.prefix(2_000))
        for ending in words.shortTitles {
            titles.formUnion([ending, ending + "\u{301}", "\u{F900}" + ending, "实施" + ending, String(ending.unicodeScalars.dropFirst())])
            // The same text decomposed: the key composes it, as `String` equality does.
            titles.insert(String(ending.decomposedStringWithCanonicalMapping))
        }
        titles.insert("\u{FA0C}")   // a compatibility ideograph (兀), canonically U+5140
        var short = 0
        for title in titles.sorted() {
            let fast = words.isShortTitle(title)
            #expect(fast == words.shortTitles.contains(title), "\(title)")
            if fast { short += 1 }
        }
        #expect(short >= words.shortTitles.count)
    }

    /// Policy endings on the bytes of a range against the range's `String`: every range that ends
    /// at the end of a text and starts at one of its scalar starts, with each minimum.
    @Test(arguments: [0, 1, 4])
    func policyEndingsAsTheStrings(minimumBefore: Int) {
        let words = sharedExtractor.lexicon.words
        #expect(words.policyEndingsByLast != nil)
        var texts = Set(Self.edges + RecognitionPassSpeedTests.pieces.prefix(1_500))
        for ending in words.policyEndings {
            texts.formUnion([ending, "关于" + ending, "数字经济" + ending, "数字经济\u{301}" + ending, "\u{F900}\u{20000}" + ending,
                             "A-1" + ending, "\r\n" + ending, ending + "\u{301}"])
        }
        var found = 0
        for text in texts.sorted() {
            let bytes = Array(text.utf8)
            let starts = bytes.indices.filter { !UTF8Bytes.isContinuation(bytes[$0]) } + [bytes.count]
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                for start in starts {
                    let range = start..<bytes.count
                    let piece = cursor.text(range)
                    let expected = words.policyEndings.contains { piece.hasUTF8Suffix($0) && piece.count >= $0.count + minimumBefore }
                    let fast = words.endsWithPolicyEnding(range, cursor: cursor, minimumBefore: minimumBefore)
                    #expect(fast == expected, "\(text) \(range) \(minimumBefore)")
                    if fast { found += 1 }
                }
            }
        }
        #expect(found > 10)
    }

    /// The bits and the set agree on every scalar value and on values beyond the last scalar.
    @Test func policyEndingLastScalarsAsTheSet() {
        let words = sharedExtractor.lexicon.words
        #expect(!words.policyEndingLastScalars.isEmpty)
        var found = 0
        for value in UInt32(0)...0x11_0000 {
            let fast = words.endsPolicyEnding(value)
            if fast != words.policyEndingLastScalars.contains(value) { Issue.record("scalar \(value)") }
            if fast { found += 1 }
        }
        #expect(found == words.policyEndingLastScalars.count)
        for value: UInt32 in [.max, 0xFFFF_F000 | 0x6848] {   // 案 in the low bits, far beyond Unicode
            #expect(words.endsPolicyEnding(value) == words.policyEndingLastScalars.contains(value))
        }
    }
}
