import Testing
@testable import PolicyGraphCore

/// The dictionary scan notes the starts of marked characters as it passes them
/// (`DictionaryScanner.scan(_:marking:)`, `CharacterMarks`), and the fixed words are tried there
/// only (`FixedWords.starts(at:in:)`): the notes are every start of a complete, marked three-byte
/// character, found by looking at every byte; the words found are those of the pass over every
/// byte (`FixedWords.starts(in:)`); the tokens are those of the scan that notes nothing.
@Suite struct CharacterMarksTests {
    static var scanner: DictionaryScanner { sharedExtractor.recognizer.scanner }
    static var fixedWords: FixedWords { sharedExtractor.lexicon.words.fixedWords }

    /// Edge cases: empty text, a character cut at the end, non-BMP scalars, combining marks,
    /// CR LF, broken UTF-8 (stray leads and continuation bytes before and inside words), the
    /// fixed words inside dictionary names (会同 in 委员会同, 公告 in 上市公司公告) and at the very end.
    static let edgeTexts: [[UInt8]] = {
        let strings = ["", "等", "联合", "会同", "国务院会同有关部门", "生态环境部联合发展改革委等部门", "上市公司宁远科技董事长",
                       "𠀀等😀条", "e\u{301}等\u{301}条\u{0308}", "等\r\n条\r\n", "委员会同意", "上市公司公告称", "（600000）",
                       "推出稳企十条措施", "董事会秘书总经理首席执行官", "中国", "a等b", "等等等等"]
        var texts = strings.map { Array($0.utf8) }
        let word = Array("董事长".utf8)
        texts += [[0xE8], [0xE8, 0x91], word + [0xE8], [0xE8] + word, [0x91] + word, [0xE8, 0x91] + word, Array(word.dropLast()),
                  [0xF0, 0x9F] + word, Array("会".utf8) + [0x80] + Array("同".utf8), [0xE4, 0xE4, 0xB8, 0xAD] + Array("等".utf8)]
        return texts
    }()

    /// The seeds' and dev texts, the generated texts, the edge texts; each also cut at its last bytes.
    static let texts: [[UInt8]] = {
        let whole = edgeTexts + RecognizerFourthRoundSpeedPathTests.texts + RecognizerFourthRoundSpeedPathTests.generated
        return whole.flatMap { text in [text] + (1...4).filter { $0 < text.count }.map { Array(text.dropLast($0)) } }
    }()

    /// Every start of a complete three-byte character that `marks` marks, byte by byte.
    static func straightforwardMarks(_ bytes: [UInt8], _ marks: [UInt8]) -> [Int] {
        guard bytes.count >= 3 else { return [] }
        return (0..<(bytes.count - 2)).filter { index in
            guard let slot = LeadCharacterIndex.slot(bytes[index], bytes[index + 1], bytes[index + 2]) else { return false }
            return marks[slot] != 0
        }
    }

    /// The scan's notes, the words found from them and its tokens, against the straightforward readings.
    static func expectSameAnswers(_ bytes: [UInt8], words: FixedWords, _ comment: @autoclosure () -> String) {
        bytes.withUnsafeBufferPointer { buffer in
            let (tokens, marked) = scanner.scan(buffer, marking: words.firstCharacters)
            #expect(tokens == scanner.scan(buffer), "tokens, \(comment())")
            #expect(marked == straightforwardMarks(bytes, words.firstCharacters), "marks, \(comment())")
            #expect(words.starts(at: marked, in: buffer).starts == words.starts(in: buffer).starts, "words, \(comment())")
        }
    }

    @Test func scanNotesAsEveryByteIsLookedAt() {
        #expect(Self.fixedWords.foundByScan)
        #expect(Self.texts.count > 300)
        for (number, text) in Self.texts.enumerated() {
            Self.expectSameAnswers(text, words: Self.fixedWords, "text \(number)")
        }
    }

    /// Words strung together with stray bytes in a fixed pseudo-random order, with words of
    /// their own (one inside another, one that begins another's first character).
    @Test func wordsStrungWithBrokenBytes() {
        let words: [[UInt8]] = ["等", "联合", "联合会", "（", "董事长", "长江", "事"].map { Array($0.utf8) }
        let fixed = FixedWords(words)
        #expect(fixed.foundByScan)
        let fragments: [[UInt8]] = words + [[0xE7], [0xE7, 0xAD], [0xAD, 0x89], [0x89], [0xF0, 0x9F], [0xC2], [0x61], [0x0D, 0x0A],
                                            Array("，中国".utf8), Array("联".utf8), Array("董事".utf8), Array("𠀀".utf8), [0xCC, 0x81]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var found = 0
        for number in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<24 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += fragments[Int(state >> 33) % fragments.count]
            }
            Self.expectSameAnswers(text, words: fixed, "strung \(number)")
            found += text.withUnsafeBufferPointer { fixed.starts(in: $0).starts.reduce(0) { $0 + $1.count } }
        }
        #expect(found > 1_000)
    }

    /// Words that do not all begin with a three-byte character are not marked: the words are
    /// found by the pass over every byte, whatever the candidates.
    @Test func wordsNotFoundByTheScan() {
        let fixed = FixedWords(["等", "abc", "董事长"].map { Array($0.utf8) })
        #expect(!fixed.foundByScan)
        #expect(fixed.firstCharacters.allSatisfy { $0 == 0 })
        let bytes = Array("xabc等董事长abc".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(fixed.starts(at: [], in: buffer).starts == fixed.starts(in: buffer).starts)
            #expect(fixed.starts(in: buffer).starts.map(\.count) == [1, 2, 1])
        }
    }

    /// The plain scan notes nothing, and a table of no marks notes nothing.
    @Test func noMarksNoteNothing() {
        let bytes = Array("国务院会同有关部门等".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(Self.scanner.scan(buffer, marking: CharacterMarks.none).marked.isEmpty)
        }
    }
}
