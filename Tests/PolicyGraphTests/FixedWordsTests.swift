import Testing
@testable import PolicyGraphCore

/// The fixed words' pass (``FixedWords/starts(in:)``), which writes its starts into one buffer
/// and hands them out by word, against a byte-by-byte search of each word.
@Suite struct FixedWordsTests {
    /// Every start of `word` in `bytes`, overlapping ones too, by looking at every byte.
    static func naiveStarts(of word: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !word.isEmpty, word.count <= bytes.count else { return [] }
        return (0...(bytes.count - word.count)).filter { bytes[$0..<($0 + word.count)].elementsEqual(word) }
    }

    /// Words that share their first byte or character (董事长, 董事会秘书, 董秘), nest (等 in 等等),
    /// overlap themselves (等等), are plain ASCII, or begin with a four-byte scalar.
    static let words: [[UInt8]] = ["等", "等等", "联合", "会同", "（", "董事长", "董事会秘书", "董秘", "abc", "条", "𠀀等"]
        .map { Array($0.utf8) }

    /// Texts at the edges: empty, shorter than a word, a word alone, at the start and at the end,
    /// CR LF, a combining mark, a scalar outside the BMP, broken UTF-8, a word cut at the end,
    /// and thousands of starts (the buffer grows several times).
    static let texts: [[UInt8]] = [
        [], Array("等".utf8.prefix(2)), Array("等".utf8), Array("等等等".utf8), Array("联合\r\n联合".utf8),
        Array("等\u{301}条".utf8), Array("𠀀等𠀀".utf8), Array("董事长董事会秘书董秘董".utf8), Array("xabcabcx".utf8),
        Array("（董事长）".utf8) + [0xE8, 0x91], [0xE7, 0xAD, 0xE7, 0xAD, 0x89, 0x89], Array("中国联合会同等".utf8),
        Array(String(repeating: "等", count: 5_000).utf8), Array(String(repeating: "联合、会同和条（", count: 700).utf8),
    ] + RecognitionPassesTests.texts.map { Array($0.utf8) }

    /// How many starts `fixed` finds over `texts`, each word's checked against the byte-by-byte search.
    static func checkedStarts(_ fixed: FixedWords, in texts: [[UInt8]] = texts) -> Int {
        var found = 0
        for text in texts {
            let starts = text.withUnsafeBufferPointer { fixed.starts(in: $0) }
            for word in fixed.words {
                let expected = naiveStarts(of: word, in: text)
                #expect(starts.starts(of: word) == expected, "\(text.prefix(24)) \(word)")
                found += expected.count
            }
        }
        return found
    }

    @Test func startsAsSearchedByteByByte() {
        let fixed = FixedWords(Self.words)
        #expect(fixed.words == Self.words)
        #expect(Self.checkedStarts(fixed) > 10_000)
    }

    /// More words than a byte numbers groups of (``FixedWords/maximumGroups``): the last group
    /// takes the words of every further pair, and each is still found only where it is.
    @Test func moreGroupsThanAByteNumbers() {
        let words = (0..<600).map { Array((String(Unicode.Scalar(0x4E00 + $0 * 7)!) + "的").utf8) }
        let fixed = FixedWords(words)
        #expect(fixed.words == words)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var texts: [[UInt8]] = [words.flatMap { $0 }, words.reversed().flatMap { $0 } + words[0].prefix(4)]
        for _ in 0..<40 {
            var text: [UInt8] = []
            for _ in 0..<64 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let word = words[Int(state >> 33) % words.count]
                text += Int(state >> 20) % 3 == 0 ? Array(word.prefix(3)) + Array("等".utf8) : word
            }
            texts.append(text)
        }
        #expect(Self.checkedStarts(fixed, in: texts) > 2_000)
    }

    /// The patterns' own fixed words (《 among them) on the seeds and dev texts and on the edge texts.
    @Test func patternWordsAsSearchedByteByByte() {
        #expect(Self.checkedStarts(sharedExtractor.lexicon.words.fixedWords) > 1_000)
    }
}
